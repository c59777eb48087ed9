using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Pipeline;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Registry;

/// <summary>
/// The symbols the compilation-wide registry needs beyond <see cref="CorsSymbols"/> and <see cref="PipelineSymbols"/>:
/// CORS's extension points (<c>ICorsPolicyProvider</c>, <c>ICorsService</c>), endpoint metadata, and the types through
/// which an app hands its services or pipeline to code we cannot see. Resolved once per compilation.
/// </summary>
internal sealed class RegistrySymbols
{
    public const string CorsServiceCollectionExtensionsName = "Microsoft.Extensions.DependencyInjection.CorsServiceCollectionExtensions";
    public const string CorsPolicyProviderName = "Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider";
    public const string CorsServiceName = "Microsoft.AspNetCore.Cors.Infrastructure.ICorsService";
    public const string EnableCorsAttributeName = "Microsoft.AspNetCore.Cors.EnableCorsAttribute";
    public const string DisableCorsAttributeName = "Microsoft.AspNetCore.Cors.Infrastructure.IDisableCorsAttribute";
    public const string ServiceCollectionName = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string HostApplicationBuilderName = "Microsoft.Extensions.Hosting.IHostApplicationBuilder";
    public const string HostBuilderName = "Microsoft.Extensions.Hosting.IHostBuilder";
    public const string WebHostBuilderName = "Microsoft.AspNetCore.Hosting.IWebHostBuilder";
    public const string WebApplicationBuilderName = "Microsoft.AspNetCore.Builder.WebApplicationBuilder";
    public const string RouteOptionsName = "Microsoft.AspNetCore.Routing.RouteOptions";
    public const string CorsMiddlewareName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsMiddleware";
    public const string ConfigureOptionsName = "Microsoft.Extensions.Options.IConfigureOptions`1";
    public const string PostConfigureOptionsName = "Microsoft.Extensions.Options.IPostConfigureOptions`1";
    public const string StartupFilterName = "Microsoft.AspNetCore.Hosting.IStartupFilter";

    /// <summary>Every metadata name this type resolves; a meta-test checks each against ASP.NET Core 8 and 10.</summary>
    public static IReadOnlyList<string> MetadataNames { get; } = new[]
    {
        CorsServiceCollectionExtensionsName, CorsPolicyProviderName, CorsServiceName, EnableCorsAttributeName, DisableCorsAttributeName,
        ServiceCollectionName, HostApplicationBuilderName, HostBuilderName, WebHostBuilderName, WebApplicationBuilderName,
        RouteOptionsName, CorsMiddlewareName, ConfigureOptionsName, PostConfigureOptionsName, StartupFilterName,
    };

    private readonly INamedTypeSymbol?[] _servicesHolders;
    private readonly INamedTypeSymbol? _disableCors;
    private readonly INamedTypeSymbol? _configureOptions;
    private readonly INamedTypeSymbol? _postConfigureOptions;
    private readonly INamedTypeSymbol? _startupFilter;
    private readonly IdentityCache<ServiceRoles> _roles;

    public RegistrySymbols(Compilation compilation, CorsSymbols cors, PipelineSymbols pipeline)
    {
        Cors = cors;
        Pipeline = pipeline;
        var corsAssembly = cors.CorsPolicyBuilder.ContainingAssembly;
        CorsServiceCollectionExtensions = corsAssembly.GetTypeByMetadataName(CorsServiceCollectionExtensionsName);
        CorsPolicyProvider = corsAssembly.GetTypeByMetadataName(CorsPolicyProviderName);
        CorsService = corsAssembly.GetTypeByMetadataName(CorsServiceName);
        EnableCorsAttribute = corsAssembly.GetTypeByMetadataName(EnableCorsAttributeName);
        _disableCors = corsAssembly.GetTypeByMetadataName(DisableCorsAttributeName);
        RouteOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Routing", RouteOptionsName);
        CorsMiddleware = corsAssembly.GetTypeByMetadataName(CorsMiddlewareName);
        _configureOptions = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Options", ConfigureOptionsName);
        _postConfigureOptions = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Options", PostConfigureOptionsName);
        _startupFilter = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Hosting.Abstractions", StartupFilterName);

        // System.Type lives with object (System.Runtime in reference assemblies, System.Private.CoreLib at run time).
        SystemType = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.GetTypeByMetadataName("System.Type");
        _servicesHolders = new[]
        {
            WellKnownTypes.Get(compilation, "Microsoft.Extensions.DependencyInjection.Abstractions", ServiceCollectionName),
            WellKnownTypes.Get(compilation, "Microsoft.Extensions.Hosting.Abstractions", HostApplicationBuilderName),
            WellKnownTypes.Get(compilation, "Microsoft.Extensions.Hosting.Abstractions", HostBuilderName),
            WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Hosting.Abstractions", WebHostBuilderName),
            WellKnownTypes.Get(compilation, "Microsoft.AspNetCore", WebApplicationBuilderName),
        };
        _roles = new IdentityCache<ServiceRoles>(type => ComputeRoles((ITypeSymbol)type));
    }

