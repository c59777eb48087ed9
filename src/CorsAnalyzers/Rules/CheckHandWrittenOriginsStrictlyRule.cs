using System.Collections.Immutable;
using CorsAnalyzers.Headers;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS013 on hand-written headers: the check that guards sending the request's <c>Origin</c> back in
/// <c>Access-Control-Allow-Origin</c> (<c>if (origin.EndsWith("contoso.com")) ...</c>) lets an attacker's origin through.
/// The same descriptor as <see cref="CheckOriginsStrictlyRule"/>, which judges policy predicates: one question, asked of
/// two models, so one ID and one message. Reported at the weak check, with the checked text (what the fix edits) and the
/// header write as additional locations. A write guarded by more than one such condition is left alone: the attacker's
/// origin would have to pass them all, and only the innermost is run.
/// </summary>
internal sealed class CheckHandWrittenOriginsStrictlyRule : HeaderRule
{
    private const string Subject = "The check that guards the hand-written Access-Control-Allow-Origin";

    public override DiagnosticDescriptor Descriptor => Descriptors.CheckOriginsStrictly;

    public override void Analyze(OperationAnalysisContext context, HeaderBody body)
    {
        foreach (var guard in body.GetOriginGuards())
        {
            if (guard is not { Kind: GuardKind.OtherCheck, OtherChecks: 1, Condition: { } condition })
            {
                continue;
            }

            var symbols = body.Symbols.OriginChecks;
            foreach (var check in OriginChecks.InCondition(condition, OriginValue.Of(guard.Origin), symbols, guard.WhenTrue))
            {
                var write = guard.Write.Location;
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptor,
                    check.Check.Syntax.GetLocation(),
                    check.Text is null ? new[] { write } : new[] { check.Text.Syntax.GetLocation(), write },
                    CheckOriginsStrictlyRule.IsInAnalyzedMember(context, check.Check) ? OriginCheckFix.For(check, symbols) : ImmutableDictionary<string, string?>.Empty,
                    Subject,
                    check.PassingOrigin,
                    string.Empty,
                    CheckOriginsStrictlyRule.Reason(check)));
            }
        }
    }
}
