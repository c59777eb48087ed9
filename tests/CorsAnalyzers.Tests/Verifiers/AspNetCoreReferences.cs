using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>
/// The ASP.NET Core API surfaces test compilations are built against. Nothing here downloads: the current surface is
/// this test process's own framework, and the .NET 8 surface comes from the reference packs that <c>dotnet restore</c>
/// put under the NuGet packages root (the test project's <c>PackageDownload</c> items).
/// </summary>
public static class AspNetCoreReferences
{
    private const string Net80PackVersion = "8.0.0";

    private static readonly Lazy<ImmutableArray<MetadataReference>> NetCore80 = new(() => LoadPack("Microsoft.NETCore.App.Ref"));
    private static readonly Lazy<ImmutableArray<MetadataReference>> AspNetCore80 = new(() => NetCore80.Value.AddRange(LoadPack("Microsoft.AspNetCore.App.Ref")));

    /// <summary>
    /// The frame the testing library is given: a target framework with no package to resolve, so it never goes to a
    /// feed. The references themselves are added to each test's state.
    /// </summary>
    public static ReferenceAssemblies NoPackages { get; } = new ReferenceAssemblies("net8.0");

    /// <summary>The current surface (.NET 10): this test process's own framework assemblies.</summary>
    public static ImmutableArray<MetadataReference> CurrentAssemblies { get; } = LoadCurrentAssemblies();

    /// <summary>The oldest supported surface: .NET 8 and ASP.NET Core 8 reference assemblies.</summary>
    public static ImmutableArray<MetadataReference> Net80Assemblies => AspNetCore80.Value;

    /// <summary>.NET 8 without ASP.NET Core (a compilation in which the package must register nothing).</summary>
    public static ImmutableArray<MetadataReference> NetCore80Assemblies => NetCore80.Value;

    public static ImmutableArray<MetadataReference> For(AspNetCoreVersion version) => version switch
    {
        AspNetCoreVersion.Current => CurrentAssemblies,
        AspNetCoreVersion.Net80 => Net80Assemblies,
        _ => NetCore80Assemblies,
    };

    private static ImmutableArray<MetadataReference> LoadPack(string packageId)
    {
        var root = typeof(AspNetCoreReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "NuGetPackageRoot")?.Value;
        var folder = string.IsNullOrEmpty(root)
            ? null
            : Path.Combine(root, packageId.ToLowerInvariant(), Net80PackVersion, "ref", "net8.0");
        if (folder is null || !Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The reference pack {packageId} {Net80PackVersion} is not in the NuGet packages folder ('{folder ?? "NuGetPackageRoot is not set"}'). " +
                "Run `dotnet restore Analyzers.sln` (the test project downloads it with a PackageDownload item).");
        }

        return Directory.GetFiles(folder, "*.dll")
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

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
