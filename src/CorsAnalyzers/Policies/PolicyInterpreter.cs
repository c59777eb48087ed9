using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CorsAnalyzers.Policies.PolicyPaths;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Walks the control flow of the code that configures one <c>CorsPolicyBuilder</c> (or one <c>CorsPolicy</c> object):
/// statements in order, branches forking the paths, loops, returns, throws, and helpers in source followed into their
/// bodies. What each call does to the policy is <see cref="BuilderSemantics"/>'s; which expressions are the object is
/// <see cref="PolicyAliases"/>'s. Code it cannot see (another assembly, a delegate) marks the path as having unknown
/// configuration.
/// </summary>
internal sealed class PolicyInterpreter
{
    private const int MaxCallDepth = 4;

    private readonly CorsSymbols _symbols;
    private readonly PolicyAliases _followed;
    private readonly HashSet<IMethodSymbol> _callStack = new(SymbolEqualityComparer.Default);
    private readonly CancellationToken _cancellationToken;
    private List<PolicyState> _returned = new();
    private PolicyIdentity? _registeredAs;

    private PolicyInterpreter(CorsSymbols symbols, IOperation? rootCreation, CancellationToken cancellationToken)
    {
        _symbols = symbols;
        _cancellationToken = cancellationToken;
        _followed = new PolicyAliases(symbols, rootCreation);
    }

    /// <summary>The policy built by a configure delegate's body, with <paramref name="builder"/> as its parameter.</summary>
    public static ImmutableArray<PolicyState> RunDelegate(CorsSymbols symbols, IOperation body, IParameterSymbol builder)
    {
        var interpreter = new PolicyInterpreter(symbols, rootCreation: null, CancellationToken.None);
        interpreter._followed.Add(builder.OriginalDefinition);
        return interpreter.RunBody(body, ImmutableArray.Create(PolicyState.Empty));
    }

    /// <summary>
    /// The policy built by <c>new CorsPolicyBuilder(...)</c> or <c>new CorsPolicy()</c>: its constructor and initializer,
    /// then the rest of the block that holds it, so both a fluent chain and an object kept in a local are followed.
    /// <paramref name="registeredAs"/> is the policy the object is registered as (<c>options.AddPolicy("Api", policy)</c>), if seen.
    /// </summary>
    public static ImmutableArray<PolicyState> RunFromCreation(CorsSymbols symbols, IObjectCreationOperation creation, out PolicyIdentity? registeredAs, CancellationToken cancellationToken)
    {
        var interpreter = new PolicyInterpreter(symbols, creation, cancellationToken);
        var states = interpreter.RunFromCreation(creation);
        registeredAs = interpreter._registeredAs;
        return states;
    }

