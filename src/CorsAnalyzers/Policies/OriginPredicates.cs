using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>Decides whether an origin predicate passed to <c>SetIsOriginAllowed</c> accepts every origin.</summary>
internal static class OriginPredicates
{
    /// <summary>
    /// True for <c>_ =&gt; true</c>, <c>o =&gt; { return true; }</c>, and a method group, local function or local delegate
    /// whose every return is the constant <c>true</c>. A predicate that can return anything else looks at the origin.
    /// </summary>
    public static bool AcceptsEveryOrigin(IOperation predicate)
    {
        var target = predicate.FollowLocal();

        if (target is IDelegateCreationOperation delegateCreation)
        {
            target = delegateCreation.Target;
        }

        return target switch
        {
            IAnonymousFunctionOperation function => ReturnsOnlyTrue(function.Body),
            IMethodReferenceOperation { Method: var method } => SourceBodies.GetBody(method, predicate.SemanticModel) is { } body && ReturnsOnlyTrue(body),
            _ => false,
        };
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
