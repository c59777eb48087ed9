using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>The ASP.NET Core API surfaces test compilations are built against.</summary>
public static class AspNetCoreReferences
{
    /// <summary>
    /// The current surface (.NET 10): this test process's own framework assemblies, so no download is needed.
    /// </summary>
    public static ReferenceAssemblies Current { get; } = new ReferenceAssemblies("net10.0");

    public static ImmutableArray<MetadataReference> CurrentAssemblies { get; } = LoadCurrentAssemblies();

    /// <summary>The oldest supported surface (.NET 8), from the reference packs (downloaded once into the test package cache).</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80.AddPackages(
        ImmutableArray.Create(new PackageIdentity("Microsoft.AspNetCore.App.Ref", "8.0.0")));

    private static ImmutableArray<MetadataReference> LoadCurrentAssemblies()
    {
        var folders = new[] { typeof(object), typeof(CorsPolicyBuilder) }
            .Select(type => Path.GetDirectoryName(type.Assembly.Location)!)
            .ToArray();
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => folders.Contains(Path.GetDirectoryName(path), StringComparer.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
