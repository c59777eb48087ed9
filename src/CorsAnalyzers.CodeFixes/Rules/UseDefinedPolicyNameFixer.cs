using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS010: replaces an undefined policy name, written as a string literal, with a defined one that is close to it
/// (the analyzer lists them in <see cref="PolicyNameFix.CandidatesKey"/>, nearest first): one action per candidate.
/// No fix when no defined name is close, or when the name is a constant declared elsewhere.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseDefinedPolicyNameFixer)), Shared]
public sealed class UseDefinedPolicyNameFixer : CodeFixProvider
{
    /// <summary>The nearest defined name; Fix All applies this one.</summary>
    public const string NearestEquivalenceKey = "CorsAnalyzers.UseNearestDefinedPolicyName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UseDefinedPolicyName);

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
            if (!diagnostic.Properties.TryGetValue(PolicyNameFix.CandidatesKey, out var joined) || joined is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                continue;
            }

            var candidates = joined.Split(new[] { PolicyNameFix.Separator }, System.StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < candidates.Length; i++)
            {
                var name = candidates[i];
                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)).WithTriviaFrom(literal);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use policy '{name}'",
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                        i == 0 ? NearestEquivalenceKey : NearestEquivalenceKey + "." + name),
                    diagnostic);
            }
        }
    }
}
