using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// The ASP.NET Core symbols the middleware-order model needs: the pipeline's <c>Use*</c> extension methods and the
/// service registrations that make <c>WebApplication</c> add middleware by itself. Resolved once per compilation,
/// in the same compilation start as <see cref="CorsSymbols"/>.
/// </summary>
internal sealed class PipelineSymbols
{
    public const string ApplicationBuilderName = "Microsoft.AspNetCore.Builder.IApplicationBuilder";
    public const string WebApplicationName = "Microsoft.AspNetCore.Builder.WebApplication";
    public const string CorsMetadataName = "Microsoft.AspNetCore.Cors.Infrastructure.ICorsMetadata";

    private const string Routing = "Microsoft.AspNetCore.Routing";
    private const string Authentication = "Microsoft.AspNetCore.Authentication";
    private const string AuthorizationPolicy = "Microsoft.AspNetCore.Authorization.Policy";
    private const string Mvc = "Microsoft.AspNetCore.Mvc";

    /// <summary>ASP.NET Core's own middleware methods: declaring assembly and type, method name, what it adds.</summary>
    public static ImmutableArray<MiddlewareMethod> MiddlewareMethods { get; } = ImmutableArray.Create(
        new MiddlewareMethod(WellKnownTypes.CorsAssembly, CorsSymbols.CorsMiddlewareExtensionsName, "UseCors", MiddlewareKind.Cors),
        new MiddlewareMethod(Routing, "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions", "UseRouting", MiddlewareKind.Routing),
        new MiddlewareMethod(Routing, "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions", "UseEndpoints", MiddlewareKind.Endpoints),
        new MiddlewareMethod(Authentication, "Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions", "UseAuthentication", MiddlewareKind.Authentication),
        new MiddlewareMethod(AuthorizationPolicy, "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions", "UseAuthorization", MiddlewareKind.Authorization),
        new MiddlewareMethod("Microsoft.AspNetCore.ResponseCaching", "Microsoft.AspNetCore.Builder.ResponseCachingExtensions", "UseResponseCaching", MiddlewareKind.ResponseCaching),
        new MiddlewareMethod("Microsoft.AspNetCore.OutputCaching", "Microsoft.AspNetCore.Builder.OutputCacheApplicationBuilderExtensions", "UseOutputCache", MiddlewareKind.OutputCache),
        new MiddlewareMethod("Microsoft.AspNetCore.Http.Abstractions", "Microsoft.AspNetCore.Builder.RunExtensions", "Run", MiddlewareKind.Run));