    [Flags]
    private enum ServiceRoles
    {
        None = 0,
        HoldsServices = 1,
        PolicyProvider = 2,
        CorsService = 4,
        ConfiguresCorsOptions = 8,
        StartupFilter = 16,
    }

    public CorsSymbols Cors { get; }

    public PipelineSymbols Pipeline { get; }

    public INamedTypeSymbol? CorsServiceCollectionExtensions { get; }

    public INamedTypeSymbol? CorsPolicyProvider { get; }

    public INamedTypeSymbol? CorsService { get; }

    public INamedTypeSymbol? EnableCorsAttribute { get; }

    public INamedTypeSymbol? RouteOptions { get; }

    /// <summary>The CORS middleware itself, which <c>UseMiddleware&lt;CorsMiddleware&gt;()</c> adds as <c>UseCors</c> does.</summary>
    public INamedTypeSymbol? CorsMiddleware { get; }

    public INamedTypeSymbol? SystemType { get; }

    /// <summary>
    /// Who wrote <paramref name="assembly"/>, as far as CORS cares (the app's own code counts as <see cref="AssemblyKind.Other"/>:
    /// its calls are observed where they are written); cached per assembly by <see cref="Declarers"/>.
    /// </summary>
    public AssemblyKind Classify(IAssemblySymbol? assembly)
        => Cors.Declarers.Of(assembly) switch
        {
            Declarer.Cors => AssemblyKind.Cors,
            Declarer.Framework => AssemblyKind.Framework,
            Declarer.Platform => AssemblyKind.Platform,
            _ => AssemblyKind.Other,
        };

    public bool HoldsServices(ITypeSymbol type)
        => type.SpecialType == SpecialType.None && type.TypeKind is TypeKind.Interface or TypeKind.Class
            && (_roles.Get(type) & ServiceRoles.HoldsServices) != 0;

    /// <summary>
    /// True for an attribute of the app's or a library's own that gives endpoints their CORS policy: a subclass of
    /// <c>EnableCorsAttribute</c>, or any <c>ICorsMetadata</c> but <c>[DisableCors]</c>. <c>CorsMiddleware</c> applies
    /// the policy such metadata names, and <c>EndpointMiddleware</c> requires the middleware for it, as for
    /// <c>[EnableCors]</c> itself (which the registry reads exactly and is not asked here).
    /// </summary>
    public bool IsOtherCorsMetadata(INamedTypeSymbol type)
        => type.TypeKind == TypeKind.Class
            && !type.IsAnonymousType

            // Asked of every object creation, so only the types that can be: the app's own and other libraries'. The .NET
            // runtime's (List<T>) cannot implement an ASP.NET Core interface, and ASP.NET Core's own CORS metadata are
            // [EnableCors] (read exactly), [DisableCors] and types users cannot create; MVC's attributes ([HttpGet],
            // [FromQuery]) are most of the creations an app's controllers make.
            && Classify(type.ContainingAssembly) == AssemblyKind.Other
            && Pipeline.IsCorsMetadata(type)
            && (_disableCors is null || !Implements(type, _disableCors));

    /// <summary>True for <c>ICorsPolicyProvider</c> and the types that implement it.</summary>
    public bool IsPolicyProvider(ITypeSymbol type) => MayImplementCors(type) && (_roles.Get(type) & ServiceRoles.PolicyProvider) != 0;

