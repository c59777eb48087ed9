using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS014: splits a comma-joined method or header literal into one argument (or element) per item, upper-cases a
/// method, or replaces an exposed <c>"*"</c> in a policy with credentials by the headers of
/// <c>cors_analyzers.exposed_headers</c> (or a placeholder). The analyzer decides which (in
/// <see cref="ListMethodsAndHeadersAsBrowsersMatchThemFix"/>); the literal to edit is the diagnostic's location.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RewriteMethodOrHeaderFixer)), Shared]
public sealed class RewriteMethodOrHeaderFixer : CodeFixProvider
{
    public const string SplitEquivalenceKey = "CorsAnalyzers.SplitJoinedValue";
    public const string UpperCaseEquivalenceKey = "CorsAnalyzers.UpperCaseMethod";
    public const string ListExposedHeadersEquivalenceKey = "CorsAnalyzers.ListExposedHeaders";

    private const string PlaceholderComment = "/* TODO: list the response headers scripts read */";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem);

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
            if (!diagnostic.Properties.TryGetValue(ListMethodsAndHeadersAsBrowsersMatchThemFix.KindKey, out var kind)
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var document = context.Document;
            switch (kind)
            {
                case ListMethodsAndHeadersAsBrowsersMatchThemFix.Split when Split(literal) is { Length: > 0 } items
                    && ReplaceInList(root, literal, items) is { } split:
                    context.RegisterCodeFix(
                        CodeAction.Create($"Pass {string.Join(", ", items.Select(item => item.Token.Text))} as separate values", _ => Task.FromResult(document.WithSyntaxRoot(split)), SplitEquivalenceKey),
                        diagnostic);
                    break;

                case ListMethodsAndHeadersAsBrowsersMatchThemFix.UpperCase when diagnostic.Properties.TryGetValue(ListMethodsAndHeadersAsBrowsersMatchThemFix.ValueKey, out var method)
                    && method is not null
                    && ChainSyntax.WithValue(literal, method) is { } rewritten:
                    context.RegisterCodeFix(
                        CodeAction.Create($"Write the method as '{method}'", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, rewritten))), UpperCaseEquivalenceKey),
                        diagnostic);
                    break;

                case ListMethodsAndHeadersAsBrowsersMatchThemFix.ListExposedHeaders when ReplaceInList(root, literal, ExposedHeaders(document, literal.SyntaxTree)) is { } listed:
                    context.RegisterCodeFix(
                        CodeAction.Create("List the headers to expose", _ => Task.FromResult(document.WithSyntaxRoot(listed)), ListExposedHeadersEquivalenceKey),
                        diagnostic);
                    break;
            }
        }
    }

    /// <summary>The items of a joined literal (<c>"GET, POST"</c>), trimmed, empty ones left out, each a literal of its own.</summary>
    private static LiteralExpressionSyntax[] Split(LiteralExpressionSyntax literal)
        => literal.Token.ValueText
            .Split(',')
            .Select(item => item.Trim())
            .Where(item => item.Length > 0)
            .Select(ChainSyntax.StringLiteral)
            .ToArray();

    /// <summary>The configured exposed headers, or the placeholder header with a comment that says so.</summary>
    private static LiteralExpressionSyntax[] ExposedHeaders(Document document, SyntaxTree tree)
    {
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var headers = CorsAnalyzerOptions.GetList(options, CorsAnalyzerOptions.ExposedHeadersKey);
        if (headers.IsEmpty)
        {
            return new[]
            {
                ChainSyntax.StringLiteral(CorsAnalyzerOptions.PlaceholderExposedHeader)
                    .WithTrailingTrivia(SyntaxFactory.Space, SyntaxFactory.Comment(PlaceholderComment)),
            };
        }

        return headers.Select(ChainSyntax.StringLiteral).ToArray();
    }

    /// <summary>
    /// The root with <paramref name="value"/> replaced by <paramref name="items"/> in its argument list, array initialiser or
    /// collection expression; null anywhere else.
    /// </summary>
    private static SyntaxNode? ReplaceInList(SyntaxNode root, LiteralExpressionSyntax value, IReadOnlyList<ExpressionSyntax> items)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var replacements = items.ToArray();
        replacements[0] = replacements[0].WithLeadingTrivia(value.GetLeadingTrivia());
        var last = replacements.Length - 1;
        replacements[last] = replacements[last].WithTrailingTrivia(replacements[last].GetTrailingTrivia().AddRange(value.GetTrailingTrivia()));

        return value.Parent switch
        {
            ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax } argument =>
                root.ReplaceNode(argument, replacements.Select((item, index) => index == 0 ? argument.WithExpression(item) : SyntaxFactory.Argument(item))),
            InitializerExpressionSyntax => root.ReplaceNode(value, replacements),
            ExpressionElementSyntax element => root.ReplaceNode(element, replacements.Select(SyntaxFactory.ExpressionElement)),
            _ => null,
        };
    }
}