    /// <summary>
    /// Service registrations that make WebApplication add UseAuthentication()/UseAuthorization() when the app does not
    /// call them, and those that register the CORS services the CORS middleware needs. Explicit ones say the app uses
    /// authentication or authorization; the MVC ones register the same services as a side effect (AddControllers calls
    /// AddAuthenticationCore, AddAuthorization and AddCors; AddRazorPages does not add CORS).
    /// </summary>
    public static ImmutableArray<RegistrationMethod> RegistrationMethods { get; } = ImmutableArray.Create(
        new RegistrationMethod(Authentication, "Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions", "AddAuthentication", RegisteredServices.Authentication, true),
        new RegistrationMethod("Microsoft.AspNetCore.Authentication.Core", "Microsoft.Extensions.DependencyInjection.AuthenticationCoreServiceCollectionExtensions", "AddAuthenticationCore", RegisteredServices.Authentication, true),
        new RegistrationMethod(AuthorizationPolicy, "Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions", "AddAuthorization", RegisteredServices.Authorization, true),
        new RegistrationMethod(AuthorizationPolicy, "Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions", "AddAuthorizationBuilder", RegisteredServices.Authorization, true),
        new RegistrationMethod("Microsoft.AspNetCore.Authorization", "Microsoft.Extensions.DependencyInjection.AuthorizationServiceCollectionExtensions", "AddAuthorizationCore", RegisteredServices.Authorization, true),
        new RegistrationMethod(Mvc, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddControllers", RegisteredServices.Authentication | RegisteredServices.Authorization | RegisteredServices.Cors, false),
        new RegistrationMethod(Mvc, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddControllersWithViews", RegisteredServices.Authentication | RegisteredServices.Authorization | RegisteredServices.Cors, false),
        new RegistrationMethod(Mvc, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddMvc", RegisteredServices.Authentication | RegisteredServices.Authorization | RegisteredServices.Cors, false),
        new RegistrationMethod(Mvc, "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddRazorPages", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        new RegistrationMethod("Microsoft.AspNetCore.Mvc.Core", "Microsoft.Extensions.DependencyInjection.MvcCoreMvcCoreBuilderExtensions", "AddAuthorization", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        new RegistrationMethod(WellKnownTypes.CorsAssembly, "Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions", "AddCors", RegisteredServices.Cors, false),
        new RegistrationMethod("Microsoft.AspNetCore.Mvc.Cors", "Microsoft.Extensions.DependencyInjection.MvcCorsMvcCoreBuilderExtensions", "AddCors", RegisteredServices.Cors, false));

    /// <summary>Every type name this class resolves; a meta-test checks each (and each method) against ASP.NET Core 8 and 10.</summary>
    /// <remarks>Computed when asked (only tests ask), so analysis never runs or compiles this code.</remarks>
    public static ImmutableArray<string> MetadataNames => CollectMetadataNames();

    // Which of the interfaces below each type asked about is or implements.
    private readonly IdentityCache<TypeRoles> _roles;

    // The declaring type of each entry of MiddlewareMethods and RegistrationMethods, at the same index, resolved the first
    // time a method of that name is called: a compilation that never calls UseOutputCache never looks its type up.
    private readonly LazyType[] _middlewareTypes;
    private readonly LazyType[] _registrationTypes;
    private readonly INamedTypeSymbol? _corsMiddlewareExtensions;
    private readonly Declarers _declarers;

    private PipelineSymbols(Compilation compilation, INamedTypeSymbol applicationBuilder, CorsSymbols cors)
    {
        ApplicationBuilder = applicationBuilder;
        WebApplication = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore", WebApplicationName);
        // ICorsMetadata is declared with the endpoint metadata interfaces (Microsoft.AspNetCore.Http.Abstractions), not in Cors.
        CorsMetadata = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", CorsMetadataName);
        CorsEndpointConventionBuilderExtensions = cors.CorsEndpointConventionBuilderExtensions;
        _corsMiddlewareExtensions = cors.CorsMiddlewareExtensions;
        _declarers = cors.Declarers;
        _middlewareTypes = DeclaringTypes(compilation, MiddlewareMethods);
        _registrationTypes = DeclaringTypes(compilation, RegistrationMethods);
        _roles = new IdentityCache<TypeRoles>(type => ComputeRoles((ITypeSymbol)type));
    }

    [Flags]
    private enum TypeRoles
    {
        None = 0,
        ApplicationBuilder = 1,
        CorsMetadata = 2,
    }

    public INamedTypeSymbol ApplicationBuilder { get; }

    public INamedTypeSymbol? WebApplication { get; }

    public INamedTypeSymbol? CorsMetadata { get; }

    public INamedTypeSymbol? CorsEndpointConventionBuilderExtensions { get; }

    /// <summary>True for <c>CorsMiddlewareExtensions</c>, the type that declares <c>UseCors</c>.</summary>
    public bool IsCorsMiddlewareExtensions(INamedTypeSymbol? type)
        => _corsMiddlewareExtensions is not null && SymbolEqualityComparer.Default.Equals(type, _corsMiddlewareExtensions);

    /// <summary>True for a method of another assembly that is neither ASP.NET Core's nor the .NET runtime's: code we cannot see.</summary>
    public bool IsDeclaredElsewhere(IMethodSymbol method) => _declarers.Of(method.ContainingAssembly) == Declarer.Other;

    /// <summary>Resolves the pipeline symbols; false when the compilation has no <c>IApplicationBuilder</c>.</summary>
    public static bool TryCreate(Compilation compilation, CorsSymbols cors, out PipelineSymbols symbols)
    {
        var applicationBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", ApplicationBuilderName);
        symbols = applicationBuilder is null ? null! : new PipelineSymbols(compilation, applicationBuilder, cors);
        return applicationBuilder is not null;
    }

    /// <summary>What <paramref name="method"/> adds to the pipeline when it is one of ASP.NET Core's <see cref="MiddlewareMethods"/>.</summary>
    public MiddlewareKind GetMiddleware(IMethodSymbol method)
    {
        // Asked of most invocations in the bodies that add CORS: one symbol comparison settles nearly all of them.
        method = Unreduced(method);
        if (IsPublicStatic(method))
        {
            for (var i = 0; i < _middlewareTypes.Length; i++)
            {
                if (Declares(_middlewareTypes[i], MiddlewareMethods[i].Name, method))
                {
                    return MiddlewareMethods[i].Kind;
                }
            }
        }

        return MiddlewareKind.None;
    }

    /// <summary>The services <paramref name="method"/> registers when it is one of ASP.NET Core's <see cref="RegistrationMethods"/>.</summary>
    public bool TryGetRegistration(IMethodSymbol method, out RegisteredServices services, out bool isExplicit)
    {
        method = Unreduced(method);
        if (IsPublicStatic(method))
        {
            for (var i = 0; i < _registrationTypes.Length; i++)
            {
                if (Declares(_registrationTypes[i], RegistrationMethods[i].Name, method))
                {
                    services = RegistrationMethods[i].Services;
                    isExplicit = RegistrationMethods[i].Explicit;
                    return true;
                }
            }
        }

        services = RegisteredServices.None;
        isExplicit = false;
        return false;
    }

    /// <summary>True when <paramref name="name"/> is the name of one of <see cref="MiddlewareMethods"/> (not that a method is one).</summary>
    public static bool IsMiddlewareName(string name) => IsNameOf(MiddlewareMethods, name);

    /// <summary>True when <paramref name="name"/> is the name of one of <see cref="RegistrationMethods"/> (not that a method is one).</summary>
    public static bool IsRegistrationName(string name) => IsNameOf(RegistrationMethods, name);

    private static bool IsNameOf<TMethod>(ImmutableArray<TMethod> methods, string name)
        where TMethod : KnownMethod
    {
        foreach (var method in methods)
        {
            if (method.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    public bool IsRequireCors(IMethodSymbol method)
        => SymbolEqualityComparer.Default.Equals(Unreduced(method).ContainingType, CorsEndpointConventionBuilderExtensions);

    /// <summary>True for <c>IApplicationBuilder</c> and every type that implements it (<c>WebApplication</c>).</summary>
    public bool IsApplicationBuilder(ITypeSymbol? type)
        // string, int, ... (most parameters) implement no ASP.NET Core interface.
        => type is not null && type.SpecialType == SpecialType.None && (_roles.Get(type) & TypeRoles.ApplicationBuilder) != 0;

    public bool IsWebApplication(ITypeSymbol? type)
        => WebApplication is not null && SymbolEqualityComparer.Default.Equals(type, WebApplication);

    /// <summary>True for CORS endpoint metadata: <c>[EnableCors]</c>, <c>[DisableCors]</c> and anything else implementing <c>ICorsMetadata</c>.</summary>
    public bool IsCorsMetadata(ITypeSymbol? type)
        => type is not null && CorsMetadata is not null && (_roles.Get(type) & TypeRoles.CorsMetadata) != 0;

    // Both questions from one walk of the type's interfaces, once per type: the public AllInterfaces builds a new array
    // on every call, and the same parameter and attribute types are asked about across the compilation.
    private TypeRoles ComputeRoles(ITypeSymbol type)
    {
        var roles = SymbolEqualityComparer.Default.Equals(type, ApplicationBuilder) ? TypeRoles.ApplicationBuilder : TypeRoles.None;
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, ApplicationBuilder))
            {
                roles |= TypeRoles.ApplicationBuilder;
            }
            else if (CorsMetadata is not null && SymbolEqualityComparer.Default.Equals(implemented, CorsMetadata))
            {
                roles |= TypeRoles.CorsMetadata;
            }
        }

        return roles;
    }

    public static IMethodSymbol Unreduced(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    private static bool IsPublicStatic(IMethodSymbol method)
        => method.IsStatic && method.DeclaredAccessibility == Accessibility.Public && method.MethodKind == MethodKind.Ordinary;

    // The symbol decides: the name is compared only with the members of ASP.NET Core's own type, never to recognise
    // a method on its own, so a user's UseCors() is not ASP.NET Core's. Name first because it is the cheaper test.
    /// <summary>The declaring type of each method, at the same index; consecutive methods of one type share it.</summary>
    private static LazyType[] DeclaringTypes<TMethod>(Compilation compilation, ImmutableArray<TMethod> methods)
        where TMethod : KnownMethod
    {
        var types = new LazyType[methods.Length];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = i > 0 && methods[i - 1].Type == methods[i].Type
                ? types[i - 1]
                : new LazyType(compilation, methods[i].Assembly, methods[i].Type);
        }

        return types;
    }

    private static bool Declares(LazyType type, string name, IMethodSymbol method)
        => method.Name == name && type.Value is { } declaringType && SymbolEqualityComparer.Default.Equals(method.ContainingType, declaringType);

    private static ImmutableArray<string> CollectMetadataNames()
    {
        var names = new List<string> { ApplicationBuilderName, WebApplicationName, CorsMetadataName };
        foreach (var method in MiddlewareMethods)
        {
            names.Add(method.Type);
        }

        foreach (var method in RegistrationMethods)
        {
            names.Add(method.Type);
        }

        var distinct = new List<string>();
        foreach (var name in names)
        {
            if (!distinct.Contains(name))
            {
                distinct.Add(name);
            }
        }

        return distinct.ToImmutableArray();
    }

    /// <summary>An ASP.NET Core type looked up the first time it is needed; safe for concurrent use (a race looks it up twice).</summary>
    private sealed class LazyType
    {
        private readonly Compilation _compilation;
        private readonly string _assembly;
        private readonly string _metadataName;
        private INamedTypeSymbol? _type;
        private int _resolved;

        public LazyType(Compilation compilation, string assembly, string metadataName)
        {
            _compilation = compilation;
            _assembly = assembly;
            _metadataName = metadataName;
        }

        public INamedTypeSymbol? Value
        {
            get
            {
                if (Volatile.Read(ref _resolved) == 0)
                {
                    _type = WellKnownTypes.Get(_compilation, _assembly, _metadataName);
                    Volatile.Write(ref _resolved, 1);
                }

                return _type;
            }
        }
    }
}

/// <summary>One of ASP.NET Core's own methods: the assembly and type that declare it, and its name.</summary>
internal abstract class KnownMethod
{
    protected KnownMethod(string assembly, string type, string name)
    {
        Assembly = assembly;
        Type = type;
        Name = name;
    }

    /// <summary>The assembly that declares the type in ASP.NET Core 8 to 10 (a moved type is still found, more slowly).</summary>
    public string Assembly { get; }

    public string Type { get; }

    public string Name { get; }
}

/// <summary>One of ASP.NET Core's pipeline methods and what it adds.</summary>
internal sealed class MiddlewareMethod : KnownMethod
{
    public MiddlewareMethod(string assembly, string type, string name, MiddlewareKind kind)
        : base(assembly, type, name)
    {
        Kind = kind;
    }

    public MiddlewareKind Kind { get; }

    public void Deconstruct(out string type, out string name, out MiddlewareKind kind)
        => (type, name, kind) = (Type, Name, Kind);
}

/// <summary>One of ASP.NET Core's service registrations and which services it adds.</summary>
internal sealed class RegistrationMethod : KnownMethod
{
    public RegistrationMethod(string assembly, string type, string name, RegisteredServices services, bool isExplicit)
        : base(assembly, type, name)
    {
        Services = services;
        Explicit = isExplicit;
    }

    public RegisteredServices Services { get; }

    /// <summary>True when the app asks for the services itself (AddAuthentication), not as a side effect (AddControllers).</summary>
    public bool Explicit { get; }

    public void Deconstruct(out string type, out string name, out RegisteredServices services, out bool isExplicit)
        => (type, name, services, isExplicit) = (Type, Name, Services, Explicit);
}
