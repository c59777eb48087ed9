using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// A name for a condition that means the same wherever it is written in one policy: <c>dev</c> and <c>!dev</c>,
/// <c>builder.Environment.IsDevelopment()</c> twice. A path that took <c>if (dev)</c> does not take <c>if (!dev)</c>
/// later (<see cref="PolicyState.Assume"/>): <c>if (dev) AllowAnyOrigin(); ... if (!dev) AllowCredentials();</c> never
/// combines the two. Only conditions built from variables nothing assigns again, constants, and member reads and calls
/// on them: the calls are taken to answer the same twice (an environment, a configuration flag).
/// </summary>
internal static class ConditionKey
{
    private const int MaxLength = 200;

    /// <summary>The key of <paramref name="condition"/>, with <paramref name="negated"/> true for <c>!key</c>; null when it has none.</summary>
    public static string? Of(IOperation condition, out bool negated)
    {
        negated = false;
        var operation = condition.WalkDownConversions();
        while (true)
        {
            if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not)
            {
                negated = !negated;
                operation = not.Operand.WalkDownConversions();
            }
            else if (ComparedWithBool(operation, out var value, out var constant))
            {
                // `open == true` is `open`, `open == false` and `open != true` are `!open` (for bool, not bool?: null is neither).
                negated ^= !constant;
                operation = value;
            }
            else
            {
                break;
            }
        }

        if (operation.Syntax.Span.Length > MaxLength || !IsStable(operation))
        {
            return null;
        }

        // `origins[0] != "*"` is `!(origins[0] == "*")`: one key for both, so a path that took `if (origins[0] == "*")` does
        // not take `if (origins[0] != "*")` later.
        var text = new StringBuilder();
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison)
        {
            negated ^= comparison.OperatorKind == BinaryOperatorKind.NotEquals;
            AppendTokens(comparison.LeftOperand.Syntax, text);
            text.Append("== ");
            AppendTokens(comparison.RightOperand.Syntax, text);
        }
        else
        {
            AppendTokens(operation.Syntax, text);
        }

        return text.ToString();
    }

    // Token by token, without trivia: `IsDevelopment( )` and `IsDevelopment()` are one key. Walked with GetNextToken, not
    // DescendantTokens: its LINQ over SyntaxNodeOrToken, a value type, is code no precompiled image holds, and the JIT
    // compiling it was two fifths of the package's first run.
    private static void AppendTokens(SyntaxNode syntax, StringBuilder text)
    {
        var end = syntax.Span.End;
        for (var token = syntax.GetFirstToken(includeZeroWidth: true); token.RawKind != 0 && token.Span.End <= end; token = token.GetNextToken(includeZeroWidth: true))
        {
            if (!token.Span.IsEmpty)
            {
                text.Append(token.Text).Append(' ');
            }
        }
    }

    /// <summary><c>x == true</c>, <c>x != false</c>, <c>x is true</c> on a <c>bool</c>: <paramref name="constant"/> is what it means of x.</summary>
    private static bool ComparedWithBool(IOperation operation, out IOperation value, out bool constant)
    {
        value = operation;
        constant = false;
        switch (operation)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } comparison:
                var (other, literal) = comparison.RightOperand.ConstantValue is { HasValue: true, Value: bool right }
                    ? (comparison.LeftOperand, (bool?)right)
                    : comparison.LeftOperand.ConstantValue is { HasValue: true, Value: bool left } ? (comparison.RightOperand, left) : (comparison.LeftOperand, null);
                if (literal is not { } known || other.Type?.SpecialType != SpecialType.System_Boolean)
                {
                    return false;
                }

                value = other.WalkDownConversions();
                constant = known == (comparison.OperatorKind == BinaryOperatorKind.Equals);
                return true;

            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: bool pattern } } } isPattern
                when isPattern.Value.Type?.SpecialType == SpecialType.System_Boolean:
                value = isPattern.Value.WalkDownConversions();
                constant = pattern;
                return true;

            default:
                return false;
        }
    }

    private static bool IsStable(IOperation operation)
    {
        foreach (var part in operation.DescendantsAndSelf())
        {
            switch (part)
            {
                case ILocalReferenceOperation { Local: var local } when SourceBodies.IsAssigned(local):
                case IParameterReferenceOperation { Parameter: var parameter } when SourceBodies.IsAssigned(parameter):
                case IFieldReferenceOperation { Field: { IsReadOnly: false, IsConst: false } }:
                case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation or IAwaitOperation:
                case IAnonymousFunctionOperation or IInvalidOperation:
                    return false;
            }
        }

        return true;
    }
}
