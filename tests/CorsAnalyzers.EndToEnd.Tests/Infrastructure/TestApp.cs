using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>A throwaway ASP.NET Core app that installs the package from the run's local feed.</summary>
public sealed class TestApp
{
    private const string ProjectGuid = "{6F1C2A4E-3B8D-4C5E-9F7A-1D2E3F405162}";

    private readonly PackageFeed _feed;

    private TestApp(PackageFeed feed, string directory, string projectFile)
    {
        _feed = feed;
        Directory = directory;
        ProjectFile = projectFile;
    }

    public string Directory { get; }

    public string ProjectFile { get; }

    /// <summary>The solution file <see cref="WithSolution"/> writes next to the project.</summary>
    public string SolutionFile => Path.ChangeExtension(ProjectFile, ".sln");

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

    /// <summary>A solution that holds the project, as editors open it (the classic .sln format every tool reads).</summary>
    public TestApp WithSolution()
    {
        var name = Path.GetFileNameWithoutExtension(ProjectFile);
        File.WriteAllText(SolutionFile, $$"""
            Microsoft Visual Studio Solution File, Format Version 12.00
            # Visual Studio Version 17
            VisualStudioVersion = 17.0.31903.59
            MinimumVisualStudioVersion = 10.0.40219.1
            Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "{{name}}", "{{name}}.csproj", "{{ProjectGuid}}"
            EndProject
            Global
            	GlobalSection(SolutionConfigurationPlatforms) = preSolution
            		Debug|Any CPU = Debug|Any CPU
            	EndGlobalSection
            	GlobalSection(ProjectConfigurationPlatforms) = postSolution
            		{{ProjectGuid}}.Debug|Any CPU.ActiveCfg = Debug|Any CPU
            		{{ProjectGuid}}.Debug|Any CPU.Build.0 = Debug|Any CPU
            	EndGlobalSection
            EndGlobal

            """);
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
