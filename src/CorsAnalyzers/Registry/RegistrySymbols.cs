using System.Collections.Concurrent;
using System.Collections.Generic;
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
    public const string ServiceCollectionName = "Microsoft.Extensions.DependencyInjection.IServiceCollection";
    public const string HostApplicationBuilderName = "Microsoft.Extensions.Hosting.IHostApplicationBuilder";
    public const string HostBuilderName = "Microsoft.Extensions.Hosting.IHostBuilder";
    public const string WebHostBuilderName = "Microsoft.AspNetCore.Hosting.IWebHostBuilder";
    public const string WebApplicationBuilderName = "Microsoft.AspNetCore.Builder.WebApplicationBuilder";
    public const string RouteOptionsName = "Microsoft.AspNetCore.Routing.RouteOptions";

    /// <summary>Every metadata name this type resolves; a meta-test checks each against ASP.NET Core 8 and 10.</summary>
    public static IReadOnlyList<string> MetadataNames { get; } = new[]
    {
        CorsServiceCollectionExtensionsName, CorsPolicyProviderName, CorsServiceName, EnableCorsAttributeName, ServiceCollectionName,
        HostApplicationBuilderName, HostBuilderName, WebHostBuilderName, WebApplicationBuilderName, RouteOptionsName,
    };

    // Whether an assembly is ASP.NET Core's own (signed with the key of Microsoft.AspNetCore.Cors): its methods are known
    // not to define CORS policies or add the CORS middleware behind the app's back. Values are strings, not bools:
    // reference types only, so the JIT compiles no dictionary code for a value type of ours.
    private readonly ConcurrentDictionary<IAssemblySymbol, string> _framework = new(SymbolEqualityComparer.Default);
    private readonly IAssemblySymbol _corsAssembly;
    private readonly INamedTypeSymbol?[] _servicesHolders;

    public RegistrySymbols(Compilation compilation, CorsSymbols cors, PipelineSymbols pipeline)
    {
        Cors = cors;
        Pipeline = pipeline;
        _corsAssembly = cors.CorsPolicyBuilder.ContainingAssembly;
        CorsServiceCollectionExtensions = _corsAssembly.GetTypeByMetadataName(CorsServiceCollectionExtensionsName);
        CorsPolicyProvider = _corsAssembly.GetTypeByMetadataName(CorsPolicyProviderName);
        CorsService = _corsAssembly.GetTypeByMetadataName(CorsServiceName);
        EnableCorsAttribute = _corsAssembly.GetTypeByMetadataName(EnableCorsAttributeName);
        RouteOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Routing", RouteOptionsName);
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

    /// <summary>True for the assemblies of ASP.NET Core itself (the shared framework and its packages).</summary>
    public bool IsFramework(IAssemblySymbol? assembly)
    {
        if (assembly is null)
        {
            return false;
        }

        if (!_framework.TryGetValue(assembly, out var answer))
        {
            answer = assembly.Identity.IsStrongName && SameKey(assembly.Identity, _corsAssembly.Identity) ? bool.TrueString : bool.FalseString;
            _framework.TryAdd(assembly, answer);
        }

        return ReferenceEquals(answer, bool.TrueString);
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

    private static bool SameKey(AssemblyIdentity left, AssemblyIdentity right)
    {
        var a = left.PublicKeyToken;
        var b = right.PublicKeyToken;
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
