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
/// CORS001, CORS002, CORS007: rewrites a wildcard origin (<c>AllowAnyOrigin()</c>, a <c>"*"</c> value, an accept-all
/// <c>SetIsOriginAllowed(...)</c>) into an explicit origin list: <c>cors_analyzers.allowed_origins</c>, or a placeholder.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseExplicitOriginsFixer)), Shared]
public sealed class UseExplicitOriginsFixer : CodeFixProvider
{
    public const string EquivalenceKey = "CorsAnalyzers.UseExplicitOrigins";

    private const string Title = "Allow only explicit origins with WithOrigins(...)";
    private const string PlaceholderComment = "/* TODO: list the origins you trust */";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.DoNotCombineAnyOriginWithCredentials,
        DiagnosticIds.DoNotAllowEveryOriginWithCredentials,
        DiagnosticIds.AllowAnyOriginOnlyForPublicApis);

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
            if (!diagnostic.Properties.TryGetValue(OriginFix.KindKey, out var kind))
            {
                continue;
            }

            var document = context.Document;
            if (kind == OriginFix.ReplaceCall && FindCall(root, diagnostic) is { } call)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ReplaceCallAsync(document, call, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
            else if (kind == OriginFix.ReplaceValue && FindValue(root, diagnostic) is { } value)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, cancellationToken => ReplaceValueAsync(document, value, cancellationToken), EquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The invocation whose name and argument list the diagnostic covers.</summary>
    private static InvocationExpressionSyntax? FindCall(SyntaxNode root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.SourceSpan;
        return root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(invocation => invocation.ArgumentList.Span.End == span.End
                && invocation.Expression is MemberAccessExpressionSyntax or MemberBindingExpressionSyntax);
    }

    /// <summary>
    /// The <c>"*"</c> value (the diagnostic's last additional location: after the <c>AllowCredentials()</c> call for CORS001,
    /// alone for CORS007), when it stands in a list we can widen: an argument list, an array initialiser or a collection expression.
    /// </summary>
    private static ExpressionSyntax? FindValue(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.AdditionalLocations.Count == 0)
        {
            return null;
        }

        var location = diagnostic.AdditionalLocations[diagnostic.AdditionalLocations.Count - 1];
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        return root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax value
            && value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax } or InitializerExpressionSyntax or ExpressionElementSyntax
            ? value
            : null;
    }

    private static async Task<Document> ReplaceCallAsync(Document document, InvocationExpressionSyntax call, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var name = call.Expression is MemberAccessExpressionSyntax memberAccess ? memberAccess.Name : ((MemberBindingExpressionSyntax)call.Expression).Name;
        var newName = SyntaxFactory.IdentifierName(SyntaxFactory.Identifier(name.Identifier.LeadingTrivia, "WithOrigins", name.Identifier.TrailingTrivia));
        var newArguments = call.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(
            OriginLiterals(document, call.SyntaxTree).Select(SyntaxFactory.Argument)));
        return document.WithSyntaxRoot(root!.ReplaceNodes(
            new SyntaxNode[] { name, call.ArgumentList },
            (original, _) => original == name ? newName : newArguments));
    }

    private static async Task<Document> ReplaceValueAsync(Document document, ExpressionSyntax value, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var literals = OriginLiterals(document, value.SyntaxTree)
            .Select(literal => (ExpressionSyntax)literal)
            .ToArray();
        literals[0] = literals[0].WithLeadingTrivia(value.GetLeadingTrivia());
        literals[literals.Length - 1] = literals[literals.Length - 1].WithTrailingTrivia(
            literals[literals.Length - 1].GetTrailingTrivia().AddRange(value.GetTrailingTrivia()));

        SyntaxNode newRoot = value.Parent switch
        {
            ArgumentSyntax argument => root!.ReplaceNode(argument, literals.Select((literal, index) => index == 0 ? argument.WithExpression(literal) : SyntaxFactory.Argument(literal))),
            ExpressionElementSyntax element => root!.ReplaceNode(element, literals.Select(SyntaxFactory.ExpressionElement)),
            _ => root!.ReplaceNode(value, literals),
        };
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>The configured origins as string literals, or the placeholder origin with a comment that says so.</summary>
    private static ImmutableArray<LiteralExpressionSyntax> OriginLiterals(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var origins = CorsAnalyzerOptions.GetList(options, CorsAnalyzerOptions.AllowedOriginsKey);
        if (origins.IsEmpty)
        {
            return ImmutableArray.Create(
                StringLiteral(CorsAnalyzerOptions.PlaceholderOrigin)
                    .WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment(PlaceholderComment)));
        }

        return origins.Select(StringLiteral).ToImmutableArray();
    }

    private static LiteralExpressionSyntax StringLiteral(string text)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
}
