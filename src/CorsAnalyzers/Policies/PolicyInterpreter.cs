using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Runs the code that configures one <c>CorsPolicyBuilder</c> (or one <c>CorsPolicy</c> object) over abstract policy
/// states, with ASP.NET Core's semantics for each builder call and for each change to a <c>CorsPolicy</c> member. Branches fork the state, so the result is the policy as built on each path.
/// Code it cannot see (another assembly, a delegate) marks the state as having unknown configuration.
/// </summary>
internal sealed class PolicyInterpreter
{
    private const int MaxPaths = 32;
    private const int MaxCallDepth = 4;
    private const int MaxInitializerDepth = 4;
    private const int MaxValueAlternatives = 4;

    private readonly CorsSymbols _symbols;
    private readonly IOperation? _rootCreation;
    private readonly HashSet<ISymbol> _builders = new(SymbolEqualityComparer.Default);

    // Whether a builder-typed call returns the followed builder, remembered so a fluent chain of n calls costs O(n),
    // not O(n²): each call's answer is its receiver's, which was asked just before. Cleared when a builder is added.
    private readonly Dictionary<IOperation, bool> _builderCalls = new();
    private readonly HashSet<IMethodSymbol> _callStack = new(SymbolEqualityComparer.Default);
    private List<PolicyState> _returned = new();
    private PolicyIdentity? _registeredAs;

    private PolicyInterpreter(CorsSymbols symbols, IOperation? rootCreation)
    {
        _symbols = symbols;
        _rootCreation = rootCreation;
    }

    /// <summary>The policy built by a configure delegate's body, with <paramref name="builder"/> as its parameter.</summary>
    public static ImmutableArray<PolicyState> RunDelegate(CorsSymbols symbols, IOperation body, IParameterSymbol builder)
    {
        var interpreter = new PolicyInterpreter(symbols, rootCreation: null);
        interpreter.AddBuilder(builder.OriginalDefinition);
        return interpreter.RunBody(body, ImmutableArray.Create(PolicyState.Empty));
    }

