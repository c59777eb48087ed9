using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// The constant strings of a list an origin check runs over (<c>suffixes.Any(s =&gt; origin.EndsWith(s))</c>): an array,
/// a collection expression, a <c>new List&lt;string&gt; { ... }</c> or <c>HashSet</c> with its initializer, written in place,
/// in a local that nothing changes, or in a static readonly field. Unknown (default) when any element is not a constant,
/// or the local may change: it is assigned, written through <c>ref</c>, or used other than as what <c>Any</c> or
/// <c>Exists</c> reads (a call on it may add or remove elements).
/// </summary>
internal static class OriginLists
{
    private const int MaxDepth = 4;

    public static ImmutableArray<IOperation> ConstantElements(IOperation collection, OriginCheckSymbols symbols) => Read(collection, symbols, 0);

    private static ImmutableArray<IOperation> Read(IOperation collection, OriginCheckSymbols symbols, int depth)
    {
        collection = collection.WalkDownConversions();
        switch (collection)
        {
            case ILocalReferenceOperation { Local: var local } reference when depth < MaxDepth
                && SourceBodies.GetInitializer(local, reference.SemanticModel) is { } initializer && IsOnlyRead(local, reference, symbols):
                return Read(initializer, symbols, depth + 1);

            case IFieldReferenceOperation { Field: { IsReadOnly: true, IsStatic: true } field } reference when depth < MaxDepth
                && SourceBodies.GetInitializer(field, reference.SemanticModel) is { } initializer:
                return Read(initializer, symbols, depth + 1);

            case IObjectCreationOperation { Arguments.IsEmpty: true, Initializer: { } initializer }:
                var added = ImmutableArray.CreateBuilder<IOperation>(initializer.Initializers.Length);
                foreach (var item in initializer.Initializers)
                {
                    if (item is not IInvocationOperation { Arguments.Length: 1 } add || ValueReader.ReadString(add.Arguments[0].Value) is null)
                    {
                        return default;
                    }

                    added.Add(add.Arguments[0].Value.WalkDownConversions());
                }

                return added.MoveToImmutable();

            default:
                var values = ValueReader.ReadArrayElements(collection);
                if (values.IsDefault)
                {
                    return default;
                }

                var elements = ImmutableArray.CreateBuilder<IOperation>(values.Length);
                foreach (var value in values)
                {
                    if (ValueReader.ReadString(value.Source) is null)
                    {
                        return default;
                    }

                    elements.Add(value.Source.WalkDownConversions());
                }

                return elements.MoveToImmutable();
        }
    }

    /// <summary>True when every use of <paramref name="local"/> in its body is the collection of an <c>Any</c> or <c>Exists</c> call.</summary>
    private static bool IsOnlyRead(ILocalSymbol local, IOperation reference, OriginCheckSymbols symbols)
    {
        var body = BodyOperations.Of(reference);
        if (body.IsAssigned(local) || body.IsWrittenOtherwise(local))
        {
            return false;
        }

        foreach (var operation in body.Root.DescendantsAndSelf())
        {
            if (operation is not ILocalReferenceOperation use || !SymbolEqualityComparer.Default.Equals(use.Local, local))
            {
                continue;
            }

            var user = use.Parent;
            while (user is IConversionOperation or IArgumentOperation)
            {
                user = user.Parent;
            }

            if (user is not IInvocationOperation call || !symbols.TryGetAnyCall(call, out var source, out _) || source != use)
            {
                return false;
            }
        }

        return true;
    }
}
