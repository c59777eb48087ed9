using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// What the conditions around a read of a local say of the values it holds there. In
/// <c>var origins = config.GetSection("Cors:Origins").Get&lt;string[]&gt;() ?? new[] { "*" };</c> followed by
/// <c>if (origins.Contains("*")) policy.AllowAnyOrigin(); else policy.WithOrigins(origins).AllowCredentials();</c>, the list
/// the else branch passes never holds <c>"*"</c>: each <c>if</c> or <c>?:</c> whose branch holds the read, and whose
/// condition tests the local against a constant, drops the values the branch cannot see. The tests: a list's
/// membership (<c>Contains(c)</c>, <c>Any(x =&gt; x == c)</c>) and a string's equality (<c>== c</c>, <c>!= c</c>,
/// <c>is c</c>, <c>is not c</c>), negated, or a part of <c>&amp;&amp;</c> (on the true branch) or <c>||</c> (on the false
/// branch). Only for a local whose one value is its initializer (never assigned again, nor written by ref), so the
/// condition tested the very value the read sees, lambdas included.
/// </summary>
internal static class ValueGuards
{
    /// <summary>The lists of <paramref name="lists"/> that a list in <paramref name="use"/>'s local may be where it is read.</summary>
    public static ImmutableArray<ImmutableArray<PolicyValue>> Narrow(ILocalReferenceOperation use, ImmutableArray<ImmutableArray<PolicyValue>> lists, CorsSymbols symbols)
    {
        if (Facts(use, symbols, ofList: true) is not { } facts)
        {
            return lists;
        }

        var result = lists;
        foreach (var (value, holds) in facts)
        {
            var kept = ImmutableArray.CreateBuilder<ImmutableArray<PolicyValue>>(result.Length);
            foreach (var list in result)
            {
                var has = false;
                var known = true;
                foreach (var element in list)
                {
                    has |= element.Value == value;
                    known &= element.IsConstant;
                }

                // A list with an unknown element may hold the value or not: only a list of constants is decided.
                if (holds ? has || !known : !has)
                {
                    kept.Add(list);
                }
            }

            result = kept.ToImmutable();
        }

        // No list fits every condition: the facts contradict what the reader found, so they say nothing.
        return result.IsEmpty ? lists : result;
    }

    /// <summary>The strings of <paramref name="values"/> that <paramref name="use"/>'s local may be where it is read.</summary>
    public static ImmutableArray<PolicyValue> Narrow(ILocalReferenceOperation use, ImmutableArray<PolicyValue> values, CorsSymbols symbols)
    {
        if (Facts(use, symbols, ofList: false) is not { } facts)
        {
            return values;
        }

        var result = values;
        foreach (var (value, holds) in facts)
        {
            var kept = ImmutableArray.CreateBuilder<PolicyValue>(result.Length);
            foreach (var candidate in result)
            {
                if (holds ? candidate.Value == value || !candidate.IsConstant : candidate.Value != value)
                {
                    kept.Add(candidate);
                }
            }

            result = kept.ToImmutable();
        }

        return result.IsEmpty ? values : result;
    }

    // Each fact: a constant, and whether the local's list holds it (ofList) or the local's string equals it.
    private static List<(string Value, bool Holds)>? Facts(ILocalReferenceOperation use, CorsSymbols symbols, bool ofList)
    {
        var local = use.Local;
        List<(string, bool)>? facts = null;
        BodyOperations? body = null;
        for (IOperation child = use, parent = use.Parent!; parent is not null; child = parent, parent = parent.Parent!)
        {
            if (parent is not IConditionalOperation conditional || child == conditional.Condition)
            {
                continue;
            }

            body ??= BodyOperations.Of(use);
            if (body.IsAssigned(local) || body.IsWrittenOtherwise(local))
            {
                return null;
            }

            Collect(conditional.Condition, child == conditional.WhenTrue, local, symbols, ofList, ref facts);
        }

        return facts;
    }

    private static void Collect(IOperation condition, bool truth, ILocalSymbol local, CorsSymbols symbols, bool ofList, ref List<(string, bool)>? facts)
    {
        switch (condition.WalkDownConversions())
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                Collect(not.Operand, !truth, local, symbols, ofList, ref facts);
                break;

            // Both parts hold on the true branch of `a && b`; neither holds on the false branch of `a || b`.
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when truth:
                Collect(both.LeftOperand, true, local, symbols, ofList, ref facts);
                Collect(both.RightOperand, true, local, symbols, ofList, ref facts);
                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !truth:
                Collect(either.LeftOperand, false, local, symbols, ofList, ref facts);
                Collect(either.RightOperand, false, local, symbols, ofList, ref facts);
                break;

            case IInvocationOperation invocation when ofList:
                if (symbols.OriginChecks.TryGetMembershipTest(invocation, out var list, out var member) && IsLocal(list, local)
                    && member.ConstantValue is { HasValue: true, Value: string constant })
                {
                    (facts ??= new()).Add((constant, truth));
                }

                break;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } equality when !ofList:
                var other = IsLocal(equality.LeftOperand, local) ? equality.RightOperand : IsLocal(equality.RightOperand, local) ? equality.LeftOperand : null;
                if (other?.ConstantValue is { HasValue: true, Value: string text })
                {
                    (facts ??= new()).Add((text, (equality.OperatorKind == BinaryOperatorKind.Equals) == truth));
                }

                break;

            case IIsPatternOperation { Value: var tested, Pattern: var pattern } when !ofList && IsLocal(tested, local):
                var negated = pattern is INegatedPatternOperation;
                if ((pattern is INegatedPatternOperation { Pattern: var inner } ? inner : pattern) is IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: string matched } })
                {
                    (facts ??= new()).Add((matched, negated != truth));
                }

                break;
        }
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
        => operation.WalkDownConversions() is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);
}
