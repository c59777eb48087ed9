using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers;

/// <summary>The <c>.editorconfig</c> keys CorsAnalyzers reads. Every key is documented in docs/configuration.md.</summary>
public static class CorsAnalyzerOptions
{
    /// <summary>Comma-separated origins the fixes write instead of a wildcard.</summary>
    public const string AllowedOriginsKey = "cors_analyzers.allowed_origins";

    /// <summary>The origin the fixes write when <see cref="AllowedOriginsKey"/> is not set; it compiles and is obviously a placeholder.</summary>
    public const string PlaceholderOrigin = "https://trusted.example.com";

    /// <summary>Comma-separated methods the CORS004 fix writes in <c>WithMethods(...)</c>.</summary>
    public const string AllowedMethodsKey = "cors_analyzers.allowed_methods";

    /// <summary>Comma-separated headers the CORS004 fix writes in <c>WithHeaders(...)</c>.</summary>
    public const string AllowedHeadersKey = "cors_analyzers.allowed_headers";

    /// <summary>Comma-separated response headers the CORS014 fix writes instead of an exposed <c>"*"</c> in a policy with credentials.</summary>
    public const string ExposedHeadersKey = "cors_analyzers.exposed_headers";

    /// <summary>The header the CORS014 fix writes when <see cref="ExposedHeadersKey"/> is not set; it compiles and is obviously a placeholder.</summary>
    public const string PlaceholderExposedHeader = "X-Example-Header";

    /// <summary>The methods the CORS004 fix writes when <see cref="AllowedMethodsKey"/> is not set.</summary>
    public static ImmutableArray<string> DefaultAllowedMethods { get; } = ImmutableArray.Create("GET", "POST", "PUT", "DELETE");

    /// <summary>The headers the CORS004 fix writes when <see cref="AllowedHeadersKey"/> is not set.</summary>
    public static ImmutableArray<string> DefaultAllowedHeaders { get; } = ImmutableArray.Create("Content-Type", "Authorization");

    /// <summary>The list under <paramref name="key"/>, or <paramref name="defaults"/> when the key is missing or empty.</summary>
    public static ImmutableArray<string> GetList(AnalyzerConfigOptions options, string key, ImmutableArray<string> defaults)
    {
        var list = GetList(options, key);
        return list.IsEmpty ? defaults : list;
    }

    public static ImmutableArray<string> GetList(AnalyzerConfigOptions options, string key)
    {
        if (!options.TryGetValue(key, out var value) || string.IsNullOrWhiteSpace(value))
        {
            return ImmutableArray<string>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var item in value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var trimmed = item.Trim();
            if (trimmed.Length > 0)
            {
                builder.Add(trimmed);
            }
        }

        return builder.ToImmutable();
    }
}
