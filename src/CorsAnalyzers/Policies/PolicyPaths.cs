using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

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
    /// remembers which way it went. A condition made of <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> is decided from its parts
    /// where the path knows them (<c>if (origins[0] == "*") ...; if (allowCredentials &amp;&amp; origins[0] != "*") ...</c>: a path
    /// that allowed any origin never takes the second branch), and a branch remembers the parts it implies.
    /// </summary>
    public static (ImmutableArray<PolicyState> WhenTrue, ImmutableArray<PolicyState> WhenFalse) Split(IOperation condition, ImmutableArray<PolicyState> states)
    {
        if (states.IsEmpty)
        {
            return (states, states);
        }

        var key = ConditionKey.Of(condition, out var negated);
        var compound = IsCompound(condition);
        if (key is null && !compound)
        {
            return (states, states);
        }

        var whenTrue = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        var whenFalse = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        foreach (var state in states)
        {
            // A plain condition (most of them: `dev`, `env.IsDevelopment()`): its one key, computed once.
            if (!compound)
            {
                if (state.Assumed(key!) is { } value)
                {
                    (value != negated ? whenTrue : whenFalse).Add(state);
                }
                else
                {
                    whenTrue.Add(state.Assume(key!, !negated));
                    whenFalse.Add(state.Assume(key!, negated));
                }

                continue;
            }

            switch (Value(condition, state, 0))
            {
                case true:
                    whenTrue.Add(state);
                    break;
                case false:
                    whenFalse.Add(state);
                    break;
                default:
                    whenTrue.Add(Assume(condition, state, true, 0));
                    whenFalse.Add(Assume(condition, state, false, 0));
                    break;
            }
        }

        return (whenTrue.ToImmutable(), whenFalse.ToImmutable());
    }

    private const int MaxConditionDepth = 8;

    private static bool IsCompound(IOperation condition)
        => Unwrap(condition, out _) is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr };

    private static IOperation Unwrap(IOperation condition, out bool negated)
    {
        negated = false;
        var operation = condition.WalkDownConversions();
        while (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
        {
            negated = !negated;
            operation = not.Operand.WalkDownConversions();
        }

        return operation;
    }

    /// <summary>What the path knows of <paramref name="condition"/>: true, false, or null.</summary>
    private static bool? Value(IOperation condition, PolicyState state, int depth)
    {
        var operation = Unwrap(condition, out var negated);
        bool? value = null;
        if (ConditionKey.Of(operation, out var keyNegated) is { } key && state.Assumed(key) is { } assumed)
        {
            value = assumed != keyNegated;
        }
        else if (depth < MaxConditionDepth && operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical)
        {
            var left = Value(logical.LeftOperand, state, depth + 1);
            var right = Value(logical.RightOperand, state, depth + 1);
            value = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd
                ? left == false || right == false ? false : left == true && right == true ? true : null
                : left == true || right == true ? true : left == false && right == false ? false : null;
        }

        return value is { } known ? known != negated : null;
    }

    /// <summary>The path with <paramref name="condition"/> assumed <paramref name="value"/>, and the parts that implies.</summary>
    private static PolicyState Assume(IOperation condition, PolicyState state, bool value, int depth)
    {
        var operation = Unwrap(condition, out var negated);
        var target = value != negated;
        if (ConditionKey.Of(operation, out var keyNegated) is { } key)
        {
            state = state.Assume(key, target != keyNegated);
        }

        // `a && b` true: both are; `a || b` false: neither is.
        if (depth < MaxConditionDepth && operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
            && target == (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd))
        {
            state = Assume(logical.LeftOperand, state, target, depth + 1);
            state = Assume(logical.RightOperand, state, target, depth + 1);
        }

        return state;
    }
}
