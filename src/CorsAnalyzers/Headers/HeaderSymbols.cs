using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Headers;

/// <summary>
/// The symbols the hand-written-headers model needs: ASP.NET Core's request, response and header dictionary, the ways to
/// write into it (<c>IDictionary&lt;,&gt;</c>, <c>HeaderDictionaryExtensions</c>, <c>CollectionExtensions.TryAdd</c>),
/// <c>StringValues</c> and <c>HeaderNames</c>. Resolved once per compilation, each from the assembly that declares it.
/// </summary>
internal sealed class HeaderSymbols
{
    public const string HttpResponseName = "Microsoft.AspNetCore.Http.HttpResponse";
    public const string HttpRequestName = "Microsoft.AspNetCore.Http.HttpRequest";
    public const string HttpContextName = "Microsoft.AspNetCore.Http.HttpContext";
    public const string HeaderDictionaryName = "Microsoft.AspNetCore.Http.IHeaderDictionary";
    public const string HeaderDictionaryExtensionsName = "Microsoft.AspNetCore.Http.HeaderDictionaryExtensions";
    public const string StringValuesName = "Microsoft.Extensions.Primitives.StringValues";
    public const string HeaderNamesName = "Microsoft.Net.Http.Headers.HeaderNames";
    public const string DictionaryName = "System.Collections.Generic.IDictionary`2";
    public const string CollectionExtensionsName = "System.Collections.Generic.CollectionExtensions";

    /// <summary>Every metadata name this type resolves; a meta-test checks each against ASP.NET Core 8 and 10.</summary>
    public static IReadOnlyList<string> MetadataNames { get; } = new[]
    {
        HttpResponseName, HttpRequestName, HttpContextName, HeaderDictionaryName, HeaderDictionaryExtensionsName, StringValuesName, HeaderNamesName,
        DictionaryName, CollectionExtensionsName,
    };

    private readonly Compilation _compilation;
    private Policies.OriginCheckSymbols? _originChecks;

    private HeaderSymbols(Compilation compilation, INamedTypeSymbol headerDictionary)
    {
        _compilation = compilation;
        HeaderDictionary = headerDictionary;
        HttpResponse = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", HttpResponseName);
        HttpRequest = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", HttpRequestName);
        HttpContext = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", HttpContextName);
        HeaderDictionaryExtensions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Abstractions", HeaderDictionaryExtensionsName);
        StringValues = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Primitives", StringValuesName);
        HeaderNames = WellKnownTypes.Get(compilation, "Microsoft.Net.Http.Headers", HeaderNamesName);

        // IDictionary<,> lives with object (System.Runtime in reference assemblies, System.Private.CoreLib at run time).
        Dictionary = compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.GetTypeByMetadataName(DictionaryName);
        // CollectionExtensions: System.Collections in reference assemblies, with object in the runtime's own (System.Private.CoreLib).
        CollectionExtensions = WellKnownTypes.FindAssembly(compilation, "System.Collections")?.GetTypeByMetadataName(CollectionExtensionsName)
            ?? compilation.GetSpecialType(SpecialType.System_Object).ContainingAssembly.GetTypeByMetadataName(CollectionExtensionsName)
            ?? compilation.GetTypeByMetadataName(CollectionExtensionsName);
        ResponseHeadersProperty = FindProperty(HttpResponse, "Headers");
        RequestHeadersProperty = FindProperty(HttpRequest, "Headers");
    }

    public INamedTypeSymbol HeaderDictionary { get; }

    public INamedTypeSymbol? HttpResponse { get; }

    public INamedTypeSymbol? HttpRequest { get; }

    public INamedTypeSymbol? HttpContext { get; }

    public INamedTypeSymbol? HeaderDictionaryExtensions { get; }

    public INamedTypeSymbol? StringValues { get; }

    public INamedTypeSymbol? HeaderNames { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public INamedTypeSymbol? CollectionExtensions { get; }

    /// <summary><c>HttpResponse.Headers</c>: the dictionary whose entries are sent with the response.</summary>
    public IPropertySymbol? ResponseHeadersProperty { get; }

    /// <summary><c>HttpRequest.Headers</c>: the headers the client sent.</summary>
    public IPropertySymbol? RequestHeadersProperty { get; }

    /// <summary>The string, Uri and Regex symbols of origin checks, resolved on first use (only guarded reflections ask).</summary>
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

    /// <summary>Resolves the symbols; false when the compilation has no <c>IHeaderDictionary</c> (no ASP.NET Core HTTP types).</summary>
    public static bool TryCreate(Compilation compilation, out HeaderSymbols symbols)
    {
        var headerDictionary = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Http.Features", HeaderDictionaryName);
        if (headerDictionary is null)
        {
            symbols = null!;
            return false;
        }

        symbols = new HeaderSymbols(compilation, headerDictionary);
        return true;
    }

    public bool IsHeaderDictionary(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, HeaderDictionary);

    /// <summary>
    /// True for a value from which code can read the request's headers: <c>HttpContext</c>, <c>HttpRequest</c>, a header
    /// dictionary, or a context that carries the <c>HttpContext</c> (an MVC filter's context, a controller).
    /// </summary>
    public bool CarriesRequest(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, HttpContext) || SymbolEqualityComparer.Default.Equals(current, HttpRequest)
                || IsHeaderDictionary(current))
            {
                return true;
            }

            foreach (var member in current.GetMembers("HttpContext"))
            {
                if (member is IPropertySymbol { IsStatic: false } property && SymbolEqualityComparer.Default.Equals(property.Type, HttpContext))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool IsStringValues(ITypeSymbol? type) => StringValues is not null && SymbolEqualityComparer.Default.Equals(type, StringValues);

    public bool IsHeaderNames(ITypeSymbol? type) => HeaderNames is not null && SymbolEqualityComparer.Default.Equals(type, HeaderNames);

    /// <summary>True for <c>IDictionary&lt;TKey, TValue&gt;</c> of any type arguments.</summary>
    public bool IsDictionary(INamedTypeSymbol? type) => type is not null && Dictionary is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Dictionary);

    public bool IsResponseHeaders(IPropertySymbol property) => Is(property, ResponseHeadersProperty);

    public bool IsRequestHeaders(IPropertySymbol property) => Is(property, RequestHeadersProperty);

    // An override (DefaultHttpResponse.Headers, a test double) is still the response's headers.
    private static bool Is(IPropertySymbol property, IPropertySymbol? expected)
    {
        if (expected is null)
        {
            return false;
        }

        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
            {
                return true;
            }
        }

        return false;
    }

    private static IPropertySymbol? FindProperty(INamedTypeSymbol? type, string name)
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is IPropertySymbol { IsIndexer: false } property)
            {
                return property;
            }
        }

        return null;
    }
}
