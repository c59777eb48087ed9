using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS007: a policy that allows every origin without credentials: an origin list that is exactly <c>"*"</c>
/// (<c>AllowAnyOrigin()</c>, <c>WithOrigins("*")</c>, <c>new CorsPolicyBuilder("*")</c>, <c>Origins.Add("*")</c>) or a
/// predicate that accepts every origin. Any site can read the responses; fine for a public, cookie-free API.
/// Where the same call allows credentials on some path, CORS001 or CORS002 reports it and this rule is silent.
/// </summary>
internal sealed class AllowAnyOriginOnlyForPublicApisRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.AllowAnyOriginOnlyForPublicApis;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        // Code we cannot see may add credentials or origins, so only paths we know end to end are judged.
        var paths = policy.PathsWhere(
            path => !path.AllowsCredentials && !path.HasUnknownConfiguration && (path.AllowsAnyOrigin || path.OriginPredicate == OriginPredicateKind.AcceptsAll),
            out var onEveryPath);
        if (paths.IsEmpty)
        {
            return;
        }

        var reported = new HashSet<object>();
        foreach (var path in policy.Paths)
        {
            // The calls CORS001 and CORS002 report: with credentials on some path.
            if (path.AllowsCredentials && path.AnyOrigin is { } reportedAnyOrigin)
            {
                reported.Add(reportedAnyOrigin.Identity);
            }
            else if (path.AllowsCredentials && path.OriginPredicate == OriginPredicateKind.AcceptsAll)
            {
                reported.Add(path.OriginPredicateCall!);
            }
        }

        foreach (var path in paths)
        {
            if (path.AnyOrigin is { } anyOrigin)
            {
                if (reported.Add(anyOrigin.Identity))
                {
                    // A "*" in a settings file is reported there, with the WithOrigins(...) call that reads it.
                    var (location, additionalLocations) = anyOrigin.Setting is { } setting
                        ? (setting.Location, new[] { anyOrigin.Call.NameAndArgumentsLocation() })
                        : (anyOrigin.Call.NameAndArgumentsLocation(), anyOrigin.Source == anyOrigin.Call ? null : new[] { anyOrigin.Source.Syntax.GetLocation() });
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.AllowAnyOriginOnlyForPublicApis,
                        location,
                        additionalLocations,
                        OriginFix.For(anyOrigin),
                        policy.Identity.Describe(),
                        CorsPolicyModel.ConditionalSuffix(onEveryPath) + anyOrigin.Place));
                }
            }
            else if (reported.Add(path.OriginPredicateCall!))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.AllowAnyOriginOnlyForPublicApis,
                    path.OriginPredicateCall!.NameAndArgumentsLocation(),
                    additionalLocations: null,
                    path.OriginPredicateCall is IInvocationOperation ? OriginFix.ForCall : ImmutableDictionary<string, string?>.Empty,
                    policy.Identity.Describe(),
                    CorsPolicyModel.ConditionalSuffix(onEveryPath)));
            }
        }
    }
}
