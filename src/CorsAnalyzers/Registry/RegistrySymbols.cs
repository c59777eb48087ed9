using System.Collections.Concurrent;
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

    /// <summary>Every metadata name this type resolves; a meta-test checks each against ASP.NET Core 8 and 10.</summary>
    public static IReadOnlyList<string> MetadataNames { get; } = new[]
    {
        CorsServiceCollectionExtensionsName, CorsPolicyProviderName, CorsServiceName, EnableCorsAttributeName, DisableCorsAttributeName,
        ServiceCollectionName, HostApplicationBuilderName, HostBuilderName, WebHostBuilderName, WebApplicationBuilderName,
        RouteOptionsName, CorsMiddlewareName,
    };

    // Tokens of the .NET runtime's own keys (System.Private.CoreLib, System.Runtime, System.Collections, ...): code that
    // never takes an app's services, pipeline or CORS options.
    private static readonly byte[][] PlatformKeys =
    {
        new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
        new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
        new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },

        // System.Private.CoreLib, when a host compiles against the runtime's own assemblies instead of reference packs.
        new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
    };

    // Values are AssemblyKind instances: reference types only, so the JIT compiles no dictionary code for a value type of ours.
    private readonly ConcurrentDictionary<IAssemblySymbol, AssemblyKind> _kinds = new(SymbolEqualityComparer.Default);
    private readonly IAssemblySymbol _corsAssembly;
    private readonly INamedTypeSymbol?[] _servicesHolders;
    private readonly INamedTypeSymbol? _disableCors;

    public RegistrySymbols(Compilation compilation, CorsSymbols cors, PipelineSymbols pipeline)
    {
        Cors = cors;
        Pipeline = pipeline;
        _corsAssembly = cors.CorsPolicyBuilder.ContainingAssembly;
        CorsServiceCollectionExtensions = _corsAssembly.GetTypeByMetadataName(CorsServiceCollectionExtensionsName);
        CorsPolicyProvider = _corsAssembly.GetTypeByMetadataName(CorsPolicyProviderName);
        CorsService = _corsAssembly.GetTypeByMetadataName(CorsServiceName);
        EnableCorsAttribute = _corsAssembly.GetTypeByMetadataName(EnableCorsAttributeName);
        _disableCors = _corsAssembly.GetTypeByMetadataName(DisableCorsAttributeName);
        RouteOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Routing", RouteOptionsName);
        CorsMiddleware = _corsAssembly.GetTypeByMetadataName(CorsMiddlewareName);

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
    /// Who wrote <paramref name="assembly"/>, as far as CORS cares; cached per assembly, so the per-invocation question
    /// is one dictionary lookup. The compilation's own assembly is not asked here.
    /// </summary>
    public AssemblyKind Classify(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return AssemblyKind.Platform;
        }

        if (SymbolEqualityComparer.Default.Equals(assembly, _corsAssembly))
        {
            return AssemblyKind.Cors;
        }

        if (!_kinds.TryGetValue(assembly, out var kind))
        {
            kind = !assembly.Identity.IsStrongName ? AssemblyKind.Other
                : SameKey(assembly.Identity.PublicKeyToken, _corsAssembly.Identity.PublicKeyToken) ? AssemblyKind.Framework
                : IsPlatformKey(assembly.Identity.PublicKeyToken) ? AssemblyKind.Platform
                : AssemblyKind.Other;
            _kinds.TryAdd(assembly, kind);
        }

        return kind;
    }

    /// <summary>True for a type through which an app's services can be registered: <c>IServiceCollection</c>, the host builders.</summary>
    public bool HoldsServices(ITypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Interface or TypeKind.Class))
        {
            return false;
        }

        foreach (var holder in _servicesHolders)
        {
            if (holder is not null && (SymbolEqualityComparer.Default.Equals(type, holder) || Implements(type, holder)))
            {
                return true;
            }
        }

        return false;
    }

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
    public bool IsPolicyProvider(ITypeSymbol type)
        => CorsPolicyProvider is not null && (SymbolEqualityComparer.Default.Equals(type, CorsPolicyProvider) || Implements(type, CorsPolicyProvider));

    public bool IsCorsService(ITypeSymbol type)
        => CorsService is not null && (SymbolEqualityComparer.Default.Equals(type, CorsService) || Implements(type, CorsService));

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

    private static bool IsPlatformKey(ImmutableArray<byte> token)
    {
        foreach (var key in PlatformKeys)
        {
            if (SameKey(token, ImmutableArray.Create(key)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameKey(ImmutableArray<byte> a, ImmutableArray<byte> b)
    {
        if (a.Length != b.Length || a.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
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
