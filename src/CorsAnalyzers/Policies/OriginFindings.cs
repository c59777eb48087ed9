using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

/// <summary>One origin of a policy that never matches (or matches too much), on the paths where it is consulted.</summary>
internal sealed class OriginFinding
{
    public OriginFinding(PolicyValue origin, OriginProblem problem, bool onEveryPath)
    {
        Origin = origin;
        Problem = problem;
        OnEveryPath = onEveryPath;
    }

    public PolicyValue Origin { get; }

    public OriginProblem Problem { get; }

    /// <summary>False when the origin is fine on some of the paths that list it (another path turns on wildcard subdomains, say).</summary>
    public bool OnEveryPath { get; }
}

internal static class OriginFindings
{
    /// <summary>
    /// Every constant origin of <paramref name="policy"/> with a problem, once per place it is written. Only paths that
    /// consult the origin list count: a lone <c>"*"</c> or a <c>SetIsOriginAllowed</c> predicate ignores it. Origins read
    /// from a settings file are judged like constants; origins known only at run time are never judged.
    /// </summary>
    public static ImmutableArray<OriginFinding> Find(CorsPolicyModel policy)
    {
        // Keyed by PolicyValue.Identity: one code read gives a value per settings file, each reported at its own place.
        var present = new Dictionary<object, int>();
        var found = new Dictionary<object, Found>();
        var order = new List<object>();
        foreach (var path in policy.Paths)
        {
            if (path.AllowsAnyOrigin || path.OriginPredicate is OriginPredicateKind.AcceptsAll or OriginPredicateKind.Custom)
            {
                continue;
            }

            foreach (var origin in path.Origins)
            {
                if (origin.Value is not { } text)
                {
                    continue;
                }

                var identity = origin.Identity;
                present[identity] = present.TryGetValue(identity, out var count) ? count + 1 : 1;
                var problem = OriginStrings.Check(text, origin.IsVerbatim, path.AllowsWildcardSubdomains, path.Origins.Length > 1);
                if (path.HasUnknownConfiguration && problem.Kind is OriginProblemKind.WildcardSubdomainNotEnabled or OriginProblemKind.AnyAmongOthers)
                {
                    // Code we cannot see may turn on wildcard subdomains or replace the list.
                    continue;
                }

                if (problem.Kind == OriginProblemKind.None)
                {
                    continue;
                }

                if (found.TryGetValue(identity, out var existing))
                {
                    existing.Paths++;
                }
                else
                {
                    found[identity] = new Found(origin, problem);
                    order.Add(identity);
                }
            }
        }

        var findings = ImmutableArray.CreateBuilder<OriginFinding>(order.Count);
        foreach (var source in order)
        {
            var finding = found[source];
            findings.Add(new OriginFinding(finding.Origin, finding.Problem, finding.Paths == present[source]));
        }

        return findings.MoveToImmutable();
    }

    /// <summary>An origin with a problem and the number of paths that list it (a class: see <see cref="Pipeline.MiddlewareKinds"/>).</summary>
    private sealed class Found
    {
        public Found(PolicyValue origin, OriginProblem problem)
        {
            Origin = origin;
            Problem = problem;
        }

        public PolicyValue Origin { get; }

        public OriginProblem Problem { get; }

        public int Paths { get; set; } = 1;
    }
}
