using System;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers;

/// <summary>What a <c>CorsPolicyBuilder</c> method does to the policy it builds.</summary>
internal enum BuilderMethod
{
    None,
    WithOrigins,
    AllowAnyOrigin,
    SetIsOriginAllowed,
    SetIsOriginAllowedToAllowWildcardSubdomains,
    AllowCredentials,
    DisallowCredentials,
    WithMethods,
    AllowAnyMethod,
    WithHeaders,
    AllowAnyHeader,
    WithExposedHeaders,
    SetPreflightMaxAge,
    Build,
}

/// <summary>A member of <c>CorsPolicy</c> that configuring code sets directly.</summary>
internal enum PolicyMember
{
    None,
    Origins,
    Methods,
    Headers,
    ExposedHeaders,
    SupportsCredentials,
    IsOriginAllowed,
    PreflightMaxAge,
}

/// <summary>What a call on one of <c>CorsPolicy</c>'s string lists does to it.</summary>
internal enum CollectionMethod
{
    None,
    Add,
    Clear,

    /// <summary><c>Remove</c>, <c>Insert</c>, <c>RemoveAt</c>: changes we do not follow.</summary>
    OtherMutation,
}

/// <summary>
/// The ASP.NET Core CORS symbols the rules need, resolved once per compilation.
/// Every rule asks this type instead of comparing names.
/// </summary>
internal sealed class CorsSymbols
{
    public const string CorsPolicyBuilderName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder";
    public const string CorsPolicyName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy";
    public const string CorsOptionsName = "Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions";
    public const string CorsMiddlewareExtensionsName = "Microsoft.AspNetCore.Builder.CorsMiddlewareExtensions";
    public const string CorsEndpointConventionBuilderExtensionsName = "Microsoft.AspNetCore.Builder.CorsEndpointConventionBuilderExtensions";

    /// <summary>Every metadata name this type resolves; a meta-test checks each against ASP.NET Core 8 and 10.</summary>
    public static ImmutableArray<string> MetadataNames { get; } = ImmutableArray.Create(
        CorsPolicyBuilderName,
        CorsPolicyName,
        CorsOptionsName,
        CorsMiddlewareExtensionsName,
        CorsEndpointConventionBuilderExtensionsName);

    private readonly INamedTypeSymbol _collection;
    private readonly INamedTypeSymbol _list;
    private Lazy<ConfigurationReads?>? _configuration;
    private readonly Compilation _compilation;
    private Policies.OriginCheckSymbols? _originChecks;
    private Policies.PolicyChanges? _policyChanges;