    /// <summary>
    /// A registration the run did not execute because it sits in a lambda (<c>AddCors(o =&gt; o.AddPolicy("Api", policy))</c>):
    /// it names the policy, and changes nothing.
    /// </summary>
    private void FindRegistration(IOperation scope)
    {
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (_registeredAs is not null)
            {
                return;
            }

            if (operation is IInvocationOperation invocation && _followed.IsPassedTo(invocation)
                && PolicyName.TryReadRegistration(invocation, _symbols, out var identity))
            {
                _registeredAs = identity;
            }
        }
    }

    private ImmutableArray<PolicyState> RunFromCreation(IObjectCreationOperation creation)
    {
        IOperation statement = creation;
        while (statement.Parent is { } parent && parent is not IBlockOperation)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
            {
                var result = Finish(Exec(statement, ImmutableArray.Create(PolicyState.Empty)));
                FindRegistration(statement);
                return result;
            }

            statement = parent;
        }

        var states = ImmutableArray.Create(PolicyState.Empty);
        if (statement.Parent is IBlockOperation block)
        {
            var started = false;
            foreach (var operation in block.Operations)
            {
                started |= operation == statement;
                if (started)
                {
                    states = Exec(operation, states);
                    FindRegistration(operation);
                }
            }
        }
        else
        {
            states = Exec(statement, states);
            FindRegistration(statement);
        }

        return Finish(states);
    }

    /// <summary>The method, local function or property whose body holds <paramref name="return"/>; null in a lambda.</summary>
    private ISymbol? ReturningMember(IReturnOperation @return)
    {
        var enclosing = @return.SemanticModel?.GetEnclosingSymbol(@return.Syntax.SpanStart, _cancellationToken);
        return enclosing switch
        {
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => property,
            IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method => method,
            _ => null,
        };
    }

    private ImmutableArray<PolicyState> RunBody(IOperation body, ImmutableArray<PolicyState> states)
        => Finish(Exec(body, states));

    private ImmutableArray<PolicyState> Finish(ImmutableArray<PolicyState> states)
        => Union(states, _returned.ToImmutableArray());

    // Apart from Exec and Eval, which recurse once per call of a fluent chain (5,000 deep in the robustness tests): their
    // frames stay small.
    private ImmutableArray<PolicyState> ExecConditional(IConditionalOperation conditional, ImmutableArray<PolicyState> states)
    {
        states = Eval(conditional.Condition, states);
        var (taken, notTaken) = Split(conditional.Condition, states);
        return Union(Exec(conditional.WhenTrue, taken), conditional.WhenFalse is null ? notTaken : Exec(conditional.WhenFalse, notTaken));
    }

    private ImmutableArray<PolicyState> EvalConditional(IConditionalOperation conditional, ImmutableArray<PolicyState> states)
    {
        states = Eval(conditional.Condition, states);
        var (whenTrue, whenFalse) = Split(conditional.Condition, states);
        return Union(Eval(conditional.WhenTrue, whenTrue), Eval(conditional.WhenFalse!, whenFalse));
    }

    private ImmutableArray<PolicyState> Exec(IOperation? operation, ImmutableArray<PolicyState> states)
    {
        if (operation is null || states.IsEmpty)
        {
            return states;
        }

        switch (operation)
        {
            case IBlockOperation block:
                foreach (var statement in block.Operations)
                {
                    states = Exec(statement, states);
                }

                return states;

            case IExpressionStatementOperation expression:
                return Eval(expression.Operation, states);

            case IConditionalOperation conditional:
                return ExecConditional(conditional, states);

            case ISwitchOperation @switch:
                return ExecSwitch(@switch, states);

            case ILoopOperation loop:
                // A loop body runs zero or more times; once is enough to see what it adds.
                return Union(states, Exec(loop.Body, states));

            case ITryOperation @try:
                var afterBody = Exec(@try.Body, states);
                foreach (var @catch in @try.Catches)
                {
                    afterBody = Union(afterBody, Exec(@catch.Handler, states));
                }

                return Exec(@try.Finally, afterBody);

            case IUsingOperation @using:
                return Exec(@using.Body, Eval(@using.Resources, states));

            case ILockOperation @lock:
                return Exec(@lock.Body, states);

            case ILabeledOperation labeled:
                return Exec(labeled.Operation, states);

            case IReturnOperation @return:
                states = Eval(@return.ReturnedValue, states);
                if (_callStack.Count == 0 && @return.ReturnedValue is { } returned && _symbols.IsBuilder(returned.WalkDownConversions().Type)
                    && _followed.RefersToFollowed(returned))
                {
                    // `static CorsPolicyBuilder Start() => new CorsPolicyBuilder().WithOrigins(...);`: the builder leaves the
                    // code we model unbuilt, and its callers go on configuring it before they build it. A built policy
                    // returned (`static CorsPolicy Api() { ...; return builder.Build(); }`) is judged as it is: callers
                    // register it as it is.
                    states = Map(states, state => state.WithUnknownConfiguration());
                }
                else if (_callStack.Count == 0 && @return.ReturnedValue is { } policy && _symbols.IsPolicy(policy.WalkDownConversions().Type)
                    && _followed.RefersToFollowed(policy) && ReturningMember(@return) is { } member
                    && _symbols.PolicyChanges.MayCallersChange(member, _cancellationToken))
                {
                    // `static CorsPolicy Base() => new CorsPolicyBuilder().AllowAnyOrigin().Build();` and a caller that goes on
                    // (`var policy = Policies.Base(); policy.Origins.Clear(); policy.Origins.Add(...)`): the object registered
                    // is not the one built here.
                    states = Map(states, state => state.WithUnknownConfiguration());
                }

                if (@return.Kind == OperationKind.YieldReturn)
                {
                    return states;
                }

                _returned.AddRange(states);
                return ImmutableArray<PolicyState>.Empty;

            case IVariableDeclarationGroupOperation group:
                foreach (var declaration in group.Declarations)
                {
                    foreach (var declarator in declaration.Declarators)
                    {
                        var value = declarator.Initializer?.Value ?? declaration.Initializer?.Value;
                        states = Eval(value, states);
                        if (value is not null && _followed.RefersToFollowed(value))
                        {
                            _followed.Add(declarator.Symbol);
                        }
                        else if (value is not null && _followed.TryGetList(value, out _))
                        {
                            // `var origins = policy.Origins;`: changes through the alias are not followed.
                            states = Map(states, state => state.WithUnknownConfiguration());
                        }
                    }
                }

                return states;

            case IBranchOperation or ILocalFunctionOperation or IEmptyOperation:
                return states;

            default:
                return Eval(operation, states);
        }
    }

    private ImmutableArray<PolicyState> ExecSwitch(ISwitchOperation @switch, ImmutableArray<PolicyState> states)
    {
        states = Eval(@switch.Value, states);
        var result = ImmutableArray<PolicyState>.Empty;
        var hasDefault = false;
        foreach (var section in @switch.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                hasDefault |= clause.CaseKind == CaseKind.Default;
            }

            var sectionStates = states;
            foreach (var statement in section.Body)
            {
                sectionStates = Exec(statement, sectionStates);
            }

            result = Union(result, sectionStates);
        }

        return hasDefault ? result : Union(result, states);
    }

    private ImmutableArray<PolicyState> Eval(IOperation? operation, ImmutableArray<PolicyState> states)
    {
        if (operation is null || states.IsEmpty)
        {
            return states;
        }

        switch (operation)
        {
            case IInvocationOperation invocation:
                return EvalInvocation(invocation, states);

            case IObjectCreationOperation creation when creation == _followed.RootCreation:
                states = EvalChildren(creation, states);
                return Map(states, state => BuilderSemantics.ApplyConstructor(creation, state));

            case IConditionalOperation conditional:
                return EvalConditional(conditional, states);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary:
                states = Eval(binary.LeftOperand, states);
                return Union(states, Eval(binary.RightOperand, states));

            case ICoalesceOperation coalesce:
                states = Eval(coalesce.Value, states);
                return Union(states, Eval(coalesce.WhenNull, states));

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when property.Instance is { } target
                && (_followed.RefersToFollowed(target) || (property.Property.IsIndexer && _followed.TryGetList(target, out _))):
                return BuilderSemantics.Assign(_symbols, property, assignment, Eval(assignment.Value, states));

            case ISimpleAssignmentOperation assignment:
                states = Eval(assignment.Value, states);
                if (assignment.Target is ILocalReferenceOperation local && _followed.RefersToFollowed(assignment.Value))
                {
                    _followed.Add(local.Local);
                }

                return states;

            case IInvalidOperation invalid when invalid.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                && BuilderSemantics.UnresolvedBuilderCall(_symbols, _followed, invalid) is { } unresolved:
                return BuilderSemantics.ApplyUnresolved(unresolved, invalid, EvalChildren(invalid, states));

            case IInvalidOperation invalid when HandsOutBuilder(invalid):
                // `policy.WithOrigins("https://a").` while typing: something is being done to the builder.
                return Map(EvalChildren(invalid, states), state => state.WithUnknownConfiguration());

            case IThrowOperation:
                // The policy is never built on a path that throws.
                return ImmutableArray<PolicyState>.Empty;

            case IAnonymousFunctionOperation or IDelegateCreationOperation or ILocalFunctionOperation:
                // Runs later, or not at all: not part of this configuration.
                return states;

            default:
                return EvalChildren(operation, states);
        }
    }

    private ImmutableArray<PolicyState> EvalChildren(IOperation operation, ImmutableArray<PolicyState> states)
    {
        foreach (var child in operation.ChildOperations)
        {
            states = Eval(child, states);
        }

        return states;
    }

    private ImmutableArray<PolicyState> EvalInvocation(IInvocationOperation invocation, ImmutableArray<PolicyState> states)
    {
        var collectionMethod = _symbols.GetCollectionMethod(invocation.TargetMethod);
        if (collectionMethod != CollectionMethod.None && invocation.Instance is { } list && _followed.TryGetList(list, out var member))
        {
            return BuilderSemantics.ApplyToList(member, collectionMethod, invocation, EvalChildren(invocation, states));
        }

        var builderMethod = _symbols.GetBuilderMethod(invocation.TargetMethod);
        if (builderMethod != BuilderMethod.None)
        {
            states = EvalChildren(invocation, states);
            return invocation.Instance is not null && _followed.RefersToFollowed(invocation.Instance)
                ? BuilderSemantics.Apply(_symbols, builderMethod, invocation, states)
                : states;
        }

        states = Eval(invocation.Instance, states);
        var passesBuilder = false;
        var passesList = false;
        foreach (var argument in invocation.Arguments)
        {
            states = Eval(argument.Value, states);
            passesBuilder |= _followed.RefersToFollowed(argument.Value);
            passesList |= _followed.TryGetList(argument.Value, out _) && !IsReadOnlyView(argument.Parameter?.Type);
        }

        if (passesBuilder && PolicyName.TryReadRegistration(invocation, _symbols, out var identity))
        {
            // ASP.NET Core stores the object, it does not change it; the first registration names the policy.
            _registeredAs ??= identity;
            return states;
        }

        if (passesList)
        {
            states = Map(states, state => state.WithUnknownConfiguration());
        }

        return passesBuilder ? Follow(invocation, states) : states;
    }

    /// <summary>The builder is handed to a method: run that method's body when it is in source, else give up on knowing it.</summary>
    private ImmutableArray<PolicyState> Follow(IInvocationOperation invocation, ImmutableArray<PolicyState> states)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        var body = _callStack.Count < MaxCallDepth && !_callStack.Contains(method)
            ? SourceBodies.GetBody(method, invocation.SemanticModel)
            : null;
        if (body is null)
        {
            return Map(states, state => state.WithUnknownConfiguration());
        }

        var implementation = SourceBodies.Implementation(method);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && _followed.RefersToFollowed(argument.Value))
            {
                _followed.Add(implementation.Parameters[parameter.Ordinal]);
            }
        }

        var callerReturns = _returned;
        _returned = new List<PolicyState>();
        _callStack.Add(method);
        var result = Union(Exec(body, states), _returned.ToImmutableArray());
        _callStack.Remove(method);
        _returned = callerReturns;
        return result;
    }

    private bool HandsOutBuilder(IInvalidOperation invalid)
    {
        foreach (var child in invalid.ChildOperations)
        {
            if (_followed.RefersToFollowed(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A parameter that can only read a list (<c>IEnumerable&lt;string&gt;</c>), so passing a policy's list to it changes nothing.</summary>
    private static bool IsReadOnlyView(ITypeSymbol? type)
        => type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
            or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T;

}
