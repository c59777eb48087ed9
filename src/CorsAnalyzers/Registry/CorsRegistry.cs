using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Registry;

/// <summary>
/// The compilation-wide CORS facts: which policies are defined, which names are used, whether CORS services are
/// registered and the CORS middleware added, and whether any of that may happen in code we cannot see. Filled
/// incrementally by the package's one operation callback (safe for concurrent use) and read by
/// <see cref="RegistryRule"/>s at the end of the compilation.
/// </summary>
internal sealed class CorsRegistry
{
    private readonly RegistrySymbols _symbols;
    private readonly Compilation _compilation;
    private readonly ConcurrentQueue<PolicyDefinition> _definitions = new();
    private readonly ConcurrentQueue<PolicyUse> _uses = new();
    private readonly ConcurrentQueue<CorsMetadataSite> _endpointMetadata = new();
    private readonly ConcurrentQueue<Location> _corsMiddleware = new();

    // Facts that only ever turn true (0 or 1), written from any thread.
    private int _policyNamesOpen;
    private int _callsAddCors;
    private int _registersCorsServices;
    private int _servicesEscape;
    private int _pipelineEscape;
    private int _addsCorsMiddleware;
    private int _buildsPipeline;
    private int _configuresRouteOptions;

    public CorsRegistry(Compilation compilation, RegistrySymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
    }

    /// <summary>
    /// True when every policy name the app defines is in <see cref="Definitions"/>: the compilation calls <c>AddCors</c>
    /// itself, every <c>AddPolicy</c> name is a constant, and nothing can add policies we cannot see
    /// (<c>Configure&lt;CorsOptions&gt;</c>, an <c>ICorsPolicyProvider</c>, <c>CorsOptions</c> handed to another assembly,
    /// <c>DefaultPolicyName</c> changed, a configure delegate that is not a lambda or method in source).
    /// </summary>
    public bool PolicyNamesKnown => Volatile.Read(ref _callsAddCors) == 1 && Volatile.Read(ref _policyNamesOpen) == 0;

    public IEnumerable<PolicyDefinition> Definitions => _definitions;

    /// <summary>The <c>UseCors</c> calls of the compilation (not those inside helpers that other code calls).</summary>
    public IEnumerable<Location> CorsMiddlewareCalls => _corsMiddleware;

    /// <summary>True when some pipeline adds the CORS middleware: a <c>UseCors</c> call, or a helper in source that makes one.</summary>
    public bool AddsCorsMiddleware => Volatile.Read(ref _addsCorsMiddleware) == 1;

    /// <summary>True when a call registers CORS services: <c>AddCors</c>, <c>AddControllers</c>, <c>AddControllersWithViews</c>, <c>AddMvc</c>, ...</summary>
    public bool RegistersCorsServices => Volatile.Read(ref _registersCorsServices) == 1;

    /// <summary>
    /// True when the app's service registrations are all in source: it is an application (not a library whose host
    /// registers them), and it never hands its services or host builder to code of another assembly that could.
    /// </summary>
    public bool AllServiceRegistrationsVisible => IsApplication && Volatile.Read(ref _servicesEscape) == 0;

    /// <summary>
    /// True when the app's whole pipeline is in source: it is an application that builds a pipeline with ASP.NET Core's
    /// own methods, never hands its builder to code of another assembly, and does not configure <c>RouteOptions</c>
    /// (whose <c>SuppressCheckForUnhandledSecurityMetadata</c> turns off the check for CORS metadata).
    /// </summary>
    public bool WholePipelineVisible => IsApplication
        && Volatile.Read(ref _buildsPipeline) == 1
        && Volatile.Read(ref _pipelineEscape) == 0
        && Volatile.Read(ref _configuresRouteOptions) == 0;