    /// <summary>
    /// The policy built by <c>new CorsPolicyBuilder(...)</c> or <c>new CorsPolicy()</c>: its constructor and initializer,
    /// then the rest of the block that holds it, so both a fluent chain and an object kept in a local are followed.
    /// <paramref name="registeredAs"/> is the policy the object is registered as (<c>options.AddPolicy("Api", policy)</c>), if seen.
    /// </summary>
    public static ImmutableArray<PolicyState> RunFromCreation(CorsSymbols symbols, IObjectCreationOperation creation, out PolicyIdentity? registeredAs)
    {
        var interpreter = new PolicyInterpreter(symbols, creation);
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

            if (operation is IInvocationOperation invocation && HasBuilderArgument(invocation))
            {
                IsRegistration(invocation);
            }
        }
    }

    private bool HasBuilderArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (IsBuilder(argument.Value))
            {
                return true;
            }
        }

        return false;
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

    private ImmutableArray<PolicyState> RunBody(IOperation body, ImmutableArray<PolicyState> states)
        => Finish(Exec(body, states));

    private ImmutableArray<PolicyState> Finish(ImmutableArray<PolicyState> states)
        => Union(states, _returned.ToImmutableArray());

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
                states = Eval(conditional.Condition, states);
                return Union(Exec(conditional.WhenTrue, states), conditional.WhenFalse is null ? states : Exec(conditional.WhenFalse, states));

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
                        if (value is not null && IsBuilder(value))
                        {
                            AddBuilder(declarator.Symbol);
                        }
                        else if (value is not null && TryGetPolicyList(value, out _))
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

            case IObjectCreationOperation creation when creation == _rootCreation:
                states = EvalChildren(creation, states);
                return Map(states, state => ApplyConstructor(creation, state));

            case IConditionalOperation conditional:
                states = Eval(conditional.Condition, states);
                return Union(Eval(conditional.WhenTrue, states), Eval(conditional.WhenFalse, states));

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary:
                states = Eval(binary.LeftOperand, states);
                return Union(states, Eval(binary.RightOperand, states));

            case ICoalesceOperation coalesce:
                states = Eval(coalesce.Value, states);
                return Union(states, Eval(coalesce.WhenNull, states));

            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment when property.Instance is { } target
                && (IsBuilder(target) || (property.Property.IsIndexer && TryGetPolicyList(target, out _))):
                return AssignPolicyMember(property, assignment, Eval(assignment.Value, states));

            case ISimpleAssignmentOperation assignment:
                states = Eval(assignment.Value, states);
                if (assignment.Target is ILocalReferenceOperation local && IsBuilder(assignment.Value))
                {
                    AddBuilder(local.Local);
                }

                return states;

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
        if (collectionMethod != CollectionMethod.None && invocation.Instance is { } list && TryGetPolicyList(list, out var member))
        {
            return ApplyToList(member, collectionMethod, invocation, EvalChildren(invocation, states));
        }

        var builderMethod = _symbols.GetBuilderMethod(invocation.TargetMethod);
        if (builderMethod != BuilderMethod.None)
        {
            states = EvalChildren(invocation, states);
            return invocation.Instance is not null && IsBuilder(invocation.Instance)
                ? Apply(builderMethod, invocation, states)
                : states;
        }

        states = Eval(invocation.Instance, states);
        var passesBuilder = false;
        var passesList = false;
        foreach (var argument in invocation.Arguments)
        {
            states = Eval(argument.Value, states);
            passesBuilder |= IsBuilder(argument.Value);
            passesList |= TryGetPolicyList(argument.Value, out _) && !IsReadOnlyView(argument.Parameter?.Type);
        }

        if (passesBuilder && IsRegistration(invocation))
        {
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
            if (argument.Parameter is { } parameter && IsBuilder(argument.Value))
            {
                AddBuilder(implementation.Parameters[parameter.Ordinal]);
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

    /// <summary>
    /// <c>options.AddPolicy("Api", policy)</c> or <c>options.AddDefaultPolicy(builder.Build())</c>: ASP.NET Core stores the
    /// object, it does not change it. Records which policy it becomes.
    /// </summary>
    private bool IsRegistration(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var isDefault = _symbols.IsCorsOptionsMethod(method, "AddDefaultPolicy");
        if (!isDefault && !_symbols.IsCorsOptionsMethod(method, "AddPolicy"))
        {
            return false;
        }

        string? name = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && !_symbols.IsPolicy(parameter.Type) && parameter.Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }

            if (argument.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                name = text;
            }
        }

        _registeredAs ??= isDefault ? new PolicyIdentity(PolicyKind.Default) : new PolicyIdentity(PolicyKind.Named, name);
        return true;
    }

    /// <summary>A parameter that can only read a list (<c>IEnumerable&lt;string&gt;</c>), so passing a policy's list to it changes nothing.</summary>
    private static bool IsReadOnlyView(ITypeSymbol? type)
        => type is INamedTypeSymbol named && named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
            or SpecialType.System_Collections_Generic_IReadOnlyCollection_T or SpecialType.System_Collections_Generic_IReadOnlyList_T;

    /// <summary><c>policy.SupportsCredentials = true</c>, <c>policy.IsOriginAllowed = ...</c>, <c>policy.Origins[0] = ...</c>, ...</summary>
    private ImmutableArray<PolicyState> AssignPolicyMember(IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment, ImmutableArray<PolicyState> states)
    {
        if (property.Property.IsIndexer)
        {
            return Map(states, state => state.WithUnknownConfiguration());
        }

        switch (_symbols.GetPolicyMember(property.Property))
        {
            case PolicyMember.SupportsCredentials:
                return Unwrap(assignment.Value).ConstantValue switch
                {
                    { HasValue: true, Value: true } => Map(states, state => state.WithCredentials(assignment)),
                    { HasValue: true, Value: false } => Map(states, state => state.WithCredentials(null)),
                    _ => Map(states, state => state.WithUnknownConfiguration()),
                };
            case PolicyMember.IsOriginAllowed:
                var kind = OriginPredicates.AcceptsEveryOrigin(assignment.Value) ? OriginPredicateKind.AcceptsAll : OriginPredicateKind.Custom;
                return Map(states, state => state.WithOriginPredicate(kind, assignment));
            case PolicyMember.PreflightMaxAge:
                return Map(states, state => state.WithPreflightMaxAge(assignment));
            default:
                return states;
        }
    }

    /// <summary><c>policy.Origins.Add("https://a")</c>, <c>policy.Methods.Clear()</c>, or a change we do not follow.</summary>
    private static ImmutableArray<PolicyState> ApplyToList(PolicyMember list, CollectionMethod method, IInvocationOperation call, ImmutableArray<PolicyState> states)
    {
        switch (method)
        {
            case CollectionMethod.Add when call.Arguments.Length == 1:
                var element = call.Arguments[0].Value;
                var value = new PolicyValue(element.ConstantValue is { HasValue: true, Value: string text } ? text : null, element, call, isVerbatim: true);
                return Map(states, state => state.WithList(list, state.GetList(list).Add(value)));
            case CollectionMethod.Clear:
                return Map(states, state => state.WithList(list, ImmutableArray<PolicyValue>.Empty));
            default:
                return Map(states, state => state.WithUnknownConfiguration());
        }
    }

    /// <summary>
    /// True when <paramref name="operation"/> is one of the string lists of the policy this interpreter follows:
    /// <c>policy.Origins</c>, or the receiver of <c>Origins = { ... }</c> in an object initializer.
    /// </summary>
    private bool TryGetPolicyList(IOperation operation, out PolicyMember list)
    {
        operation = Unwrap(operation);
        if (operation is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
            && GetInitializer(operation) is { Parent: IMemberInitializerOperation { InitializedMember: var initialized } })
        {
            operation = initialized;
        }

        list = operation is IPropertyReferenceOperation { Instance: { } instance } property ? _symbols.GetPolicyMember(property.Property) : PolicyMember.None;
        if (list is PolicyMember.Origins or PolicyMember.Methods or PolicyMember.Headers or PolicyMember.ExposedHeaders
            && IsBuilder(((IPropertyReferenceOperation)operation).Instance!))
        {
            return true;
        }

        list = PolicyMember.None;
        return false;
    }

    private static IObjectOrCollectionInitializerOperation? GetInitializer(IOperation operation)
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

    /// <summary>
    /// True when <paramref name="operation"/> evaluates to the builder (or policy object) this interpreter follows.
    /// <c>builder.Build()</c> is the builder's own policy object, so it is followed too.
    /// </summary>
    private bool IsBuilder(IOperation operation)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }:
                // `new CorsPolicy { SupportsCredentials = true }`: the receiver is the object being created.
                return GetInitializer(operation) is { Parent: IObjectCreationOperation creation } && IsBuilder(creation);
            case IInvocationOperation build when _symbols.GetBuilderMethod(build.TargetMethod) == BuilderMethod.Build:
                return build.Instance is not null && IsBuilder(build.Instance);
            case IParameterReferenceOperation parameter:
                return _builders.Contains(parameter.Parameter.OriginalDefinition);
            case ILocalReferenceOperation local:
                return _builders.Contains(local.Local);
            case IObjectCreationOperation:
                return operation == _rootCreation;
            case ISimpleAssignmentOperation assignment:
                return IsBuilder(assignment.Value);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return IsBuilder(conditional.WhenTrue) || IsBuilder(whenFalse);
            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return IsBuilder(access.Operation);
                    }
                }

                return false;
            case IInvocationOperation invocation when _symbols.IsBuilder(invocation.Type) || _symbols.IsPolicy(invocation.Type):
                if (!_builderCalls.TryGetValue(invocation, out var returnsBuilder))
                {
                    returnsBuilder = ReturnsBuilder(invocation);
                    _builderCalls[invocation] = returnsBuilder;
                }

                return returnsBuilder;
            default:
                return false;
        }
    }

    private bool ReturnsBuilder(IInvocationOperation invocation)
    {
        if (_symbols.GetBuilderMethod(invocation.TargetMethod) != BuilderMethod.None)
        {
            return invocation.Instance is not null && IsBuilder(invocation.Instance);
        }

        // A helper that takes the builder and returns a builder returns the same builder: `p.UseTrustedOrigins().AllowCredentials()`.
        foreach (var argument in invocation.Arguments)
        {
            if (IsBuilder(argument.Value))
            {
                return true;
            }
        }

        return false;
    }

    private void AddBuilder(ISymbol symbol)
    {
        if (_builders.Add(symbol))
        {
            _builderCalls.Clear();
        }
    }

    private ImmutableArray<PolicyState> Apply(BuilderMethod method, IInvocationOperation call, ImmutableArray<PolicyState> states)
    {
        switch (method)
        {
            case BuilderMethod.WithOrigins:
                var result = ImmutableArray<PolicyState>.Empty;
                foreach (var origins in Alternatives(ReadValues(call, call.Arguments)))
                {
                    result = Union(result, Map(states, state => state.WithOrigins(state.Origins.AddRange(origins))));
                }

                return result;
            case BuilderMethod.AllowAnyOrigin:
                var anyOrigin = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithOrigins(anyOrigin));
            case BuilderMethod.SetIsOriginAllowed:
                var kind = call.Arguments.Length == 1 && OriginPredicates.AcceptsEveryOrigin(call.Arguments[0].Value)
                    ? OriginPredicateKind.AcceptsAll
                    : OriginPredicateKind.Custom;
                return Map(states, state => state.WithOriginPredicate(kind, call));
            case BuilderMethod.SetIsOriginAllowedToAllowWildcardSubdomains:
                return Map(states, state => state.WithOriginPredicate(OriginPredicateKind.WildcardSubdomains, call));
            case BuilderMethod.AllowCredentials:
                return Map(states, state => state.WithCredentials(call));
            case BuilderMethod.DisallowCredentials:
                return Map(states, state => state.WithCredentials(null));
            case BuilderMethod.WithMethods:
                var methods = ReadValues(call, call.Arguments);
                return Map(states, state => state.WithMethods(state.Methods.AddRange(methods)));
            case BuilderMethod.AllowAnyMethod:
                var anyMethod = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithMethods(anyMethod));
            case BuilderMethod.WithHeaders:
                var headers = ReadValues(call, call.Arguments);
                return Map(states, state => state.WithHeaders(state.Headers.AddRange(headers)));
            case BuilderMethod.AllowAnyHeader:
                var anyHeader = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithHeaders(anyHeader));
            case BuilderMethod.WithExposedHeaders:
                var exposed = ReadValues(call, call.Arguments);
                return Map(states, state => state.WithExposedHeaders(state.ExposedHeaders.AddRange(exposed)));
            case BuilderMethod.SetPreflightMaxAge:
                return Map(states, state => state.WithPreflightMaxAge(call));
            default:
                return states;
        }
    }

    /// <summary><c>new CorsPolicyBuilder("https://a")</c> calls WithOrigins; <c>new CorsPolicyBuilder(policy)</c> copies a policy we cannot see.</summary>
    private PolicyState ApplyConstructor(IObjectCreationOperation creation, PolicyState state)
    {
        if (creation.Arguments.Length == 0)
        {
            return state;
        }

        if (creation.Arguments[0].Parameter?.Type is IArrayTypeSymbol)
        {
            return state.WithOrigins(state.Origins.AddRange(ReadValues(creation, creation.Arguments)));
        }

        return state.WithUnknownConfiguration();
    }

    /// <summary>The strings a <c>params string[]</c> call passes: literals, constants, and arrays initialised with them.</summary>
    private static ImmutableArray<PolicyValue> ReadValues(IOperation call, ImmutableArray<IArgumentOperation> arguments)
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

    private static void ReadArray(IOperation array, IOperation call, ImmutableArray<PolicyValue>.Builder values, int depth)
    {
        array = Unwrap(array);
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

    /// <summary>
    /// The lists a call may pass: a value written <c>dev ? "*" : "https://app.contoso.com"</c> forks the path, one list
    /// per branch (at most <see cref="MaxValueAlternatives"/> lists), so <c>"*"</c> on one branch is seen as such.
    /// </summary>
    private static ImmutableArray<ImmutableArray<PolicyValue>> Alternatives(ImmutableArray<PolicyValue> values)
    {
        var lists = ImmutableArray.Create(values);
        for (var i = 0; i < values.Length && lists.Length < MaxValueAlternatives; i++)
        {
            if (values[i].IsConstant || Unwrap(values[i].Source) is not IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                continue;
            }

            var whenTrueValue = ReadValue(Unwrap(conditional.WhenTrue), values[i].Call);
            var whenFalseValue = ReadValue(Unwrap(whenFalse), values[i].Call);
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

    private static PolicyValue ReadValue(IOperation element, IOperation call)
        => new(element.ConstantValue is { HasValue: true, Value: string text } ? text : null, element, call);

    private static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    private static ImmutableArray<PolicyState> Map(ImmutableArray<PolicyState> states, System.Func<PolicyState, PolicyState> apply)
    {
        var builder = ImmutableArray.CreateBuilder<PolicyState>(states.Length);
        foreach (var state in states)
        {
            builder.Add(apply(state));
        }

        return builder.MoveToImmutable();
    }

    private static ImmutableArray<PolicyState> Union(ImmutableArray<PolicyState> left, ImmutableArray<PolicyState> right)
    {
        if (left.IsEmpty)
        {
            return right;
        }

        if (right.IsEmpty)
        {
            return left;
        }

        var builder = ImmutableArray.CreateBuilder<PolicyState>(left.Length + right.Length);
        builder.AddRange(left);
        foreach (var state in right)
        {
            if (builder.Count >= MaxPaths)
            {
                break;
            }

            if (!builder.Contains(state))
            {
                builder.Add(state);
            }
        }

        return builder.ToImmutable();
    }
}
