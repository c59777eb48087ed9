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
    /// consult the origin list count: a lone <c>"*"</c> or a <c>SetIsOriginAllowed</c> predicate ignores it. Origins known
    /// only at run time (configuration) are never judged.
    /// </summary>
    public static ImmutableArray<OriginFinding> Find(CorsPolicyModel policy)
    {
        var present = new Dictionary<IOperation, int>();
        var found = new Dictionary<IOperation, Found>();
        var order = new List<IOperation>();
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

                present[origin.Source] = present.TryGetValue(origin.Source, out var count) ? count + 1 : 1;
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

                if (found.TryGetValue(origin.Source, out var existing))
                {
                    existing.Paths++;
                }
                else
                {
                    found[origin.Source] = new Found(origin, problem);
                    order.Add(origin.Source);
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