    private bool IsApplication => _compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule);

    /// <summary>
    /// Every use of a policy name: <c>UseCors</c>, <c>RequireCors</c>, and <c>[EnableCors]</c> on types, methods and
    /// lambdas (the compiler hands attribute applications to the operation callback as <c>EnableCorsAttribute</c> creations).
    /// </summary>
    public IEnumerable<PolicyUse> Uses => _uses;

    /// <summary>Where endpoints get CORS metadata: <c>RequireCors(...)</c>, <c>[EnableCors]</c>, <c>new EnableCorsAttribute(...)</c>.</summary>
    public IEnumerable<CorsMetadataSite> EndpointMetadata => _endpointMetadata;

    /// <summary>
    /// True when calls to <paramref name="definition"/> may tell the registry something (the host's <see cref="CallFilter"/>):
    /// what <see cref="Observe(IInvocationOperation, bool)"/> reads, asked of the method alone. A generic method's type
    /// arguments differ per call, so every generic method passes.
    /// </summary>
    public bool ReadsCallsTo(IMethodSymbol definition)
    {
        var assembly = definition.ContainingAssembly;
        if (SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
        {
            return definition.IsGenericMethod;
        }

        var kind = _symbols.Classify(assembly);
        if (kind == AssemblyKind.Cors)
        {
            return true;
        }

        if (kind == AssemblyKind.Platform)
        {
            return false;
        }

        if (definition.IsGenericMethod)
        {
            return true;
        }

        if (kind == AssemblyKind.Framework)
        {
            var pipeline = _symbols.Pipeline;
            return pipeline.GetMiddleware(definition) != MiddlewareKind.None
                || pipeline.IsWebApplication(definition.ContainingType)
                || pipeline.TryGetRegistration(definition, out _, out _)
                || TakesTypesOrDelegates(definition.Parameters);
        }

        return kind == AssemblyKind.Other && HandsOver(definition.Parameters);
    }

    /// <summary>Records what one invocation of user code tells about the app. Asked of every invocation: cheap tests first.</summary>
    public void Observe(IInvocationOperation invocation, bool addsCorsMiddleware)
    {
        if (addsCorsMiddleware)
        {
            Set(ref _addsCorsMiddleware);
        }

        var method = invocation.TargetMethod;
        var assembly = method.ContainingAssembly;
        if (SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
        {
            // The app's own code: its body's calls are observed where they are written.
            if (method.IsGenericMethod)
            {
                ObserveTypeArguments(method.TypeArguments);
            }

            return;
        }

        var kind = _symbols.Classify(assembly);
        if (kind == AssemblyKind.Platform)
        {
            return;
        }

        if (kind == AssemblyKind.Cors)
        {
            ObserveCorsCall(invocation);
            return;
        }

        if (method.IsGenericMethod)
        {
            ObserveTypeArguments(method.TypeArguments);
        }

        if (kind == AssemblyKind.Framework)
        {
            ObserveFrameworkCall(invocation);
        }
        else
        {
            ObserveHandOver(PipelineSymbols.Unreduced(method).Parameters);
        }
    }

    private void ObserveCorsCall(IInvocationOperation invocation)
    {
        var type = invocation.TargetMethod.ContainingType;
        var cors = _symbols.Cors;
        if (SymbolEqualityComparer.Default.Equals(type, cors.CorsOptions))
        {
            ObserveOptionsCall(invocation);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, cors.CorsMiddlewareExtensions))
        {
            ObserveUseCors(invocation);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, cors.CorsEndpointConventionBuilderExtensions))
        {
            var argument = PolicyName.Argument(invocation);
            var name = PolicyName.Read(argument);
            _endpointMetadata.Enqueue(new CorsMetadataSite(invocation.NameAndArgumentsLocation(), name is null ? "RequireCors(...)" : $"RequireCors(\"{name}\")"));
            ObserveNamedUse(invocation, PolicyUseKind.Endpoint, argument, invocation.NameAndArgumentsLocation());
        }
        else if (SymbolEqualityComparer.Default.Equals(type, _symbols.CorsServiceCollectionExtensions))
        {
            Set(ref _callsAddCors);
            Set(ref _registersCorsServices);
            ObserveOptionsDelegate(invocation);
        }
    }

    /// <summary>Records what one object creation tells: <c>new EnableCorsAttribute(...)</c>, or services handed to another assembly's type.</summary>
    public void Observe(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol type)
        {
            return;
        }

        if (SymbolEqualityComparer.Default.Equals(type, _symbols.EnableCorsAttribute))
        {
            // [EnableCors("Api")] reaches us as the creation of its attribute, with the attribute as syntax.
            var location = creation.Syntax.GetLocation();
            var argument = PolicyName.Argument(creation);
            var name = PolicyName.Read(argument);
            var description = creation.Syntax is AttributeSyntax
                ? name is null ? "[EnableCors]" : $"[EnableCors(\"{name}\")]"
                : "new EnableCorsAttribute(...)";
            _endpointMetadata.Enqueue(new CorsMetadataSite(location, description));
            ObserveNamedUse(creation, PolicyUseKind.Attribute, argument, location);
            return;
        }

        if (creation.Constructor is { } constructor && !constructor.Parameters.IsEmpty
            && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly) && _symbols.Classify(type.ContainingAssembly) == AssemblyKind.Other)
        {
            ObserveHandOver(constructor.Parameters);
        }
    }

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
                return;
            }
        }

        ObserveNamedUse(invocation, PolicyUseKind.Middleware, PolicyName.Argument(invocation), location);
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

    private void ObserveTypeArguments(ImmutableArray<ITypeSymbol> typeArguments)
    {
        foreach (var typeArgument in typeArguments)
        {
            ObserveServiceType(typeArgument);
        }
    }

    /// <summary><c>Configure&lt;CorsOptions&gt;</c>, <c>AddSingleton&lt;ICorsPolicyProvider, T&gt;</c>, <c>Configure&lt;RouteOptions&gt;</c>, ...</summary>
    private void ObserveServiceType(ITypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type, _symbols.Cors.CorsOptions) || _symbols.IsPolicyProvider(type))
        {
            Set(ref _policyNamesOpen);
        }
        else if (_symbols.IsCorsService(type))
        {
            Set(ref _registersCorsServices);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, _symbols.RouteOptions))
        {
            Set(ref _configuresRouteOptions);
        }
    }

    private void ObserveFrameworkCall(IInvocationOperation invocation)
    {
        var pipeline = _symbols.Pipeline;
        var method = invocation.TargetMethod;
        if (pipeline.GetMiddleware(method) != MiddlewareKind.None || pipeline.IsWebApplication(method.ContainingType))
        {
            Set(ref _buildsPipeline);
        }

        if (pipeline.TryGetRegistration(method, out var services, out _) && (services & RegisteredServices.Cors) != 0)
        {
            Set(ref _registersCorsServices);
        }

        foreach (var argument in invocation.Arguments)
        {
            switch (argument.Value.WalkDownConversions())
            {
                // services.AddSingleton(typeof(ICorsPolicyProvider), typeof(MyProvider))
                case ITypeOfOperation typeOf:
                    ObserveServiceType(typeOf.TypeOperand);
                    break;

                // app.MapGet("/", [EnableCors("Api")] () => ...): the compiler does not hand a lambda's attributes to us.
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }:
                    ObserveLambdaAttributes(function);
                    break;
            }
        }
    }

    private void ObserveLambdaAttributes(IAnonymousFunctionOperation function)
    {
        foreach (var attribute in function.Symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _symbols.EnableCorsAttribute)
                && attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax syntax)
            {
                var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                var expression = syntax.ArgumentList is { Arguments.Count: > 0 } list ? list.Arguments[0].Expression : null;
                _endpointMetadata.Enqueue(new CorsMetadataSite(syntax.GetLocation(), name is null ? "[EnableCors]" : $"[EnableCors(\"{name}\")]"));
                if (expression is null)
                {
                    _uses.Enqueue(new PolicyUse(PolicyUseKind.Attribute, null, syntax.GetLocation(), isLiteral: false));
                }
                else if (name is not null)
                {
                    _uses.Enqueue(new PolicyUse(PolicyUseKind.Attribute, name, expression.GetLocation(), expression is LiteralExpressionSyntax));
                }
            }
        }
    }

    // The arguments ObserveFrameworkCall reads: typeof(...) (a Type, or an object) and lambdas (a delegate type, Delegate).
    private bool TakesTypesOrDelegates(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Delegate || type.SpecialType is SpecialType.System_Object or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate
                || SymbolEqualityComparer.Default.Equals(type, _symbols.SystemType))
            {
                return true;
            }
        }

        return false;
    }

    private bool HandsOver(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            var type = parameter.Type;
            if (type.SpecialType == SpecialType.None
                && (SymbolEqualityComparer.Default.Equals(type, _symbols.Cors.CorsOptions) || _symbols.HoldsServices(type) || _symbols.Pipeline.IsApplicationBuilder(type)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A method or constructor of another assembly that receives the app's services, pipeline or CORS options.</summary>
    private void ObserveHandOver(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            var type = parameter.Type;
            if (type.SpecialType != SpecialType.None)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _symbols.Cors.CorsOptions))
            {
                Set(ref _policyNamesOpen);
            }
            else if (_symbols.HoldsServices(type))
            {
                Set(ref _servicesEscape);
            }
            else if (_symbols.Pipeline.IsApplicationBuilder(type))
            {
                Set(ref _pipelineEscape);
            }
        }
    }

    private static void Set(ref int fact) => Volatile.Write(ref fact, 1);
}
