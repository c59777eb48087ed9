using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
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
        Assert.Equal(
            new[] { "build/r2r/linux-x64/CorsAnalyzers.dll", "build/r2r/osx-arm64/CorsAnalyzers.dll", "build/r2r/win-x64/CorsAnalyzers.dll" },
            entries.Where(entry => entry.StartsWith("build/r2r/", System.StringComparison.Ordinal)).OrderBy(entry => entry, System.StringComparer.Ordinal));
    }

    // A ReadyToRun image's COFF machine is its target architecture XORed with a constant for its OS (crossgen2:
    // Linux 0x7B79, Apple 0x4644, Windows none), so each image says which platform's runtime can use its code.
    [Theory]
    [InlineData("linux-x64", 0x8664 ^ 0x7B79)]
    [InlineData("win-x64", 0x8664)]
    [InlineData("osx-arm64", 0xAA64 ^ 0x4644)]
    public void PrecompiledAnalyzer_IsAReadyToRunImageOfTheSameAssemblyForItsPlatform(string platform, int machine)
    {
        using var package = ZipFile.OpenRead(_feed.PackagePath);
        var il = Read(package, "analyzers/dotnet/cs/CorsAnalyzers.dll");
        var image = Read(package, $"build/r2r/{platform}/CorsAnalyzers.dll");

        using var ilReader = new PEReader(new MemoryStream(il));
        using var imageReader = new PEReader(new MemoryStream(image));
        Assert.Equal(0, ilReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.NotEqual(0, imageReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        Assert.Equal(machine, (int)imageReader.PEHeaders.CoffHeader.Machine);

        // The same assembly: name, version and every type, so the compiler loads one CorsAnalyzers whichever file it gets.
        var ilMetadata = ilReader.GetMetadataReader();
        var imageMetadata = imageReader.GetMetadataReader();
        Assert.Equal(ilMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, imageMetadata.GetAssemblyDefinition().GetAssemblyName().FullName);
        Assert.Equal(TypeNames(ilMetadata), TypeNames(imageMetadata));
    }

    [Fact]
    public async Task Build_HandsTheCompilerThePrecompiledAnalyzerForItsPlatform_UnlessOptedOut()
    {
        var app = _feed.CreateApp("ReadyToRun").WithFiles(new Dictionary<string, string>
        {
            ["Program.cs"] = "var app = WebApplication.Create(args);\napp.MapGet(\"/\", () => \"hi\");\napp.Run();\n",
        });

        var precompiled = await app.BuildAsync("-v:d");
        var optedOut = await app.BuildAsync("--no-incremental", "-v:d", "-p:CorsAnalyzersReadyToRun=false");

        Assert.True(precompiled.Succeeded && optedOut.Succeeded, precompiled + "\n" + optedOut);
        // The .NET SDK's RID is the test's own: the package has images for three platforms, and elsewhere the IL assembly runs.
        var platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        var analyzer = platform is "linux-x64" or "win-x64" or "osx-arm64"
            ? $"build/r2r/{platform}/CorsAnalyzers.dll"
            : "analyzers/dotnet/cs/CorsAnalyzers.dll";
        Assert.Equal(new[] { analyzer, "analyzers/dotnet/cs/CorsAnalyzers.CodeFixes.dll" }, AnalyzerFiles(precompiled.Output));
        Assert.Equal(new[] { "analyzers/dotnet/cs/CorsAnalyzers.dll", "analyzers/dotnet/cs/CorsAnalyzers.CodeFixes.dll" }, AnalyzerFiles(optedOut.Output));
    }

    // The package's files on the compiler's command line (/analyzer:...), relative to the package folder, in order.
    private static string[] AnalyzerFiles(string output)
        => Regex.Matches(output, @"/analyzer:\S*?/corsanalyzers/[^/]+/(\S+?\.dll)")
            .Select(match => match.Groups[1].Value)
            .Distinct()
            .OrderByDescending(path => path.EndsWith("/CorsAnalyzers.dll", System.StringComparison.Ordinal))
            .ToArray();

    private static byte[] Read(ZipArchive package, string path)
    {
        using var stream = package.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string[] TypeNames(MetadataReader metadata)
        => metadata.TypeDefinitions.Select(handle => metadata.GetTypeDefinition(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToArray();

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
