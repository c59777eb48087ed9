using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// What holds the request's origin in the code an origin check reads: a parameter or local (the predicate's
/// <c>origin</c> parameter, <c>var origin = ...</c>), or an expression that is read again where it is checked
/// (<c>context.Request.Headers.Origin</c>): the same member chain over the same parameter or local.
/// </summary>
internal sealed class OriginValue
{
    private const int MaxChainDepth = 8;

    private readonly ISymbol? _symbol;
    private readonly IOperation? _expression;

    private OriginValue(ISymbol? symbol, IOperation? expression)
    {
        _symbol = symbol;
        _expression = expression;
    }

    public static OriginValue Of(ISymbol symbol) => new(symbol.OriginalDefinition, null);

    public static OriginValue Of(IOperation expression)
        => ReferencedVariable(expression.WalkDownConversions()) is { } symbol ? Of(symbol) : new OriginValue(null, expression.WalkDownConversions());

    /// <summary>True when <paramref name="operation"/> reads the origin.</summary>
    public bool Matches(IOperation operation)
    {
        operation = operation.WalkDownConversions();
        return _symbol is not null
            ? ReferencedVariable(operation) is { } symbol && SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, _symbol)
            : Same(_expression!, operation, 0);
    }

    private static ISymbol? ReferencedVariable(IOperation operation) => operation switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    private static bool Same(IOperation left, IOperation right, int depth)
    {
        left = left.WalkDownConversions();
        right = right.WalkDownConversions();
        if (depth > MaxChainDepth || left.Kind != right.Kind)
        {
            return false;
        }

        switch (left)
        {
            case IParameterReferenceOperation parameter:
                return SymbolEqualityComparer.Default.Equals(parameter.Parameter, ((IParameterReferenceOperation)right).Parameter);
            case ILocalReferenceOperation local:
                return SymbolEqualityComparer.Default.Equals(local.Local, ((ILocalReferenceOperation)right).Local);
            case IInstanceReferenceOperation:
                return true;
            case IPropertyReferenceOperation property:
                var otherProperty = (IPropertyReferenceOperation)right;
                return SymbolEqualityComparer.Default.Equals(property.Property, otherProperty.Property)
                    && SameInstance(property.Instance, otherProperty.Instance, depth)
                    && SameConstantArguments(property.Arguments, otherProperty.Arguments);
            case IFieldReferenceOperation field:
                var otherField = (IFieldReferenceOperation)right;
                return SymbolEqualityComparer.Default.Equals(field.Field, otherField.Field) && SameInstance(field.Instance, otherField.Instance, depth);
            case IInvocationOperation invocation:
                var otherInvocation = (IInvocationOperation)right;
                return SymbolEqualityComparer.Default.Equals(invocation.TargetMethod, otherInvocation.TargetMethod)
                    && SameInstance(invocation.Instance, otherInvocation.Instance, depth)
                    && SameConstantArguments(invocation.Arguments, otherInvocation.Arguments);
            default:
                return false;
        }
    }

    private static bool SameInstance(IOperation? left, IOperation? right, int depth)
        => left is null ? right is null : right is not null && Same(left, right, depth + 1);

    private static bool SameConstantArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> left, System.Collections.Immutable.ImmutableArray<IArgumentOperation> right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            var leftValue = left[i].Value.ConstantValue;
            if (!leftValue.HasValue || !Equals(leftValue.Value, right[i].Value.ConstantValue.Value) || !right[i].Value.ConstantValue.HasValue)
            {
                return false;
            }
        }

        return true;
    }
}
