using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS013: <c>EndsWith("contoso.com")</c> becomes <c>(EndsWith(".contoso.com") || EndsWith("://contoso.com"))</c> (on a host:
/// <c>|| host == "contoso.com"</c>), the same domain and its subdomains without the look-alikes; a loose pattern
/// literal is anchored and its dots escaped. What to write comes from the analyzer (<see cref="OriginCheckFix"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardenOriginCheckFixer)), Shared]
public sealed class HardenOriginCheckFixer : CodeFixProvider
{
    public const string RequireDotEquivalenceKey = "CorsAnalyzers.HardenOriginCheck.RequireDot";
    public const string AnchorPatternEquivalenceKey = "CorsAnalyzers.HardenOriginCheck.AnchorPattern";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CheckOriginsStrictly);

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
            if (!diagnostic.Properties.TryGetValue(OriginCheckFix.KindKey, out var kind) || diagnostic.AdditionalLocations.Count == 0
                || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.AdditionalLocations[0].SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var document = context.Document;
            if (kind == OriginCheckFix.RequireDot
                && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax } endsWith
                && endsWith.Span == diagnostic.Location.SourceSpan && endsWith.ArgumentList.Arguments.Count > 0
                && endsWith.ArgumentList.Arguments[0].Expression == literal)
            {
                var isHost = diagnostic.Properties.TryGetValue(OriginCheckFix.SubjectKey, out var subject) && subject == "Host";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Require a dot before \"{literal.Token.ValueText}\"",
                        cancellationToken => RequireDotAsync(document, endsWith, literal, isHost, cancellationToken),
                        RequireDotEquivalenceKey),
                    diagnostic);
            }
            else if (kind == OriginCheckFix.AnchorPattern && diagnostic.Properties.TryGetValue(OriginCheckFix.PatternKey, out var pattern) && pattern is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Anchor the pattern and escape its dots",
                        cancellationToken => ReplacePatternAsync(document, literal, pattern, cancellationToken),
                        AnchorPatternEquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> RequireDotAsync(Document document, InvocationExpressionSyntax endsWith, LiteralExpressionSyntax literal, bool isHost, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var text = literal.Token.ValueText;
        var subject = ((MemberAccessExpressionSyntax)endsWith.Expression).Expression.WithoutTrivia();
        var withDot = WithFirstArgument(endsWith, String("." + text)).WithoutTrivia();
        var arguments = endsWith.ArgumentList.Arguments;

        // The domain itself: the scheme's "://" before it on an origin; the host equal to it on a host.
        ExpressionSyntax exact = !isHost
            ? WithFirstArgument(endsWith, String("://" + text)).WithoutTrivia()
            : arguments.Count == 1
                ? SyntaxFactory.BinaryExpression(SyntaxKind.EqualsExpression, subject, String(text))
                : SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, subject, SyntaxFactory.IdentifierName("Equals")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(String(text)), arguments[1].WithoutTrivia() })));
        ExpressionSyntax replacement = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalOrExpression, withDot, exact);
        if (NeedsParentheses(endsWith))
        {
            replacement = SyntaxFactory.ParenthesizedExpression(replacement);
        }

        return document.WithSyntaxRoot(root!.ReplaceNode(endsWith, replacement.WithTriviaFrom(endsWith)));
    }

    private static async Task<Document> ReplacePatternAsync(Document document, LiteralExpressionSyntax literal, string pattern, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var token = literal.Token.Text.StartsWith("@", System.StringComparison.Ordinal)
            ? SyntaxFactory.Literal("@\"" + pattern.Replace("\"", "\"\"") + "\"", pattern)
            : SyntaxFactory.Literal(pattern);
        return document.WithSyntaxRoot(root!.ReplaceNode(literal, literal.WithToken(token.WithTriviaFrom(literal.Token))));
    }

    private static InvocationExpressionSyntax WithFirstArgument(InvocationExpressionSyntax call, ExpressionSyntax value)
        => call.WithArgumentList(call.ArgumentList.WithArguments(call.ArgumentList.Arguments.Replace(
            call.ArgumentList.Arguments[0], call.ArgumentList.Arguments[0].WithExpression(value.WithTriviaFrom(call.ArgumentList.Arguments[0].Expression)))));

    private static LiteralExpressionSyntax String(string text)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    /// <summary>
    /// An <c>||</c> needs parentheses except where it stands alone (a lambda or return value, an argument, a condition) or
    /// is the left side of another <c>||</c> (which reads the same without them).
    /// </summary>
    private static bool NeedsParentheses(ExpressionSyntax expression) => expression.Parent is not (
        ParenthesizedExpressionSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or LambdaExpressionSyntax
        or ArgumentSyntax or EqualsValueClauseSyntax or IfStatementSyntax or WhileStatementSyntax)
        && !(expression.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or && or.Left == expression);
}
