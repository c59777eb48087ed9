using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Registry;

/// <summary>What calls tell the registry about policy names: the policies <c>AddPolicy</c> defines and the names used.</summary>
internal sealed partial class CorsRegistry
{
    private void ObserveOptionsCall(IInvocationOperation invocation)
    {
        var cors = _symbols.Cors;
        var method = invocation.TargetMethod;
        if (cors.IsCorsOptionsMethod(method, "AddDefaultPolicy"))
        {
            _definitions.Enqueue(new PolicyDefinition(null, invocation.NameAndArgumentsLocation()));
        }
        else if (cors.IsCorsOptionsMethod(method, "AddPolicy"))
        {
            var argument = PolicyName.Argument(invocation);
            if (PolicyName.Read(argument) is { } name)
            {
                _definitions.Enqueue(new PolicyDefinition(name, argument!.Syntax.GetLocation()));
            }
            else
            {
                // A name from configuration, a loop variable, a parameter: the set of names is not known.
                Set(ref _policyNamesOpen);
            }
        }
    }

    private void ObserveUseCors(IInvocationOperation invocation)
    {
        if (_symbols.Pipeline.GetMiddleware(invocation.TargetMethod) != MiddlewareKind.Cors)
        {
            return;
        }

        var location = invocation.NameAndArgumentsLocation();
        _corsMiddleware.Enqueue(location);
        foreach (var parameter in invocation.TargetMethod.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate)
            {
                // UseCors(policy => ...): an inline policy, no name.
                Set(ref _middlewareMayNameItsPolicy);
                return;
            }
        }

        var argument = PolicyName.Argument(invocation);
        if (argument is not null)
        {
            // UseCors("Spa"), or a name only known at run time: the middleware's own policy.
            Set(ref _middlewareMayNameItsPolicy);
        }

        ObserveNamedUse(invocation, PolicyUseKind.Middleware, argument, location);
    }

    private void ObserveNamedUse(IOperation operation, PolicyUseKind kind, IArgumentOperation? argument, Location callLocation)
    {
        if (argument is null)
        {
            if (kind == PolicyUseKind.Endpoint)
            {
                // RequireCors(policy => ...) or RequireCors(policy): an inline policy.
                return;
            }

            _uses.Enqueue(new PolicyUse(kind, null, callLocation, isLiteral: false));
            return;
        }

        // A name only known at run time is not a use we can judge.
        if (PolicyName.Read(argument) is { } name)
        {
            var isLiteral = argument.Value.WalkDownConversions() is ILiteralOperation;
            _uses.Enqueue(new PolicyUse(kind, name, argument.Value.Syntax.GetLocation(), isLiteral));
        }
    }

    /// <summary><c>AddCors(options =&gt; ...)</c>: a delegate we can read, and no change of the default policy's name in it.</summary>
    private void ObserveOptionsDelegate(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type.TypeKind != TypeKind.Delegate)
            {
                continue;
            }

            var configure = argument.Value.FollowLocal();
            var body = configure switch
            {
                IDelegateCreationOperation { Target: IAnonymousFunctionOperation function } => function.Body,
                IDelegateCreationOperation { Target: IMethodReferenceOperation reference } => SourceBodies.GetBody(reference.Method, invocation.SemanticModel),
                IAnonymousFunctionOperation function => function.Body,
                _ => null,
            };
            if (body is null || ChangesDefaultPolicyName(body))
            {
                Set(ref _policyNamesOpen);
            }
        }
    }

    private bool ChangesDefaultPolicyName(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (operation is IPropertyReferenceOperation { Property: var property }
                && SymbolEqualityComparer.Default.Equals(property.ContainingType, _symbols.Cors.CorsOptions)
                && property.SetMethod is not null
                && operation.Parent is ISimpleAssignmentOperation assignment && assignment.Target == operation)
            {
                return true;
            }
        }

        return false;
    }
}
