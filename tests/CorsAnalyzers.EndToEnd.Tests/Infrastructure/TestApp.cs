using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>A throwaway ASP.NET Core app that installs the package from the run's local feed.</summary>
public sealed class TestApp
{
    private readonly PackageFeed _feed;

    private TestApp(PackageFeed feed, string directory, string projectFile)
    {
        _feed = feed;
        Directory = directory;
        ProjectFile = projectFile;
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    public static TestApp Create(PackageFeed feed, string directory, string name, string targetFramework, string extraProperties)
    {
        System.IO.Directory.CreateDirectory(directory);
        var projectFile = Path.Combine(directory, name + ".csproj");
        File.WriteAllText(projectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <!-- Nothing here runs the app: no app host, so no app-host pack to restore for older frameworks. -->
                <UseAppHost>false</UseAppHost>{extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackageFeed.PackageId}" Version="{PackageFeed.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        return new TestApp(feed, directory, projectFile);
    }

    public TestApp WithFiles(IEnumerable<KeyValuePair<string, string>> files)
    {
        foreach (var (path, content) in files)
        {
            WithFile(path, content);
        }

        return this;
    }

    public TestApp WithFile(string relativePath, string content)
    {
        var path = Path.Combine(Directory, relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>An <c>.editorconfig</c> for the C# files of the app (or of one of its folders).</summary>
    public TestApp WithEditorConfig(string settings, string folder = "")
        => WithFile(Path.Combine(folder, ".editorconfig"), $"root = true\n\n[*.cs]\n{settings}\n");

    public string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(Directory, relativePath));

    /// <summary><c>dotnet build --no-incremental</c>, with the plain console logger so every diagnostic is one line.</summary>
    public Task<CommandResult> BuildAsync(params string[] arguments)
        => RunAsync(new[] { "build", ProjectFile, "--no-incremental", "-tl:off", "-nodeReuse:false", "-clp:NoSummary" }.Concat(arguments).ToArray());

    public Task<CommandResult> RunAsync(params string[] arguments)
        => DotNet.RunAsync(Directory, _feed.Environment, arguments);

    /// <summary>The CORS diagnostics of a run, with paths relative to the app (forward slashes).</summary>
    public IReadOnlyList<string> CorsDiagnosticsOf(CommandResult result)
        => result.CorsDiagnostics
            .Select(diagnostic => diagnostic with { File = Path.GetRelativePath(Directory, diagnostic.File).Replace('\\', '/') })
            .Select(diagnostic => diagnostic.Key)
            .OrderBy(key => key, System.StringComparer.Ordinal)
            .ToList();
}
