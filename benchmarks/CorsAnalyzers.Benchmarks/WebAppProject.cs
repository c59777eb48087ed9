using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// Writes the generated app as a web project that uses CorsAnalyzers from this repository as an analyzer, for
/// <c>dotnet build -p:ReportAnalyzer=true</c>; optionally with SonarAnalyzer.CSharp and its CORS rule S5122. The project
/// imports the package's build files, as a package reference would, so the rich app's appsettings.json reaches the analyzer.
/// </summary>
public static class WebAppProject
{
    public const string SonarVersion = "9.32.0.97167";

    public static void Write(string folder, int fileCount, bool sonar, WebAppShape shape)
    {
        folder = Path.GetFullPath(folder);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var analyzerProject = Path.Combine(RepositoryRoot(), "src", "CorsAnalyzers", "CorsAnalyzers.csproj");
        var packageBuild = Path.Combine(RepositoryRoot(), "src", "CorsAnalyzers.Package", "build", "CorsAnalyzers");

        // The repository's build settings (warnings as errors, central versions) are not the app's.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "PerfApp.csproj"), $$"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <RootNamespace>App</RootNamespace>
              </PropertyGroup>
              <Import Project="{{packageBuild}}.props" />
              <Import Project="{{packageBuild}}.targets" />
              <ItemGroup>
                <ProjectReference Include="{{analyzerProject}}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" Condition="'$(CorsAnalyzersImage)' == ''" />
                <!-- report-analyzers.sh with the r2r image: the precompiled assembly the package hands the compiler on linux-x64. -->
                <Analyzer Include="$(CorsAnalyzersImage)" Condition="'$(CorsAnalyzersImage)' != ''" />
              </ItemGroup>
            {{(sonar ? SonarItems() : "")}}
            </Project>
            """);

        // The generated app contains a few deliberate CORS mistakes; they are reported as warnings so the build completes.
        var globalConfig = new StringBuilder("is_global = true\n");
        foreach (var id in AnalysisSetup.CorsAnalyzers().SelectMany(analyzer => analyzer.SupportedDiagnostics).Select(descriptor => descriptor.Id).Distinct().Order(StringComparer.Ordinal))
        {
            globalConfig.Append($"dotnet_diagnostic.{id}.severity = warning\n");
        }

        if (sonar)
        {
            globalConfig.Append("dotnet_diagnostic.S5122.severity = warning\n");
            File.WriteAllText(Path.Combine(folder, "SonarLint.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <AnalysisInput>
                  <Settings />
                  <Rules>
                    <Rule>
                      <Key>S5122</Key>
                    </Rule>
                  </Rules>
                  <Files />
                </AnalysisInput>
                """);
        }

        File.WriteAllText(Path.Combine(folder, ".globalconfig"), globalConfig.ToString());
        if (shape == WebAppShape.Rich)
        {
            File.WriteAllText(Path.Combine(folder, WebAppGenerator.AppSettingsPath), WebAppGenerator.AppSettings());
        }

        foreach (var (path, text) in WebAppGenerator.Generate(fileCount, aspNetCore: true, shape: shape))
        {
            if (path == "GlobalUsings.cs")
            {
                continue; // The web SDK's implicit usings.
            }

            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text);
        }

        Console.WriteLine($"Wrote the {shape.ToString().ToLowerInvariant()} app, {fileCount:N0} files, to {folder}{(sonar ? $" (with SonarAnalyzer.CSharp {SonarVersion}, S5122 on)" : "")}.");
    }

    /// <summary>
    /// Turns off every SonarAnalyzer.CSharp rule but S5122 in the app's <c>.globalconfig</c> (after a restore): the builds
    /// where S5122 is Sonar's only rule, so that no other Sonar rule does the compiler's shared work (binding the members
    /// whose calls it asks about) before it. The rule IDs are the <c>S1234</c> strings of the restored analyzer assembly.
    /// </summary>
    public static int SilenceOtherSonarRules(string folder)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var assembly = Path.Combine(packages, "sonaranalyzer.csharp", SonarVersion, "analyzers", "SonarAnalyzer.CSharp.dll");
        if (!File.Exists(assembly))
        {
            Console.Error.WriteLine($"{assembly} is not restored.");
            return 1;
        }

        using var pe = new PEReader(File.OpenRead(assembly));
        var reader = pe.GetMetadataReader();
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = reader.GetNextHandle(handle))
        {
            var text = reader.GetUserString(handle);
            if (Regex.IsMatch(text, "^S[0-9]{3,4}$") && text != "S5122")
            {
                ids.Add(text);
            }
        }

        File.AppendAllLines(Path.Combine(folder, ".globalconfig"), ids.Select(id => $"dotnet_diagnostic.{id}.severity = none"));
        Console.WriteLine($"Turned off {ids.Count} SonarAnalyzer.CSharp rules; S5122 is its only rule on.");
        return 0;
    }

    private static string SonarItems() => $$"""
          <ItemGroup>
            <PackageReference Include="SonarAnalyzer.CSharp" Version="{{SonarVersion}}" PrivateAssets="all" />
            <AdditionalFiles Include="SonarLint.xml" />
          </ItemGroup>
        """;

    private static string RepositoryRoot()
        => typeof(WebAppProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(attribute => attribute.Key == "RepositoryRoot").Value!;
}
