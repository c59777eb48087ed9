using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary>The package itself: an analyzer-only development dependency with the metadata NuGet shows.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageTests
{
    private readonly PackageFeed _feed;

    public PackageTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public void Package_HoldsTheAnalyzersOnly()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var entries = package.Entries.Select(entry => entry.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/CorsAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/CorsAnalyzers.CodeFixes.dll", entries);
        Assert.Equal(2, entries.Count(entry => entry.StartsWith("analyzers/", System.StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, entry => entry.StartsWith("lib/", System.StringComparison.Ordinal) || entry.StartsWith("ref/", System.StringComparison.Ordinal));
        Assert.Contains("README.md", entries);
        Assert.Contains("build/CorsAnalyzers.props", entries);
        Assert.Contains("build/CorsAnalyzers.targets", entries);
    }

    [Fact]
    public void Nuspec_DescribesADevelopmentDependencyWithoutDependencies()
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        using var stream = package.GetEntry("CorsAnalyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(element => element.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFeed.PackageId, Value("id"));
        Assert.Equal(PackageFeed.Version, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("roslyn analyzer aspnetcore cors security", Value("tags"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Null(Value("dependencies"));
        var repository = metadata.Elements().Single(element => element.Name.LocalName == "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value);
    }

    [Fact]
    public async Task AddPackage_InstallsItAsAPrivateDevelopmentDependency()
    {
        var app = _feed.CreateApp("AddPackage");
        File.WriteAllText(app.ProjectFile, File.ReadAllText(app.ProjectFile).Replace(
            $"<PackageReference Include=\"{PackageFeed.PackageId}\" Version=\"{PackageFeed.Version}\" PrivateAssets=\"all\" />", ""));

        var add = await app.RunAsync("add", app.ProjectFile, "package", PackageFeed.PackageId, "--version", PackageFeed.Version);

        Assert.True(add.Succeeded, add.ToString());
        var reference = XDocument.Load(app.ProjectFile).Descendants("PackageReference").Single();
        Assert.Equal(PackageFeed.PackageId, reference.Attribute("Include")?.Value);
        Assert.Equal("all", reference.Element("PrivateAssets")?.Value);
        Assert.DoesNotContain("compile", reference.Element("IncludeAssets")?.Value ?? "compile");
    }
}
