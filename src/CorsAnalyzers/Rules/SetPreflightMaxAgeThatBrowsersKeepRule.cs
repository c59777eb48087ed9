using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS015: a constant preflight max age that browsers do not keep as written: longer than a browser's cap (Chromium
/// 7200 s, Firefox 86400 s, Safari 600 s), or not a whole number of seconds (ASP.NET Core writes <c>TotalSeconds</c>,
/// "1.5", which browsers do not parse). Non-constant values are not judged.
/// </summary>
internal sealed class SetPreflightMaxAgeThatBrowsersKeepRule : PolicyRule
{
    private const long TicksPerSecond = 10_000_000;
    private const long ChromiumMaxSeconds = 7200;
    private const long FirefoxMaxSeconds = 86400;
    private const long SafariMaxSeconds = 600;

    public override DiagnosticDescriptor Descriptor => Descriptors.SetPreflightMaxAgeThatBrowsersKeep;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        var seen = new HashSet<IOperation>();
        foreach (var path in policy.Paths)
        {
            if (path.PreflightMaxAgeCall is not { } call || !seen.Add(call) || MaxAge(call) is not { } value)
            {
                continue;
            }

            // The type comes from ASP.NET Core's own signature (SetPreflightMaxAge(TimeSpan), TimeSpan? PreflightMaxAge):
            // no lookup by name, and a user's type named TimeSpan is never read.
            if (!ConstantTimeSpans.TryGetTicks(value.Operation, value.TimeSpan, out var ticks) || ticks < 0 || Reason(ticks) is not { } reason)
            {
                continue;
            }

            policy.PathsWhere(state => state.PreflightMaxAgeCall == call, out var onEveryPath);
            var properties = ticks % TicksPerSecond == 0
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(SetPreflightMaxAgeThatBrowsersKeepFix.WholeSecondsKey, WholeSeconds(ticks).ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SetPreflightMaxAgeThatBrowsersKeep,
                value.Operation.Syntax.GetLocation(),
                properties,
                policy.Identity.Describe(),
                Seconds(ticks) + " s",
                CorsPolicyModel.ConditionalSuffix(onEveryPath),
                reason));
        }
    }

    /// <summary>The <c>TimeSpan</c> given to <c>SetPreflightMaxAge(...)</c> or assigned to <c>CorsPolicy.PreflightMaxAge</c>.</summary>
    private static (IOperation Operation, ITypeSymbol TimeSpan)? MaxAge(IOperation call)
    {
        switch (call)
        {
            case IInvocationOperation { Arguments: { Length: 1 } arguments } invocation
                when invocation.TargetMethod.Parameters.Length == 1 && invocation.TargetMethod.Parameters[0].Type is { } type:
                return (arguments[0].Value, type);
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Type: INamedTypeSymbol { TypeArguments: { Length: 1 } typeArguments } } } assignment:
                return (assignment.Value, typeArguments[0]);
            default:
                return null;
        }
    }

    private static string? Reason(long ticks)
    {
        if (ticks % TicksPerSecond != 0)
        {
            return $"ASP.NET Core sends 'Access-Control-Max-Age: {Seconds(ticks)}', which is not a whole number of seconds, so Chromium and Safari keep the preflight for their default 5 s and Firefox does not keep it at all. Use a whole number of seconds";
        }

        var seconds = ticks / TicksPerSecond;
        if (seconds <= SafariMaxSeconds)
        {
            return null;
        }

        return $"browsers keep a preflight for at most {ChromiumMaxSeconds} s (Chromium), {FirefoxMaxSeconds} s (Firefox) and {SafariMaxSeconds} s (Safari), "
            + $"so it is kept {Capped(seconds, ChromiumMaxSeconds)} s in Chromium, {Capped(seconds, FirefoxMaxSeconds)} s in Firefox and {SafariMaxSeconds} s in Safari";
    }

    /// <summary>The nearest whole number of seconds, halves rounded up.</summary>
    private static long WholeSeconds(long ticks) => (ticks / TicksPerSecond) + (ticks % TicksPerSecond >= TicksPerSecond / 2 ? 1 : 0);

    private static long Capped(long seconds, long max) => seconds < max ? seconds : max;

    /// <summary>The seconds as ASP.NET Core writes them: <c>TimeSpan.TotalSeconds.ToString(CultureInfo.InvariantCulture)</c>.</summary>
    private static string Seconds(long ticks) => ((double)ticks / TicksPerSecond).ToString("R", CultureInfo.InvariantCulture);
}
