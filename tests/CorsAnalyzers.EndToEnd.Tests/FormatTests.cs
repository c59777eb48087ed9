using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary><c>dotnet format analyzers</c> applies the package's code fix in bulk, with the origins from <c>.editorconfig</c>.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FormatTests
{
    private const string Program = """
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Open", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader().AllowCredentials());
            options.AddDefaultPolicy(policy => policy.WithOrigins("*").WithMethods("GET").WithHeaders("Content-Type").AllowCredentials());
            LegacyPolicies.Add(options);
        });

        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "Hello CORS");
        app.Run();

        """;

    private const string FixedProgram = """
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader().AllowCredentials());
            options.AddDefaultPolicy(policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").WithMethods("GET").WithHeaders("Content-Type").AllowCredentials());
            LegacyPolicies.Add(options);
        });

        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "Hello CORS");
        app.Run();

        """;

    private const string LegacyPolicies = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class LegacyPolicies
        {
            public static void Add(CorsOptions options)
            {
                options.AddPolicy("Legacy", policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders("Content-Type").AllowCredentials());
            }
        }

        """;

    private const string FixedLegacyPolicies = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class LegacyPolicies
        {
            public static void Add(CorsOptions options)
            {
                options.AddPolicy("Legacy", policy => policy.WithOrigins("https://trusted.example.com" /* TODO: list the origins you trust */).WithMethods("GET").WithHeaders("Content-Type").AllowCredentials());
            }
        }

        """;

    private readonly PackageFeed _feed;

    public FormatTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public async Task FormatAnalyzers_AppliesTheFix_WithOriginsFromEditorConfig_ThenTheAppBuildsClean()
    {
        var app = _feed.CreateApp("Format")
            .WithFile("Program.cs", Program)
            .WithFile("Legacy/LegacyPolicies.cs", LegacyPolicies)
            .WithEditorConfig("cors_analyzers.allowed_origins = https://app.contoso.com, https://admin.contoso.com")
            // A folder without the key gets the placeholder origin and its TODO.
            .WithEditorConfig("indent_style = space", folder: "Legacy");

        var format = await app.RunAsync("format", "analyzers", app.ProjectFile, "--diagnostics", "CORS001", "--severity", "warn");
        var build = await app.BuildAsync("-p:TreatWarningsAsErrors=true");

        Assert.True(format.Succeeded, format.ToString());
        Assert.Equal(FixedProgram, app.ReadFile("Program.cs"));
        Assert.Equal(FixedLegacyPolicies, app.ReadFile("Legacy/LegacyPolicies.cs"));
        Assert.Empty(app.CorsDiagnosticsOf(build));
        Assert.True(build.Succeeded, build.ToString());
    }
}
