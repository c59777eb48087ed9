using System.Collections.Generic;
using System.Collections.Immutable;
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

    /// <summary>ASP.NET Core's own middleware methods: declaring type, method name, what it adds.</summary>
    public static ImmutableArray<(string Type, string Method, MiddlewareKind Kind)> MiddlewareMethods { get; } = ImmutableArray.Create(
        (CorsSymbols.CorsMiddlewareExtensionsName, "UseCors", MiddlewareKind.Cors),
        ("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions", "UseRouting", MiddlewareKind.Routing),
        ("Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions", "UseEndpoints", MiddlewareKind.Endpoints),
        ("Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions", "UseAuthentication", MiddlewareKind.Authentication),
        ("Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions", "UseAuthorization", MiddlewareKind.Authorization),
        ("Microsoft.AspNetCore.Builder.ResponseCachingExtensions", "UseResponseCaching", MiddlewareKind.ResponseCaching),
        ("Microsoft.AspNetCore.Builder.OutputCacheApplicationBuilderExtensions", "UseOutputCache", MiddlewareKind.OutputCache),
        ("Microsoft.AspNetCore.Builder.RunExtensions", "Run", MiddlewareKind.Run));

    /// <summary>
    /// Service registrations that make WebApplication add UseAuthentication()/UseAuthorization() when the app does not
    /// call them. Explicit ones say the app uses authentication or authorization; the MVC ones register the same
    /// services as a side effect (AddControllers calls AddAuthenticationCore and AddAuthorization).
    /// </summary>
    public static ImmutableArray<(string Type, string Method, RegisteredServices Services, bool Explicit)> RegistrationMethods { get; } = ImmutableArray.Create(
        ("Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions", "AddAuthentication", RegisteredServices.Authentication, true),
        ("Microsoft.Extensions.DependencyInjection.AuthenticationCoreServiceCollectionExtensions", "AddAuthenticationCore", RegisteredServices.Authentication, true),
        ("Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions", "AddAuthorization", RegisteredServices.Authorization, true),
        ("Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions", "AddAuthorizationBuilder", RegisteredServices.Authorization, true),
        ("Microsoft.Extensions.DependencyInjection.AuthorizationServiceCollectionExtensions", "AddAuthorizationCore", RegisteredServices.Authorization, true),
        ("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddControllers", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        ("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddControllersWithViews", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        ("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddMvc", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        ("Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions", "AddRazorPages", RegisteredServices.Authentication | RegisteredServices.Authorization, false),
        ("Microsoft.Extensions.DependencyInjection.MvcCoreMvcCoreBuilderExtensions", "AddAuthorization", RegisteredServices.Authentication | RegisteredServices.Authorization, false));

    /// <summary>Every type name this class resolves; a meta-test checks each (and each method) against ASP.NET Core 8 and 10.</summary>
    public static ImmutableArray<string> MetadataNames { get; } = CollectMetadataNames();

    private readonly Dictionary<IMethodSymbol, MiddlewareKind> _middleware = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, (RegisteredServices Services, bool Explicit)> _registrations = new(SymbolEqualityComparer.Default);

    private PipelineSymbols(Compilation compilation, INamedTypeSymbol applicationBuilder, CorsSymbols cors)
    {
        ApplicationBuilder = applicationBuilder;
        WebApplication = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore", WebApplicationName);
        CorsMetadata = WellKnownTypes.Get(compilation, WellKnownTypes.CorsAssembly, CorsMetadataName);
        CorsEndpointConventionBuilderExtensions = cors.CorsEndpointConventionBuilderExtensions;
        foreach (var (type, name, kind) in MiddlewareMethods)
        {
            foreach (var method in Methods(compilation, type, name))
            {
                _middleware[method] = kind;
            }
        }

        foreach (var (type, name, services, isExplicit) in RegistrationMethods)
        {
            foreach (var method in Methods(compilation, type, name))
            {
                _registrations[method] = (services, isExplicit);
            }
        }
    }

    public INamedTypeSymbol ApplicationBuilder { get; }

    public INamedTypeSymbol? WebApplication { get; }

    public INamedTypeSymbol? CorsMetadata { get; }

    public INamedTypeSymbol? CorsEndpointConventionBuilderExtensions { get; }

    /// <summary>Resolves the pipeline symbols; false when the compilation has no <c>IApplicationBuilder</c>.</summary>
    public static bool TryCreate(Compilation compilation, CorsSymbols cors, out PipelineSymbols symbols)
    {
        var applicationBuilder = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", ApplicationBuilderName);
        symbols = applicationBuilder is null ? null! : new PipelineSymbols(compilation, applicationBuilder, cors);
        return applicationBuilder is not null;
    }

    public MiddlewareKind GetMiddleware(IMethodSymbol method)
        => _middleware.TryGetValue(Unreduced(method), out var kind) ? kind : MiddlewareKind.None;

    public bool TryGetRegistration(IMethodSymbol method, out RegisteredServices services, out bool isExplicit)
    {
        var found = _registrations.TryGetValue(Unreduced(method), out var registration);
        (services, isExplicit) = registration;
        return found;
    }

    public bool IsRequireCors(IMethodSymbol method)
        => SymbolEqualityComparer.Default.Equals(Unreduced(method).ContainingType, CorsEndpointConventionBuilderExtensions);

    /// <summary>True for <c>IApplicationBuilder</c> and every type that implements it (<c>WebApplication</c>).</summary>
    public bool IsApplicationBuilder(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, ApplicationBuilder))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, ApplicationBuilder))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsWebApplication(ITypeSymbol? type)
        => WebApplication is not null && SymbolEqualityComparer.Default.Equals(type, WebApplication);

    /// <summary>True for CORS endpoint metadata: <c>[EnableCors]</c>, <c>[DisableCors]</c> and anything else implementing <c>ICorsMetadata</c>.</summary>
    public bool IsCorsMetadata(ITypeSymbol? type)
    {
        if (type is null || CorsMetadata is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, CorsMetadata))
            {
                return true;
            }
        }

        return false;
    }

    public static IMethodSymbol Unreduced(IMethodSymbol method) => (method.ReducedFrom ?? method).OriginalDefinition;

    private static IEnumerable<IMethodSymbol> Methods(Compilation compilation, string typeName, string methodName)
    {
        // The names are those of ASP.NET Core's own types: the methods are looked up on the resolved type, never
        // compared with user code by name.
        var type = WellKnownTypes.Get(compilation, DeclaringAssembly(typeName), typeName);
        if (type is null)
        {
            yield break;
        }

        foreach (var member in type.GetMembers(methodName))
        {
            if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public } method)
            {
                yield return method;
            }
        }
    }

    /// <summary>The assembly that declares each type in ASP.NET Core 8 to 10 (a moved type is still found, more slowly).</summary>
    private static string DeclaringAssembly(string typeName) => typeName switch
    {
        CorsSymbols.CorsMiddlewareExtensionsName => WellKnownTypes.CorsAssembly,
        "Microsoft.AspNetCore.Builder.EndpointRoutingApplicationBuilderExtensions" => "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Builder.AuthAppBuilderExtensions" => "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Builder.AuthorizationAppBuilderExtensions" => "Microsoft.AspNetCore.Authorization.Policy",
        "Microsoft.AspNetCore.Builder.ResponseCachingExtensions" => "Microsoft.AspNetCore.ResponseCaching",
        "Microsoft.AspNetCore.Builder.OutputCacheApplicationBuilderExtensions" => "Microsoft.AspNetCore.OutputCaching",
        "Microsoft.AspNetCore.Builder.RunExtensions" => "Microsoft.AspNetCore.Http.Abstractions",
        "Microsoft.Extensions.DependencyInjection.AuthenticationServiceCollectionExtensions" => "Microsoft.AspNetCore.Authentication",
        "Microsoft.Extensions.DependencyInjection.AuthenticationCoreServiceCollectionExtensions" => "Microsoft.AspNetCore.Authentication.Core",
        "Microsoft.Extensions.DependencyInjection.PolicyServiceCollectionExtensions" => "Microsoft.AspNetCore.Authorization.Policy",
        "Microsoft.Extensions.DependencyInjection.AuthorizationServiceCollectionExtensions" => "Microsoft.AspNetCore.Authorization",
        "Microsoft.Extensions.DependencyInjection.MvcServiceCollectionExtensions" => "Microsoft.AspNetCore.Mvc",
        "Microsoft.Extensions.DependencyInjection.MvcCoreMvcCoreBuilderExtensions" => "Microsoft.AspNetCore.Mvc.Core",
        _ => string.Empty,
    };

    private static ImmutableArray<string> CollectMetadataNames()
    {
        var names = new List<string> { ApplicationBuilderName, WebApplicationName, CorsMetadataName };
        foreach (var (type, _, _) in MiddlewareMethods)
        {
            names.Add(type);
        }

        foreach (var (type, _, _, _) in RegistrationMethods)
        {
            names.Add(type);
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
}
