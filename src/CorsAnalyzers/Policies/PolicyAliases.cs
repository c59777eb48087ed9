using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Which expressions refer to the one <c>CorsPolicyBuilder</c> or <c>CorsPolicy</c> object a run follows: its parameter
/// or creation, the locals it is stored in, the calls that return it (<c>p.WithOrigins(...)</c>, <c>builder.Build()</c>,
/// a helper that takes it and returns a builder), and its string lists (<c>policy.Origins</c>).
/// </summary>
internal sealed class PolicyAliases
{
    private readonly CorsSymbols _symbols;
    private readonly IOperation? _rootCreation;
    private readonly HashSet<ISymbol> _aliases = new(SymbolEqualityComparer.Default);

    // Whether a builder-typed call returns the followed object, remembered so a fluent chain of n calls costs O(n),
    // not O(n²): each call's answer is its receiver's, which was asked just before. Cleared when an alias is added.
    private readonly Dictionary<IOperation, bool> _returnsFollowed = new();

    public PolicyAliases(CorsSymbols symbols, IOperation? rootCreation)
    {
        _symbols = symbols;
        _rootCreation = rootCreation;
    }

    /// <summary>The <c>new CorsPolicyBuilder()</c> / <c>new CorsPolicy()</c> the run starts from, if it starts from one.</summary>
    public IOperation? RootCreation => _rootCreation;

    /// <summary>A parameter or local that holds the followed object from now on.</summary>
    public void Add(ISymbol symbol)
    {
        if (_aliases.Add(symbol))
        {
            _returnsFollowed.Clear();
        }
    }

    /// <summary>
    /// True when <paramref name="operation"/> evaluates to the followed object. <c>builder.Build()</c> is the builder's own
    /// policy object, so it is followed too.
    /// </summary>
    public bool RefersToFollowed(IOperation operation)
    {
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                // `new CorsPolicy { SupportsCredentials = true }`: the receiver is the object being created.
                return EnclosingInitializer(operation) is { Parent: IObjectCreationOperation creation } && RefersToFollowed(creation);
            case IInvocationOperation build when _symbols.GetBuilderMethod(build.TargetMethod) == BuilderMethod.Build:
                return build.Instance is not null && RefersToFollowed(build.Instance);
            case IParameterReferenceOperation parameter:
                return _aliases.Contains(parameter.Parameter.OriginalDefinition);
            case ILocalReferenceOperation local:
                return _aliases.Contains(local.Local);
            case IObjectCreationOperation:
                return operation == _rootCreation;
            case ISimpleAssignmentOperation assignment:
                return RefersToFollowed(assignment.Value);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return RefersToFollowed(conditional.WhenTrue) || RefersToFollowed(whenFalse);
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return RefersToFollowed(access.Operation);
                    }
                }

                return false;
            case IInvocationOperation invocation when _symbols.IsBuilder(invocation.Type) || _symbols.IsPolicy(invocation.Type):
                if (!_returnsFollowed.TryGetValue(invocation, out var returnsFollowed))
                {
                    returnsFollowed = ReturnsFollowed(invocation);
                    _returnsFollowed[invocation] = returnsFollowed;
                }

                return returnsFollowed;
            case IInvalidOperation invalid when _symbols.IsBuilder(invalid.Type) && !invalid.Syntax.ContainsDiagnostics:
                // `p.WithOrigins(Unresolved.Name)`: the compiler could not pick the overload but types the call as the
                // builder it returns, so a chain goes on from it.
                foreach (var receiver in invalid.ChildOperations)
                {
                    return RefersToFollowed(receiver);
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>True when a call passes the followed object to one of its arguments.</summary>
    public bool IsPassedTo(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (RefersToFollowed(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="operation"/> is one of the string lists of the followed policy object:
    /// <c>policy.Origins</c>, or the receiver of <c>Origins = { ... }</c> in an object initializer.
    /// </summary>
    public bool TryGetList(IOperation operation, out PolicyMember list)
    {
        operation = operation.WalkDownConversions();
        if (operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && EnclosingInitializer(operation) is { Parent: IMemberInitializerOperation { InitializedMember: var initialized } })
        {
            operation = initialized;
        }

        list = operation is IPropertyReferenceOperation { Instance: { } } property ? _symbols.GetPolicyMember(property.Property) : PolicyMember.None;
        if (list is PolicyMember.Origins or PolicyMember.Methods or PolicyMember.Headers or PolicyMember.ExposedHeaders
            && RefersToFollowed(((IPropertyReferenceOperation)operation).Instance!))
        {
            return true;
        }

        list = PolicyMember.None;
        return false;
    }

    private bool ReturnsFollowed(IInvocationOperation invocation)
    {
        if (_symbols.GetBuilderMethod(invocation.TargetMethod) != BuilderMethod.None)
        {
            return invocation.Instance is not null && RefersToFollowed(invocation.Instance);
        }

        // A helper that takes the builder and returns a builder returns the same builder: `p.UseTrustedOrigins().AllowCredentials()`.
        return IsPassedTo(invocation);
    }

    private static IObjectOrCollectionInitializerOperation? EnclosingInitializer(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IObjectOrCollectionInitializerOperation initializer)
            {
                return initializer;
            }
        }

        return null;
    }
}
