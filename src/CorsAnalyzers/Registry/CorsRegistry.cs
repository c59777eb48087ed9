using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// <see cref="RegistryRule"/>s at the end of the compilation. What a call tells about policy names is in
/// CorsRegistry.PolicyNames.cs, what tells that services or the pipeline reach code we cannot see in CorsRegistry.Escapes.cs.
/// </summary>
internal sealed partial class CorsRegistry
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
    private int _middlewareMayNameItsPolicy;
    private int _buildsPipeline;
    private int _configuresRouteOptions;
    private int _unresolvedCode;

    // What calls to each method tell (ClassifyCall), per definition.
    private readonly IdentityCache<RegistryCall> _calls;

    public CorsRegistry(Compilation compilation, RegistrySymbols symbols)
    {
        _compilation = compilation;
        _symbols = symbols;
        _calls = new IdentityCache<RegistryCall>(method => ClassifyCall((IMethodSymbol)method));
    }

    /// <summary>
    /// True when every policy name the app defines is in <see cref="Definitions"/>: the compilation calls <c>AddCors</c>
    /// itself, every <c>AddPolicy</c> name is a constant, and nothing can add policies we cannot see
    /// (<c>Configure&lt;CorsOptions&gt;</c>, an <c>ICorsPolicyProvider</c>, <c>CorsOptions</c> handed to another assembly,
    /// <c>DefaultPolicyName</c> changed, a configure delegate that is not a lambda or method in source, and the app's
    /// services or host builder handed to another assembly, whose <c>AddCompanyCors(this IServiceCollection)</c> may
    /// call <c>AddCors</c> or <c>Configure&lt;CorsOptions&gt;</c> with policies of its own), and no code of the
    /// compilation fails to bind (<see cref="ObserveUnresolvedCode"/>).
    /// </summary>
    public bool PolicyNamesKnown => Volatile.Read(ref _callsAddCors) == 1
        && Volatile.Read(ref _policyNamesOpen) == 0
        && Volatile.Read(ref _servicesEscape) == 0
        && Volatile.Read(ref _unresolvedCode) == 0;

    public IEnumerable<PolicyDefinition> Definitions => _definitions;

    /// <summary>The <c>UseCors</c> calls of the compilation (not those inside helpers that other code calls).</summary>
    public IEnumerable<Location> CorsMiddlewareCalls => _corsMiddleware;

    /// <summary>True when some pipeline adds the CORS middleware: a <c>UseCors</c> call, or a helper in source that makes one.</summary>
    public bool AddsCorsMiddleware => Volatile.Read(ref _addsCorsMiddleware) == 1;

    /// <summary>
    /// True when every CORS middleware of the app applies the default policy to endpoints whose metadata names none
    /// (<c>[EnableCors]</c>): the whole pipeline is in source, it calls <c>UseCors</c>, and only ever <c>UseCors()</c>.
    /// <c>CorsMiddleware</c> keeps its own policy unless the endpoint's metadata names another, so under
    /// <c>UseCors("Spa")</c>, <c>UseCors(policy =&gt; ...)</c> or <c>UseMiddleware&lt;CorsMiddleware&gt;(...)</c> an
    /// <c>[EnableCors]</c> endpoint gets that policy, not the default.
    /// </summary>
    public bool CorsMiddlewareAppliesOnlyTheDefaultPolicy
    {
        get
        {
            if (!WholePipelineVisible || Volatile.Read(ref _middlewareMayNameItsPolicy) == 1)
            {
                return false;
            }

            foreach (var _ in _corsMiddleware)
            {
                return true;
            }

            return false;
        }
    }

    /// <summary>True when a call registers CORS services: <c>AddCors</c>, <c>AddControllers</c>, <c>AddControllersWithViews</c>, <c>AddMvc</c>, ...</summary>
    public bool RegistersCorsServices => Volatile.Read(ref _registersCorsServices) == 1;

    /// <summary>
    /// True when the app's service registrations are all in source: it is an application (not a library whose host
    /// registers them), it never hands its services or host builder to code of another assembly that could, and no code
    /// of the compilation fails to bind.
    /// </summary>
    public bool AllServiceRegistrationsVisible => IsApplication && Volatile.Read(ref _servicesEscape) == 0 && Volatile.Read(ref _unresolvedCode) == 0;

    /// <summary>
    /// True when the app's whole pipeline is in source: it is an application that builds a pipeline with ASP.NET Core's
    /// own methods, never hands its builder to code of another assembly, nor its services (which may register an
    /// <c>IStartupFilter</c> that adds middleware before the app's own), and does not configure <c>RouteOptions</c>
    /// (whose <c>SuppressCheckForUnhandledSecurityMetadata</c> turns off the check for CORS metadata), and no code of the
    /// compilation fails to bind.
    /// </summary>
    public bool WholePipelineVisible => IsApplication
        && Volatile.Read(ref _buildsPipeline) == 1
        && Volatile.Read(ref _pipelineEscape) == 0
        && Volatile.Read(ref _servicesEscape) == 0
        && Volatile.Read(ref _configuresRouteOptions) == 0
        && Volatile.Read(ref _unresolvedCode) == 0;

    private bool IsApplication => _compilation.Options.OutputKind is not (OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule);

    /// <summary>
    /// Every use of a policy name: <c>UseCors</c>, <c>RequireCors</c>, and <c>[EnableCors]</c> on types, methods and
    /// lambdas (the compiler hands attribute applications to the operation callback as <c>EnableCorsAttribute</c> creations).
    /// </summary>
    public IEnumerable<PolicyUse> Uses => _uses;

    /// <summary>Where endpoints get CORS metadata: <c>RequireCors(...)</c>, <c>[EnableCors]</c>, <c>new EnableCorsAttribute(...)</c>.</summary>
    public IEnumerable<CorsMetadataSite> EndpointMetadata => _endpointMetadata;

    /// <summary>Who declares the methods <see cref="ReadsCallsTo"/> may accept: everyone but the .NET runtime's libraries.</summary>
    public const Declarer CallDeclarers = Declarer.Source | Declarer.Cors | Declarer.Framework | Declarer.Other;

    /// <summary>
    /// Who declares the constructors <see cref="ReadsCreationsOf"/> may accept: <c>[EnableCors]</c>'s, ASP.NET Core's
    /// (<c>ServiceDescriptor</c>'s, which registers by <c>Type</c>), and the app's and other libraries' own (their CORS
    /// metadata, services handed to them).
    /// </summary>
    public Declarer CreationDeclarers => _symbols.Cors.Declarers.Of(_symbols.EnableCorsAttribute) | Declarer.Framework | Declarer.Source | Declarer.Other;

    /// <summary>
    /// True when calls to <paramref name="definition"/> may tell the registry something (the host's <see cref="CallFilter"/>):
    /// what <see cref="Observe(IInvocationOperation, bool)"/> reads, asked of the method alone.
    /// </summary>
    public bool ReadsCallsTo(IMethodSymbol definition) => _calls.Get(definition) != RegistryCall.None;

    /// <summary>
    /// True when creations with <paramref name="constructor"/> (a definition) may tell the registry something (the host's
    /// creation filter): <c>[EnableCors]</c> and other CORS metadata, an ASP.NET Core constructor that takes a <c>Type</c>
    /// (<c>new ServiceDescriptor(typeof(ICorsPolicyProvider), ...)</c>), or another assembly's type handed the app's
    /// services, pipeline or CORS options. A generic type's type arguments differ per creation, so its constructors pass.
    /// </summary>
    public bool ReadsCreationsOf(IMethodSymbol constructor)
    {
        var type = constructor.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, _symbols.EnableCorsAttribute) || _symbols.IsOtherCorsMetadata(type))
        {
            return true;
        }

        var assembly = type.ContainingAssembly;
        if (constructor.Parameters.IsEmpty || SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
        {
            return false;
        }

        var kind = _symbols.Classify(assembly);

        // `new ServiceDescriptor(typeof(ICorsPolicyProvider), typeof(TenantPolicyProvider), ServiceLifetime.Singleton)`,
        // added to the services: a registration by its Type arguments.
        return kind == AssemblyKind.Framework ? TakesTypes(constructor.Parameters)
            : kind == AssemblyKind.Other && (type.IsGenericType || HandOverFacts(constructor.Parameters) != RegistryCall.None);
    }

    /// <summary>
    /// Records what one invocation of user code tells about the app. Asked of every invocation the filter hands over, with
    /// the definition of its method the filter found (unreduced, not constructed).
    /// </summary>
    public void Observe(IInvocationOperation invocation, IMethodSymbol definition, bool addsCorsMiddleware)
    {
        if (addsCorsMiddleware)
        {
            Set(ref _addsCorsMiddleware);
        }

        var method = invocation.TargetMethod;
        var call = _calls.Get(definition);
        if (call == RegistryCall.None)
        {
            return;
        }

        if ((call & RegistryCall.Facts) != 0)
        {
            SetFacts(call);
        }

        if ((call & RegistryCall.CorsCall) != 0)
        {
            ObserveCorsCall(invocation);
        }

        if ((call & RegistryCall.TypeArguments) != 0)
        {
            ObserveTypeArguments(method.TypeArguments);
        }

        if ((call & RegistryCall.Arguments) != 0)
        {
            ObserveArguments(invocation.Arguments);
        }

        if ((call & RegistryCall.ConstructedHandOver) != 0)
        {
            // The constructed parameters (`Wrap<T>(T value)` called with the app's services), and an extension method's
            // receiver, which its reduced form does not list.
            SetFacts(HandOverFacts(method.Parameters) | (method.ReducedFrom is not null && method.ReceiverType is { } receiver ? HandOverFact(receiver) : RegistryCall.None));
        }
    }

    // What calls to a method tell, decided once per definition: facts of the method itself, and which parts of each
    // call to read (its type arguments, its arguments, CORS's own calls).
    private RegistryCall ClassifyCall(IMethodSymbol definition)
    {
        var assembly = definition.ContainingAssembly;
        if (SymbolEqualityComparer.Default.Equals(assembly, _compilation.Assembly))
        {
            // The app's own code: its body's calls are observed where they are written.
            return definition.IsGenericMethod ? RegistryCall.TypeArguments : RegistryCall.None;
        }

        var kind = _symbols.Classify(assembly);
        if (kind == AssemblyKind.Platform)
        {
            return RegistryCall.None;
        }

        if (kind == AssemblyKind.Cors)
        {
            return RegistryCall.CorsCall;
        }

        var call = definition.IsGenericMethod ? RegistryCall.TypeArguments : RegistryCall.None;
        if (kind == AssemblyKind.Other)
        {
            // A generic method's parameters may be its type parameters, which each call constructs.
            return call | (definition.IsGenericMethod ? RegistryCall.ConstructedHandOver : HandOverFacts(definition.Parameters));
        }

        var pipeline = _symbols.Pipeline;
        if (pipeline.GetMiddleware(definition) != MiddlewareKind.None || pipeline.IsWebApplication(definition.ContainingType))
        {
            call |= RegistryCall.BuildsPipeline;
        }

        if (pipeline.TryGetRegistration(definition, out var services, out _) && (services & RegisteredServices.Cors) != 0)
        {
            call |= RegistryCall.RegistersCorsServices;
        }

        // services.AddRouting(options => options.SuppressCheckForUnhandledSecurityMetadata = true)
        if (_symbols.RouteOptions is { } routeOptions && ConfiguresOptions(definition, routeOptions))
        {
            call |= RegistryCall.ConfiguresRouteOptions;
        }

        if (definition.IsGenericMethod || TakesTypesOrDelegates(definition.Parameters))
        {
            call |= RegistryCall.Arguments;
        }

        return call;
    }

    private void SetFacts(RegistryCall call)
    {
        if ((call & RegistryCall.BuildsPipeline) != 0)
        {
            Set(ref _buildsPipeline);
        }

        if ((call & RegistryCall.RegistersCorsServices) != 0)
        {
            Set(ref _registersCorsServices);
        }

        if ((call & RegistryCall.ConfiguresRouteOptions) != 0)
        {
            Set(ref _configuresRouteOptions);
        }

        if ((call & RegistryCall.OpensPolicyNames) != 0)
        {
            Set(ref _policyNamesOpen);
        }

        if ((call & RegistryCall.ServicesEscape) != 0)
        {
            Set(ref _servicesEscape);
        }

        if ((call & RegistryCall.PipelineEscape) != 0)
        {
            Set(ref _pipelineEscape);
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
        else if (SymbolEqualityComparer.Default.Equals(type, _symbols.EnableCorsAttribute))
        {
            // `class ApiCorsAttribute : EnableCorsAttribute { public ApiCorsAttribute() : base("Api") { } }`: every
            // [ApiCors] names that policy. Only a named base call: which endpoints use a subclass is not recorded.
            if (invocation.Instance is IInstanceReferenceOperation && PolicyName.Argument(invocation) is { } argument)
            {
                ObserveNamedUse(invocation, PolicyUseKind.Attribute, argument, invocation.Syntax.GetLocation());
            }
        }
        else if (SymbolEqualityComparer.Default.Equals(type, cors.CorsEndpointConventionBuilderExtensions))
        {
            var argument = PolicyName.Argument(invocation);
            var name = PolicyName.Read(argument);
            var location = invocation.NameAndArgumentsLocation();
            _endpointMetadata.Enqueue(new CorsMetadataSite(location, name is null ? "RequireCors(...)" : $"RequireCors(\"{name}\")"));
            ObserveNamedUse(invocation, PolicyUseKind.Endpoint, argument, location);
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

        if (_symbols.IsOtherCorsMetadata(type))
        {
            // [ApiCors], where `ApiCorsAttribute : EnableCorsAttribute`, or `.WithMetadata(new ApiCorsAttribute())`:
            // endpoint metadata too. The policy it names is a use where its constructor says it (`: base("Api")`),
            // observed with the other invocations.
            _endpointMetadata.Enqueue(new CorsMetadataSite(creation.Syntax.GetLocation(), creation.Syntax is AttributeSyntax attribute
                ? "[" + attribute.Name.ToString() + "]"
                : "new " + type.Name + "(...)"));
            return;
        }

        if (creation.Constructor is not { } constructor || constructor.Parameters.IsEmpty
            || SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
        {
            return;
        }

        var kind = _symbols.Classify(type.ContainingAssembly);
        if (kind == AssemblyKind.Other)
        {
            SetFacts(HandOverFacts(constructor.Parameters));
        }
        else if (kind == AssemblyKind.Framework)
        {
            ObserveArguments(creation.Arguments);
        }
    }

    /// <summary>
    /// Records that some code of the compilation does not bind (an unresolved name, a call no overload fits: half-typed
    /// code). What it does is unknown, and it may be the <c>AddCors</c>, <c>AddPolicy</c> or <c>UseCors</c> the facts
    /// miss (an <c>AddCors</c> whose policy lambda names a type without its <c>using</c> is not a call to AddCors), or a
    /// call that hands the services or the pipeline on: no fact that something is missing from the whole app holds.
    /// </summary>
    public void ObserveUnresolvedCode() => Set(ref _unresolvedCode);

    private static void Set(ref int fact) => Volatile.Write(ref fact, 1);
}
