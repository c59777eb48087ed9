using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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

    /// <summary>
    /// The paths that go into each branch of <c>if (condition)</c>: all of them, except that a path which already went
    /// through the same condition (<see cref="ConditionKey"/>) takes only the branch it took then, and each branch
    /// remembers which way it went.
    /// </summary>
    public static (ImmutableArray<PolicyState> WhenTrue, ImmutableArray<PolicyState> WhenFalse) Split(IOperation condition, ImmutableArray<PolicyState> states)
    {
        if (states.IsEmpty || ConditionKey.Of(condition, out var negated) is not { } key)
        {
            return (states, states);
        }

        var whenTrue = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        var whenFalse = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        foreach (var state in states)
        {
            if (state.Assumed(key) is { } value)
            {
                (value != negated ? whenTrue : whenFalse).Add(state);
            }
            else
            {
                whenTrue.Add(state.Assume(key, !negated));
                whenFalse.Add(state.Assume(key, negated));
            }
        }

        return (whenTrue.ToImmutable(), whenFalse.ToImmutable());
    }
}
