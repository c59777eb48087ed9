using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary>
/// Origins read from appsettings.json: the package passes the settings files to the analyzer, the build reports a value at
/// its line and column in the JSON file, SARIF carries that file, and <c>dotnet format</c> splits a comma-joined string.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConfigurationTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Api", policy => policy
                .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>())
                .AllowAnyMethod()
                .AllowAnyHeader());
            options.AddPolicy("Partners", policy => policy
                .WithOrigins(builder.Configuration["Cors:Partners"]!)
                .AllowAnyMethod()
                .AllowAnyHeader());
        });

        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "Hello CORS");
        app.Run();

        """;

    private const string AppSettings = """
        {
          // Front ends allowed to call the API.
          "Cors": {
            "Origins": [
              "https://app.contoso.com",
              "https://admin.contoso.com/",
            ],
            "Partners": "https://partner-a.example.com,https://partner-b.example.com"
          }
        }

        """;

    private const string DevelopmentSettings = """
        {
          "Cors": {
            "Origins": [ "http://localhost:4200", "null" ]
          }
        }

        """;

    private readonly PackageFeed _feed;

    public ConfigurationTests(PackageFeed feed) => _feed = feed;

    private TestApp CreateApp(string name)
        => _feed.CreateApp(name)
            .WithFile("Program.cs", Program)
            .WithFile("appsettings.json", AppSettings)
            .WithFile("appsettings.Development.json", DevelopmentSettings);

    [Fact]
    public async Task Build_ReportsValuesAtTheirLinesInTheSettingsFiles()
    {
        var app = CreateApp("Settings");

        var build = await app.BuildAsync();

        Assert.Equal(
            new[]
            {
                "Program.cs(10,22): warning CORS005",
                "appsettings.Development.json(3,43): warning CORS006",
                "appsettings.json(6,7): warning CORS005",
            },
            app.CorsDiagnosticsOf(build));
        var messages = build.CorsDiagnostics.Select(diagnostic => diagnostic.Message).ToList();
        Assert.Contains(messages, message => message.StartsWith("Policy 'Api' lists origin 'https://admin.contoso.com/', which never matches in appsettings.json:", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("Policy 'Api' allows the 'null' origin in appsettings.Development.json (the Development environment);", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.StartsWith("Policy 'Partners' lists origin 'https://partner-a.example.com,https://partner-b.example.com', which never matches in appsettings.json: it is a comma-joined list", StringComparison.Ordinal));
        Assert.True(build.Succeeded, build.ToString());
    }

    [Fact]
    public async Task Build_WithReadAppSettingsFalse_ReadsNoSettingsFile()
    {
        var app = CreateApp("NoSettings");

        var build = await app.BuildAsync("-p:CorsAnalyzersReadAppSettings=false");

        Assert.Empty(app.CorsDiagnosticsOf(build));
        Assert.True(build.Succeeded, build.ToString());
    }

    [Fact]
    public async Task Sarif_LocatesTheValueInTheSettingsFile()
    {
        var app = CreateApp("SettingsSarif");

        var build = await app.BuildAsync("-p:ErrorLog=out.sarif%2Cversion%3D2.1");

        var logPath = Path.Combine(app.Directory, "out.sarif");
        Assert.True(File.Exists(logPath), build.ToString());
        using var log = JsonDocument.Parse(File.ReadAllText(logPath));
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(result => result.GetProperty("ruleId").GetString()!.StartsWith("CORS", StringComparison.Ordinal))
            .Select(result =>
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                var file = Path.GetFileName(new Uri(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath);
                return $"{result.GetProperty("ruleId").GetString()} {file}({region.GetProperty("startLine").GetInt32()},{region.GetProperty("startColumn").GetInt32()})-({region.GetProperty("endLine").GetInt32()},{region.GetProperty("endColumn").GetInt32()})";
            })
            .OrderBy(text => text, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            new[]
            {
                "CORS005 Program.cs(10,22)-(10,60)",
                "CORS005 appsettings.json(6,7)-(6,35)",
                "CORS006 appsettings.Development.json(3,43)-(3,49)",
            },
            results);
    }

    [Fact]
    public async Task FormatAnalyzers_SplitsTheCommaJoinedString()
    {
        var app = CreateApp("SettingsFormat");

        var format = await app.RunAsync("format", "analyzers", app.ProjectFile, "--diagnostics", "CORS005", "--severity", "warn");
        var build = await app.BuildAsync();

        Assert.True(format.Succeeded, format.ToString());
        Assert.Equal(
            Program.Replace(
                """builder.Configuration["Cors:Partners"]!)""",
                """builder.Configuration["Cors:Partners"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))"""),
            app.ReadFile("Program.cs"));
        Assert.Equal(AppSettings, app.ReadFile("appsettings.json"));
        Assert.Equal(
            new[] { "appsettings.Development.json(3,43): warning CORS006", "appsettings.json(6,7): warning CORS005" },
            app.CorsDiagnosticsOf(build));
    }
}
