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
