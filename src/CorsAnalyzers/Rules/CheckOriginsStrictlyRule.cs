using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS013: an origin predicate (<c>SetIsOriginAllowed</c>, <c>CorsPolicy.IsOriginAllowed</c>) whose check an attacker's
/// origin passes: <c>EndsWith("contoso.com")</c>, <c>StartsWith("https://app.contoso.com")</c>, <c>Contains</c>, an
/// unanchored pattern or one with unescaped dots. The model runs the predicate on the attacker's origin
/// (<see cref="CorsPolicyModel.WeakOriginChecks"/>); the message names that origin.
/// </summary>
internal sealed class CheckOriginsStrictlyRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.CheckOriginsStrictly;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        var findings = policy.WeakOriginChecks;
        if (findings.IsEmpty)
        {
            return;
        }

        var symbols = policy.Symbols.OriginChecks;
        foreach (var finding in findings)
        {
            var check = finding.Check;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.CheckOriginsStrictly,
                check.Check.Syntax.GetLocation(),
                check.Text is null ? null : new[] { check.Text.Syntax.GetLocation() },
                IsInAnalyzedMember(context, check.Check) ? OriginCheckFix.For(check, symbols) : ImmutableDictionary<string, string?>.Empty,
                policy.Identity.Describe(),
                check.PassingOrigin,
                CorsPolicyModel.ConditionalSuffix(finding.OnEveryPath),
                Reason(check)));
        }
    }

    /// <summary>
    /// A check in a helper method outside the analysed member is reported there, but is not a local diagnostic: the IDE
    /// neither shows nor fixes it, so it carries no fix.
    /// </summary>
    private static bool IsInAnalyzedMember(OperationAnalysisContext context, IOperation check)
    {
        foreach (var reference in context.ContainingSymbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == check.Syntax.SyntaxTree && reference.Span.Contains(check.Syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason(WeakOriginCheck check)
    {
        var text = check.Text is null ? null : ValueReader.ReadString(check.Text);
        return check.Kind switch
        {
            WeakCheckKind.EndsWithoutDot => $"EndsWith(\"{text}\") does not require a dot before the domain",
            WeakCheckKind.StartsWithoutEnd => $"StartsWith(\"{text}\") lets the host go on after it",
            WeakCheckKind.ContainsAnywhere => $"the check finds \"{text}\" anywhere in the origin",
            WeakCheckKind.PatternOpenAtEnd => "the pattern is not anchored at the end ($), so the host may go on after it",
            WeakCheckKind.PatternOpenAtStart => "the pattern lets other text come before the domain",
            _ => "an unescaped '.' in the pattern matches any character",
        };
    }
}
