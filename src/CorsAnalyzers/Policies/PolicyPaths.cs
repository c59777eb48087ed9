using System;
using System.Collections.Generic;
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
            value ??= FromClauses(logical, state);
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
        if (depth < MaxConditionDepth && operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical)
        {
            var isAnd = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd;
            if (target == isAnd)
            {
                state = Assume(logical.LeftOperand, state, target, depth + 1);
                state = Assume(logical.RightOperand, state, target, depth + 1);
            }
            else if (Clause(logical, negate: isAnd) is { } clause)
            {
                // `a && b` false: `!a || !b` holds; `a || b` true: it holds as it is. Kept whole (see FromClauses).
                state = state.Assume(clause, true);
            }
        }

        return state;
    }

    // A clause the path knows to hold: a disjunction of literals (a condition's key, "!" before a negated one), sorted,
    // under a prefix no key starts with.
    private const char ClausePrefix = '\u0002';
    private const char LiteralSeparator = '\u0001';

    /// <summary>
    /// What the clauses the path holds say of a conjunction or disjunction its parts leave open: after
    /// <c>if (origins.Length &gt; 0 &amp;&amp; !origins.Contains("*")) ... else policy.AllowAnyOrigin();</c>, the else path knows
    /// <c>!(origins.Length &gt; 0) || origins.Contains("*")</c>, so <c>credentials &amp;&amp; origins.Length &gt; 0 &amp;&amp;
    /// !origins.Contains("*")</c>, which holds the negation of every literal of that clause, is false there. A disjunction
    /// that holds every literal of a clause is true.
    /// </summary>
    private static bool? FromClauses(IBinaryOperation logical, PolicyState state)
    {
        List<string>? literals = null;
        var isAnd = logical.OperatorKind == BinaryOperatorKind.ConditionalAnd;
        for (var assumption = state.Assumptions; assumption is not null; assumption = assumption.Next)
        {
            if (!assumption.Value || assumption.Key.Length == 0 || assumption.Key[0] != ClausePrefix)
            {
                continue;
            }

            literals ??= Literals(logical, isAnd, new List<string>()) ?? new List<string>();
            if (literals.Count == 0)
            {
                return null;
            }

            var decided = true;
            foreach (var literal in assumption.Key.Substring(1).Split(LiteralSeparator))
            {
                // A conjunction is false when it holds the negation of each literal of the clause (each is false in it); a
                // disjunction is true when it holds each literal.
                if (!literals.Contains(isAnd ? Negate(literal) : literal))
                {
                    decided = false;
                    break;
                }
            }

            if (decided)
            {
                return !isAnd;
            }
        }

        return null;
    }

    // The clause `a || b` is, or the one `a && b` being false means (`!a || !b`): null when a part has no key.
    private static string? Clause(IBinaryOperation logical, bool negate)
    {
        if (Literals(logical, logical.OperatorKind == BinaryOperatorKind.ConditionalAnd, new List<string>()) is not { Count: > 1 } literals)
        {
            return null;
        }

        for (var i = 0; i < literals.Count; i++)
        {
            literals[i] = negate ? Negate(literals[i]) : literals[i];
        }

        literals.Sort(StringComparer.Ordinal);
        return ClausePrefix + string.Join(LiteralSeparator.ToString(), literals);
    }

    // The literals of a conjunction (conjunction: true) or disjunction, flattened through nested ones of the same kind and
    // De Morgan's `!(a || b)`, `!(a && b)`; null when one has no key (or the condition nests too deep).
    private static List<string>? Literals(IOperation condition, bool conjunction, List<string> into, int depth = 0)
    {
        var operation = Unwrap(condition, out var negated);
        if (depth < MaxConditionDepth && operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical
            && (logical.OperatorKind == BinaryOperatorKind.ConditionalAnd) != negated == conjunction)
        {
            return LiteralsOf(logical.LeftOperand, negated, conjunction, into, depth) is null || LiteralsOf(logical.RightOperand, negated, conjunction, into, depth) is null
                ? null
                : into;
        }

        if (ConditionKey.Of(operation, out var keyNegated) is not { } key)
        {
            return null;
        }

        into.Add(negated != keyNegated ? "!" + key : key);
        return into;
    }

    // A part of a flattened condition under the negation around it: `!(a || b)` is `!a && !b`.
    private static List<string>? LiteralsOf(IOperation part, bool negated, bool conjunction, List<string> into, int depth)
    {
        if (!negated)
        {
            return Literals(part, conjunction, into, depth + 1);
        }

        var start = into.Count;
        if (Literals(part, !conjunction, into, depth + 1) is null)
        {
            return null;
        }

        for (var i = start; i < into.Count; i++)
        {
            into[i] = Negate(into[i]);
        }

        return into;
    }

    private static string Negate(string literal) => literal.Length > 0 && literal[0] == '!' ? literal.Substring(1) : "!" + literal;
}
