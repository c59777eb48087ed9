using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>Reads an origin predicate passed to <c>SetIsOriginAllowed</c>: its body, and whether it accepts every origin.</summary>
internal static class OriginPredicates
{
    /// <summary>
    /// True for <c>_ =&gt; true</c>, <c>o =&gt; { return true; }</c>, and a method group, local function or local delegate
    /// whose every return is the constant <c>true</c>. A predicate that can return anything else looks at the origin.
    /// </summary>
    public static bool AcceptsEveryOrigin(IOperation predicate)
        => TryGetBody(predicate, out var body, out _) && ReturnsOnlyTrue(body);

    /// <summary>
    /// The body of a predicate and its origin parameter: a lambda or anonymous method, a method group or local function in
    /// source, or a local delegate initialised with one of them. False for code we cannot see (<c>allowed.Contains</c>).
    /// </summary>
    public static bool TryGetBody(IOperation predicate, out IOperation body, out IParameterSymbol origin)
    {
        var target = predicate.FollowLocal();

        if (target is IDelegateCreationOperation delegateCreation)
        {
            target = delegateCreation.Target;
        }

        switch (target)
        {
            case IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } function:
                body = function.Body;
                origin = function.Symbol.Parameters[0];
                return true;
            case IMethodReferenceOperation { Method: { Parameters.Length: 1 } method } when SourceBodies.GetBody(method, predicate.SemanticModel) is { } methodBody:
                body = methodBody;
                origin = SourceBodies.Implementation(method).Parameters[0];
                return true;
            default:
                body = null!;
                origin = null!;
                return false;
        }
    }

    private static bool ReturnsOnlyTrue(IOperation body)
    {
        var returns = 0;
        return AllReturnsAreTrue(body, ref returns) && returns > 0;
    }

    private static bool AllReturnsAreTrue(IOperation operation, ref int returns)
    {
        if (operation is IReturnOperation { Kind: OperationKind.Return } @return)
        {
            returns++;
            return @return.ReturnedValue is { } value && value.WalkDownConversions().ConstantValue is { HasValue: true, Value: true };
        }

        foreach (var child in operation.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (!AllReturnsAreTrue(child, ref returns))
            {
                return false;
            }
        }

        return true;
    }
}
