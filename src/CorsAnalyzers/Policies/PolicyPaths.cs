using System;
using System.Collections.Immutable;

namespace CorsAnalyzers.Policies;

/// <summary>Sets of paths through configuring code: each path is one <see cref="PolicyState"/>, at most <see cref="MaxPaths"/>.</summary>
internal static class PolicyPaths
{
    public const int MaxPaths = 32;

    public static ImmutableArray<PolicyState> Map(ImmutableArray<PolicyState> states, Func<PolicyState, PolicyState> apply)
    {
        var builder = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        foreach (var state in states)
        {
            builder.Add(apply(state));
        }

        return builder.MoveToImmutable();
    }

    public static ImmutableArray<PolicyState> Union(ImmutableArray<PolicyState> left, ImmutableArray<PolicyState> right)
    {
        if (left.IsEmpty)
        {
            return right;
        }

        if (right.IsEmpty)
        {
            return left;
        }

        var builder = ImmutableArray.CreateBuilder<PolicyState>(left.Length + right.Length);
        builder.AddRange(left);
        foreach (var state in right)
        {
            if (builder.Count >= MaxPaths)
            {
                break;
            }

            if (!builder.Contains(state))
            {
                builder.Add(state);
            }
        }

        return builder.ToImmutable();
    }
}
