using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Reads the values code passes to ASP.NET Core: literals and constants, static readonly fields and locals with constant
/// initializers, arrays, collection expressions and <c>params</c> lists. A value it cannot read is kept with a null
/// <see cref="PolicyValue.Value"/>: known to exist, unknown in content.
/// Origins are read as value sets (<see cref="ReadOriginLists"/>): every list a call may pass, through <c>??</c>, <c>?:</c>,
/// <c>switch</c> expressions, <c>?.</c>, locals assigned on several paths, <c>.Split(',')</c>, and configuration reads
/// resolved to the project's settings files (ValueReader.Sets.cs).
/// </summary>
internal static partial class ValueReader
{
    private const int MaxInitializerDepth = 4;
    private const int MaxValueAlternatives = 4;

    /// <summary>
    /// The text of a single string value: a constant (<c>const</c>, <c>nameof</c>, a literal), or a static readonly field
    /// whose initializer is a constant. Null when it is only known at run time.
    /// </summary>
    public static string? ReadString(IOperation value)
    {
        value = value.WalkDownConversions();
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return text;
        }

        return value is IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field }
            && SourceBodies.GetInitializer(field, value.SemanticModel) is { ConstantValue: { HasValue: true, Value: string initial } }
            ? initial
            : null;
    }

    /// <summary>The strings a <c>params string[]</c> call passes: literals, constants, and arrays initialised with them.</summary>
    public static ImmutableArray<PolicyValue> ReadValues(IOperation call, ImmutableArray<IArgumentOperation> arguments)
    {
        var values = ImmutableArray.CreateBuilder<PolicyValue>();
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    values.Add(ReadValue(element, call));
                }
            }
            else
            {
                ReadArray(argument.Value, call, values, depth: 0);
            }
        }

        return values.ToImmutable();
    }

    /// <summary>
    /// The lists a call may pass: a value written <c>dev ? "*" : "https://app.contoso.com"</c> forks the path, one list
    /// per branch (at most <see cref="MaxValueAlternatives"/> lists), so <c>"*"</c> on one branch is seen as such.
    /// </summary>
    public static ImmutableArray<ImmutableArray<PolicyValue>> Alternatives(ImmutableArray<PolicyValue> values)
    {
        var lists = ImmutableArray.Create(values);
        for (var i = 0; i < values.Length && lists.Length < MaxValueAlternatives; i++)
        {
            if (values[i].IsConstant || values[i].Source.WalkDownConversions() is not IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                continue;
            }

            var whenTrueValue = ReadValue(conditional.WhenTrue.WalkDownConversions(), values[i].Call);
            var whenFalseValue = ReadValue(whenFalse.WalkDownConversions(), values[i].Call);
            if (!whenTrueValue.IsConstant && !whenFalseValue.IsConstant)
            {
                continue;
            }

            var forked = ImmutableArray.CreateBuilder<ImmutableArray<PolicyValue>>(lists.Length * 2);
            foreach (var list in lists)
            {
                forked.Add(list.SetItem(i, whenTrueValue));
                forked.Add(list.SetItem(i, whenFalseValue));
            }

            lists = forked.MoveToImmutable();
        }

        return lists;
    }

    /// <summary>
    /// The elements of an array written in place (a creation, an initializer, a collection expression), or null when
    /// <paramref name="array"/> is no such array; locals and fields are not followed (the caller decides whether they may change).
    /// </summary>
    public static ImmutableArray<PolicyValue> ReadArrayElements(IOperation array)
    {
        array = array.WalkDownConversions();
        if (array is ILocalReferenceOperation or IFieldReferenceOperation)
        {
            return default;
        }

        var values = ImmutableArray.CreateBuilder<PolicyValue>();
        ReadArray(array, array, values, depth: MaxInitializerDepth);
        return values.Count == 1 && values[0].Source == array ? default : values.ToImmutable();
    }

    /// <summary>One element of a list: its constant text when it has one.</summary>
    public static PolicyValue ReadValue(IOperation element, IOperation call)
        => new(element.ConstantValue is { HasValue: true, Value: string text } ? text : null, element, call);

    private static void ReadArray(IOperation array, IOperation call, ImmutableArray<PolicyValue>.Builder values, int depth)
    {
        array = array.WalkDownConversions();
        switch (array)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                ReadArray(initializer, call, values, depth);
                return;

            case IArrayInitializerOperation initializer:
                // `string[] origins = { "https://a", "https://b" };` has no creation, only the initializer.
                foreach (var element in initializer.ElementValues)
                {
                    values.Add(ReadValue(element, call));
                }

                return;

            case { Syntax: CollectionExpressionSyntax collection } when collection.Elements.Count == array.ChildOperations.Count:
                // Roslyn 4.8 has no ICollectionExpressionOperation; its children are the elements in order.
                var index = 0;
                foreach (var element in array.ChildOperations)
                {
                    values.Add(collection.Elements[index++] is ExpressionElementSyntax ? ReadValue(element, call) : new PolicyValue(null, element, call));
                }

                return;

            case ILocalReferenceOperation { Local: var local } when depth < MaxInitializerDepth
                && SourceBodies.GetInitializer(local, array.SemanticModel) is { } localValue:
                ReadArray(localValue, call, values, depth + 1);
                return;

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth < MaxInitializerDepth
                && SourceBodies.GetInitializer(field, array.SemanticModel) is { } fieldValue:
                ReadArray(fieldValue, call, values, depth + 1);
                return;

            default:
                values.Add(new PolicyValue(null, array, call));
                return;
        }
    }
}