    private CorsSymbols(
        Compilation compilation,
        INamedTypeSymbol corsPolicyBuilder,
        INamedTypeSymbol corsPolicy,
        INamedTypeSymbol? corsOptions,
        INamedTypeSymbol? corsMiddlewareExtensions,
        INamedTypeSymbol? corsEndpointConventionBuilderExtensions)
    {
        CorsPolicyBuilder = corsPolicyBuilder;
        CorsPolicy = corsPolicy;
        CorsOptions = corsOptions;
        CorsMiddlewareExtensions = corsMiddlewareExtensions;
        CorsEndpointConventionBuilderExtensions = corsEndpointConventionBuilderExtensions;
        _collection = compilation.GetSpecialType(SpecialType.System_Collections_Generic_ICollection_T);
        _list = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IList_T);
        _compilation = compilation;
        Declarers = new Declarers(compilation, corsPolicyBuilder.ContainingAssembly);
    }

    /// <summary>Who declared the methods and types the models meet (the app, CORS, the rest of ASP.NET Core, .NET, others).</summary>
    public Declarers Declarers { get; }

    public INamedTypeSymbol CorsPolicyBuilder { get; }

    public INamedTypeSymbol CorsPolicy { get; }

    public INamedTypeSymbol? CorsOptions { get; }

    public INamedTypeSymbol? CorsMiddlewareExtensions { get; }

    public INamedTypeSymbol? CorsEndpointConventionBuilderExtensions { get; }

    /// <summary>
    /// The compilation's configuration reads and settings files (see <see cref="ConfigurationReads"/>), created the first
    /// time a policy passes a value that is not a constant; null when <see cref="UseConfiguration"/> was not called or the
    /// compilation has no <c>IConfiguration</c>.
    /// </summary>
    public ConfigurationReads? Configuration => _configuration?.Value;

    /// <summary>Reads configuration from <paramref name="options"/>' settings files, on first use.</summary>
    public void UseConfiguration(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => _configuration = new Lazy<ConfigurationReads?>(() => ConfigurationReads.Create(compilation, options, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether code may change a registered policy (<c>GetPolicy</c>, a provider of the app's own), answered on first use.</summary>
    public Policies.PolicyChanges PolicyChanges
    {
        get
        {
            if (_policyChanges is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _policyChanges, new Policies.PolicyChanges(_compilation, CorsOptions), null);
            }

            return _policyChanges!;
        }
    }

    /// <summary>The string, Uri and Regex symbols of origin checks, resolved on first use (only policies with a predicate ask).</summary>
    public Policies.OriginCheckSymbols OriginChecks
    {
        get
        {
            if (_originChecks is null)
            {
                System.Threading.Interlocked.CompareExchange(ref _originChecks, new Policies.OriginCheckSymbols(_compilation), null);
            }

            return _originChecks!;
        }
    }

    /// <summary>Resolves the CORS symbols; false when the compilation does not reference ASP.NET Core's CORS types.</summary>
    public static bool TryCreate(Compilation compilation, out CorsSymbols symbols)
    {
        // The cheap gate first: without ASP.NET Core's CORS assembly nothing is resolved and nothing is registered.
        if (!WellKnownTypes.MayReference(compilation, WellKnownTypes.CorsAssembly))
        {
            symbols = null!;
            return false;
        }

        var cors = WellKnownTypes.FindAssembly(compilation, WellKnownTypes.CorsAssembly);
        var builder = cors?.GetTypeByMetadataName(CorsPolicyBuilderName);
        var policy = cors?.GetTypeByMetadataName(CorsPolicyName);
        if (builder is null || policy is null)
        {
            symbols = null!;
            return false;
        }

        symbols = new CorsSymbols(
            compilation,
            builder,
            policy,
            cors!.GetTypeByMetadataName(CorsOptionsName),
            cors.GetTypeByMetadataName(CorsMiddlewareExtensionsName),
            cors.GetTypeByMetadataName(CorsEndpointConventionBuilderExtensionsName));
        return true;
    }

    /// <summary>What <paramref name="method"/> does when it is one of CorsPolicyBuilder's own methods; otherwise <see cref="BuilderMethod.None"/>.</summary>
    public BuilderMethod GetBuilderMethod(IMethodSymbol method)
        => method.MethodKind == MethodKind.Ordinary && IsBuilder(method.ContainingType) ? Classify(method.Name) : BuilderMethod.None;

    public bool IsBuilder(ITypeSymbol? type)
        => SymbolEqualityComparer.Default.Equals(type, CorsPolicyBuilder);

    public bool IsPolicy(ITypeSymbol? type)
        => SymbolEqualityComparer.Default.Equals(type, CorsPolicy);

    /// <summary>Which <c>CorsPolicy</c> property <paramref name="property"/> is; <see cref="PolicyMember.None"/> for any other property.</summary>
    public PolicyMember GetPolicyMember(IPropertySymbol property)
        => IsPolicy(property.ContainingType) ? ClassifyPolicyMember(property.Name) : PolicyMember.None;

    /// <summary>What <paramref name="method"/> does when it is <c>ICollection&lt;T&gt;</c>'s or <c>IList&lt;T&gt;</c>'s own mutator.</summary>
    public CollectionMethod GetCollectionMethod(IMethodSymbol method)
    {
        if (method.MethodKind != MethodKind.Ordinary || method.ContainingType is not { } type
            || (!SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _collection) && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _list)))
        {
            return CollectionMethod.None;
        }

        return method.Name switch
        {
            "Add" => CollectionMethod.Add,
            "Clear" => CollectionMethod.Clear,
            "Remove" or "Insert" or "RemoveAt" => CollectionMethod.OtherMutation,
            _ => CollectionMethod.None,
        };
    }

    public bool IsCorsOptionsMethod(IMethodSymbol method, string name)
        => method.Name == name && SymbolEqualityComparer.Default.Equals(method.ContainingType, CorsOptions);

    // Symbols first, then names: a method is classified only once its containing type is ASP.NET Core's own
    // CorsPolicyBuilder (compared as a symbol), so the names below are those of that type's members and a user's
    // method with the same name never gets here. No per-member table: building one loaded every member of the type
    // into the compiler on each compilation start, and its dictionary was compiled by the JIT in every build.
    private static BuilderMethod Classify(string name) => name switch
    {
        "WithOrigins" => BuilderMethod.WithOrigins,
        "AllowAnyOrigin" => BuilderMethod.AllowAnyOrigin,
        "SetIsOriginAllowed" => BuilderMethod.SetIsOriginAllowed,
        "SetIsOriginAllowedToAllowWildcardSubdomains" => BuilderMethod.SetIsOriginAllowedToAllowWildcardSubdomains,
        "AllowCredentials" => BuilderMethod.AllowCredentials,
        "DisallowCredentials" => BuilderMethod.DisallowCredentials,
        "WithMethods" => BuilderMethod.WithMethods,
        "AllowAnyMethod" => BuilderMethod.AllowAnyMethod,
        "WithHeaders" => BuilderMethod.WithHeaders,
        "AllowAnyHeader" => BuilderMethod.AllowAnyHeader,
        "WithExposedHeaders" => BuilderMethod.WithExposedHeaders,
        "SetPreflightMaxAge" => BuilderMethod.SetPreflightMaxAge,
        "Build" => BuilderMethod.Build,
        _ => BuilderMethod.None,
    };

    // As above: the names of CorsPolicy's own properties, once the containing type is CorsPolicy.
    private static PolicyMember ClassifyPolicyMember(string name) => name switch
    {
        "Origins" => PolicyMember.Origins,
        "Methods" => PolicyMember.Methods,
        "Headers" => PolicyMember.Headers,
        "ExposedHeaders" => PolicyMember.ExposedHeaders,
        "SupportsCredentials" => PolicyMember.SupportsCredentials,
        "IsOriginAllowed" => PolicyMember.IsOriginAllowed,
        "PreflightMaxAge" => PolicyMember.PreflightMaxAge,
        _ => PolicyMember.None,
    };
}