    public bool IsCorsService(ITypeSymbol type) => MayImplementCors(type) && (_roles.Get(type) & ServiceRoles.CorsService) != 0;

    /// <summary>
    /// True for <c>IConfigureOptions&lt;CorsOptions&gt;</c> and <c>IPostConfigureOptions&lt;CorsOptions&gt;</c> and the types
    /// that implement them: registered as a service, the options system runs them on the app's <c>CorsOptions</c>, where
    /// they may add policies.
    /// </summary>
    public bool ConfiguresCorsOptions(ITypeSymbol type) => MayImplementCors(type) && (_roles.Get(type) & ServiceRoles.ConfiguresCorsOptions) != 0;

    /// <summary>
    /// True for <c>IStartupFilter</c> and the types that implement it: registered as a service, hosting runs it on the app's
    /// builder before the app's own pipeline, where it may add middleware (<c>UseCors</c>).
    /// </summary>
    public bool IsStartupFilter(ITypeSymbol type) => MayImplementCors(type) && (_roles.Get(type) & ServiceRoles.StartupFilter) != 0;

    // Asked of the type arguments of generic calls (`Results.Ok(new { ... })`: a new anonymous type at each call) and
    // of typeof operands: string, int, ... and anonymous types implement no ASP.NET Core interface, so they are not
    // cached one by one.
    private static bool MayImplementCors(ITypeSymbol type) => type.SpecialType == SpecialType.None && !type.IsAnonymousType;

    // The three questions from one walk of the type's interfaces, once per type: the public AllInterfaces builds a new
    // array on every call, and the same type arguments and parameter types are asked about across the compilation.
    private ServiceRoles ComputeRoles(ITypeSymbol type)
    {
        var roles = RoleOf(type);
        foreach (var implemented in type.AllInterfaces)
        {
            roles |= RoleOf(implemented);
        }

        return roles;
    }

    private ServiceRoles RoleOf(ITypeSymbol type)
    {
        foreach (var holder in _servicesHolders)
        {
            if (holder is not null && SymbolEqualityComparer.Default.Equals(type, holder))
            {
                return ServiceRoles.HoldsServices;
            }
        }

        return SymbolEqualityComparer.Default.Equals(type, CorsPolicyProvider) ? ServiceRoles.PolicyProvider
            : SymbolEqualityComparer.Default.Equals(type, CorsService) ? ServiceRoles.CorsService
            : IsOptionsSetupOfCors(type) ? ServiceRoles.ConfiguresCorsOptions
            : _startupFilter is not null && SymbolEqualityComparer.Default.Equals(type, _startupFilter) ? ServiceRoles.StartupFilter
            : ServiceRoles.None;
    }

    // IConfigureOptions<CorsOptions> or IPostConfigureOptions<CorsOptions> (IConfigureNamedOptions<CorsOptions> implements the first).
    private bool IsOptionsSetupOfCors(ITypeSymbol type)
        => type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && SymbolEqualityComparer.Default.Equals(named.TypeArguments[0], Cors.CorsOptions)
            && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _configureOptions)
                || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _postConfigureOptions));

    private static bool Implements(ITypeSymbol type, INamedTypeSymbol @interface)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Who wrote an assembly the app calls into, as far as CORS cares. A class with fixed instances, not an enum (see above).</summary>
internal sealed class AssemblyKind
{
    /// <summary>Microsoft.AspNetCore.Cors itself: CorsOptions, UseCors, RequireCors, AddCors.</summary>
    public static readonly AssemblyKind Cors = new(nameof(Cors));

    /// <summary>ASP.NET Core's other assemblies (signed with its key): known not to define policies or add middleware behind the app's back.</summary>
    public static readonly AssemblyKind Framework = new(nameof(Framework));

    /// <summary>The .NET runtime's libraries: they never receive the app's services, pipeline or CORS options.</summary>
    public static readonly AssemblyKind Platform = new(nameof(Platform));

    /// <summary>Anything else: code we cannot see, which may register services, add middleware or define policies.</summary>
    public static readonly AssemblyKind Other = new(nameof(Other));

    private readonly string _name;

    private AssemblyKind(string name) => _name = name;

    public override string ToString() => _name;
}
