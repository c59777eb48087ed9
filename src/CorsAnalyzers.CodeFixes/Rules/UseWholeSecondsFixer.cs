using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS015: rewrites a preflight max age that is not a whole number of seconds to the nearest whole number (the analyzer computes it, in <see cref="SetPreflightMaxAgeThatBrowsersKeepFix"/>). Not offered
/// for a value longer than a browser keeps: how long to cache is the user's choice.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseWholeSecondsFixer)), Shared]
public sealed class UseWholeSecondsFixer : CodeFixProvider
{
    public const string EquivalenceKey = "CorsAnalyzers.UseWholeSeconds";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep);

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
            if (!diagnostic.Properties.TryGetValue(SetPreflightMaxAgeThatBrowsersKeepFix.WholeSecondsKey, out var seconds)
                || !long.TryParse(seconds, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var wholeSeconds)
                || diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || value.Span != diagnostic.Location.SourceSpan)
            {
                continue;
            }

            if (Rewrite(value, wholeSeconds) is not { } replacement)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Use {wholeSeconds} s", _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(value, replacement))), EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// The same call with whole seconds, naming TimeSpan as the code does: <c>X.FromMilliseconds(1500)</c> becomes
    /// <c>X.FromSeconds(2)</c>, <c>new X(0, 0, 0, 1, 500)</c> becomes <c>new X(0, 0, 2)</c> (hours, minutes, seconds).
    /// </summary>
    private static ExpressionSyntax? Rewrite(ExpressionSyntax value, long seconds)
    {
        switch (value)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                return invocation
                    .WithExpression(access.WithName(SyntaxFactory.IdentifierName("FromSeconds").WithTriviaFrom(access.Name)))
                    .WithArgumentList(Arguments(invocation.ArgumentList, Number(seconds)));

            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax name } invocation:
                return invocation
                    .WithExpression(SyntaxFactory.IdentifierName("FromSeconds").WithTriviaFrom(name))
                    .WithArgumentList(Arguments(invocation.ArgumentList, Number(seconds)));

            case ObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation when seconds / 3600 <= int.MaxValue:
                return creation.WithArgumentList(Arguments(arguments, Number(seconds / 3600), Number(seconds % 3600 / 60), Number(seconds % 60)));

            case ImplicitObjectCreationExpressionSyntax creation when seconds / 3600 <= int.MaxValue:
                return creation.WithArgumentList(Arguments(creation.ArgumentList, Number(seconds / 3600), Number(seconds % 3600 / 60), Number(seconds % 60)));

            default:
                return null;
        }
    }

    private static ArgumentListSyntax Arguments(ArgumentListSyntax original, params ExpressionSyntax[] values)
        => SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(System.Linq.Enumerable.Select(values, SyntaxFactory.Argument)))
            .WithTriviaFrom(original);

    private static LiteralExpressionSyntax Number(long value)
        => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, value <= int.MaxValue ? SyntaxFactory.Literal((int)value) : SyntaxFactory.Literal(value));
}
