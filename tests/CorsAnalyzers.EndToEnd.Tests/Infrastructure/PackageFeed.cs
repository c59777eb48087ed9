using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One temporary workspace per test run: the package packed once into a local feed, a <c>nuget.config</c> that adds
/// that folder to the machine's own sources, one package cache every app restores into, and the apps themselves.
/// Everything is deleted at the end of the run (set CORSANALYZERS_E2E_KEEP=1 to keep it for a look).
/// </summary>
public sealed class PackageFeed : IAsyncLifetime
{
    public const string PackageId = "CorsAnalyzers";

    private int _appCount;

    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "CorsAnalyzers.E2E." + Guid.NewGuid().ToString("N")[..8]);
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Packages };
    }

    public static string RepositoryRoot => Metadata("RepositoryRoot");

    public static string Configuration => Metadata("Configuration");

    public static string Version => Metadata("CorsAnalyzersVersion");

    /// <summary>The workspace; it is outside the repository, so none of the repository's build settings reach the apps.</summary>
    public string Root { get; }

    public string Feed { get; }

    /// <summary>The package cache of this run (NUGET_PACKAGES): a fresh one, so no stale copy of the same version is used.</summary>
    public string Packages { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public string PackagePath => Path.Combine(Feed, $"{PackageId}.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(Packages);

        // Only the local folder is added; the machine's configured sources stay (nothing is cleared).
        await File.WriteAllTextAsync(Path.Combine(Root, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="corsanalyzers-e2e" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        // The solution's build already built the package project (the test project references it); pack only.
        var project = Path.Combine(RepositoryRoot, "src", "CorsAnalyzers.Package", "CorsAnalyzers.Package.csproj");
        var pack = await DotNet.RunAsync(
            RepositoryRoot,
            new Dictionary<string, string>(),
            "pack", project, "--no-build", "-c", Configuration, "-o", Feed, "-tl:off", "-nodeReuse:false");
        if (!pack.Succeeded || !File.Exists(PackagePath))
        {
            throw new InvalidOperationException($"Packing {PackageId} failed:{System.Environment.NewLine}{pack}");
        }
    }

    public Task DisposeAsync()
    {
        if (System.Environment.GetEnvironmentVariable("CORSANALYZERS_E2E_KEEP") != "1" && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>A new, empty web app folder in the workspace that references the package.</summary>
    public TestApp CreateApp(string name, string targetFramework = "net10.0", string extraProperties = "")
    {
        var directory = Path.Combine(Root, $"{++_appCount:00}-{name}");
        return TestApp.Create(this, directory, name, targetFramework, extraProperties);
    }

    private static string Metadata(string key)
        => typeof(PackageFeed).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFeed>
{
    /// <summary>Every end-to-end test shares the one feed; the tests run one at a time (they are builds on a 2-core machine).</summary>
    public const string Name = "End to end";
}
