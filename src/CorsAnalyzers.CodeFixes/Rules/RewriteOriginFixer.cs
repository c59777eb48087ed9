using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS005, CORS006: rewrites an origin literal to the origin browsers send (same quote style), turns on wildcard
/// subdomains for a <c>"https://*.contoso.com"</c> origin, or removes a <c>"null"</c> origin or a <c>"*"</c> among real ones.
/// The analyzer decides which (in <see cref="OriginStringFix"/>); an origin with no certain canonical form gets no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RewriteOriginFixer)), Shared]
public sealed class RewriteOriginFixer : CodeFixProvider
{
    public const string RewriteEquivalenceKey = "CorsAnalyzers.WriteCanonicalOrigin";
    public const string WildcardSubdomainsEquivalenceKey = "CorsAnalyzers.AllowWildcardSubdomains";
    public const string RemoveEquivalenceKey = "CorsAnalyzers.RemoveOrigin";
    public const string SplitEquivalenceKey = "CorsAnalyzers.SplitJoinedOrigins";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.DoNotListOriginsThatNeverMatch,
        DiagnosticIds.DoNotAllowNullOrigin);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(OriginStringFix.KindKey, out var kind)
                || diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } location
                || tree != root.SyntaxTree)
            {
                continue;
            }

            var node = root.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
            var document = context.Document;
            switch (kind)
            {
                case OriginStringFix.Rewrite when diagnostic.Properties.TryGetValue(OriginStringFix.CanonicalKey, out var canonical)
                    && canonical is not null
                    && node is LiteralExpressionSyntax literal
                    && ChainSyntax.WithValue(literal, canonical) is { } rewritten:
                    context.RegisterCodeFix(
                        CodeAction.Create($"Write the origin as '{canonical}'", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, rewritten))), RewriteEquivalenceKey),
                        diagnostic);
                    break;

                case OriginStringFix.AddWildcardSubdomains when node.FirstAncestorOrSelf<ExpressionSyntax>(candidate => candidate.Span == location.SourceSpan) is { } call:
                    var withWildcards = ChainSyntax.AppendCall(call, "SetIsOriginAllowedToAllowWildcardSubdomains", Enumerable.Empty<ExpressionSyntax>());
                    context.RegisterCodeFix(
                        CodeAction.Create("Allow wildcard subdomains with SetIsOriginAllowedToAllowWildcardSubdomains()", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(call, withWildcards))), WildcardSubdomainsEquivalenceKey),
                        diagnostic);
                    break;

                case OriginStringFix.SplitJoined when node.FirstAncestorOrSelf<ExpressionSyntax>(candidate => candidate.Span == location.SourceSpan) is { } read:
                    // `config["Cors:Origins"]!`: the suppression stays on the read, before the call.
                    var receiver = read.Parent is PostfixUnaryExpressionSyntax suppressed && suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression)
                        ? suppressed
                        : read;
                    var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                    var split = Split(receiver, model);
                    context.RegisterCodeFix(
                        CodeAction.Create("Split the comma-joined origins with .Split(',', ...)", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(receiver, split))), SplitEquivalenceKey),
                        diagnostic);
                    break;

                case OriginStringFix.Remove when node is ExpressionSyntax value && Remove(root, value) is { } removed:
                    context.RegisterCodeFix(
                        CodeAction.Create($"Remove origin {value}", _ => Task.FromResult(document.WithSyntaxRoot(removed)), RemoveEquivalenceKey),
                        diagnostic);
                    break;
            }
        }
    }

    /// <summary>
    /// <c>read.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)</c>, naming
    /// <c>StringSplitOptions</c> as the file can (<c>System.StringSplitOptions</c> without a <c>using System;</c>).
    /// </summary>
    private static ExpressionSyntax Split(ExpressionSyntax read, SemanticModel? model)
    {
        var options = model is not null && model.LookupNamespacesAndTypes(read.SpanStart, name: "StringSplitOptions").Any(symbol => symbol.ToDisplayString() == "System.StringSplitOptions")
            ? "StringSplitOptions"
            : "System.StringSplitOptions";
        var receiver = read is InvocationExpressionSyntax or ElementAccessExpressionSyntax or MemberAccessExpressionSyntax or IdentifierNameSyntax
            or ConditionalAccessExpressionSyntax or PostfixUnaryExpressionSyntax
            ? read.WithoutTrivia().ToString()
            : "(" + read.WithoutTrivia() + ")";
        return SyntaxFactory.ParseExpression($"{receiver}.Split(',', {options}.RemoveEmptyEntries | {options}.TrimEntries)").WithTriviaFrom(read);
    }

    /// <summary>
    /// The root without the origin <paramref name="value"/>: the argument or element goes; a call or statement left with
    /// no origin (<c>.WithOrigins("null")</c>, <c>policy.Origins.Add("null");</c>) goes with it. Null when removing would
    /// not compile (an expression-bodied lambda, <c>new[] { }</c>).
    /// </summary>
    private static SyntaxNode? Remove(SyntaxNode root, ExpressionSyntax value)
    {
        switch (value.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax list } argument when list.Arguments.Count > 1 || list.Parent is BaseObjectCreationExpressionSyntax:
                return root.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);

            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call } }:
                if (call.Parent is MemberAccessExpressionSyntax { Expression: var receiver } && receiver == call)
                {
                    return root.ReplaceNode(call, access.Expression.WithTrailingTrivia(call.GetTrailingTrivia()));
                }

                return call.Parent switch
                {
                    ExpressionStatementSyntax { Parent: GlobalStatementSyntax global } => root.RemoveNode(global, SyntaxRemoveOptions.KeepNoTrivia),
                    ExpressionStatementSyntax { Parent: BlockSyntax } statement => root.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia),
                    _ => null,
                };

            case InitializerExpressionSyntax initializer when initializer.Expressions.Count > 1 || initializer.Parent is not ImplicitArrayCreationExpressionSyntax:
                return root.RemoveNode(value, SyntaxRemoveOptions.KeepTrailingTrivia);

            case ExpressionElementSyntax element:
                return root.RemoveNode(element, SyntaxRemoveOptions.KeepTrailingTrivia);

            default:
                return null;
        }
    }
}
