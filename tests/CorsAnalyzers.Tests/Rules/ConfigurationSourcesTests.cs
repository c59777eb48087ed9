using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using NeverMatch = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Configuration sources the app changes in code: the settings files may then not hold the values it runs with, so their
/// values are not judged. Sources every app has, the settings files added again, and a configuration the code builds for
/// itself change nothing.
/// </summary>
public class ConfigurationSourcesTests
{
    private const string TrailingSlashReason = "browsers send an origin without a path, query, fragment or trailing slash; write 'https://app.contoso.com'";

    private const string Json = """{ "Cors": { "Origin": {|#0:"https://app.contoso.com/"|} } }""";

    private static string App(string sources, string builderLine = "var builder = WebApplication.CreateBuilder(args);") => builderLine + "\n" + sources + "\n" + """
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins(builder.Configuration["Cors:Origin"]!).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """;

    private static (string, string)[] AppSettings(string json) => new[] { ("appsettings.json", json) };

    private static DiagnosticResult TrailingSlash()
        => NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason);

    [Theory]
    [InlineData("""builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:Origin"] = "https://app.contoso.com" });""")]
    [InlineData("""builder.Configuration.Sources.Clear();""")]
    [InlineData("""var first = builder.Configuration.Sources[0];""")] // The list is mutable: any use of it may change it.
    [InlineData("""builder.Configuration.AddJsonFile("cors.json", optional: true);""")]
    [InlineData("""builder.Configuration.AddIniFile("cors.ini").AddEnvironmentVariables();""")]
    [InlineData("""builder.Host.ConfigureAppConfiguration((context, config) => config.AddInMemoryCollection(new Dictionary<string, string?>()));""")]
    [InlineData("""JsonConfigurationExtensions.AddJsonFile(builder.Configuration, "/etc/app/cors.json");""")]
    [InlineData("""AddSources(builder.Configuration); static void AddSources(IConfigurationBuilder configuration) => configuration.AddKeyPerFile("/run/secrets", optional: true);""")]
    public async Task SourcesChangedInCode_DoNotJudgeTheFiles(string sources)
    {
        await NeverMatch.VerifyAnalyzerAsync(App(sources), AppSettings(Json.Replace("{|#0:", "").Replace("|}", "")));
    }

    [Fact]
    public async Task EmptyBuilder_ReadsNoSettingsFile()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            App(string.Empty, "var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = args });"),
            AppSettings(Json.Replace("{|#0:", "").Replace("|}", "")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""builder.Configuration.AddEnvironmentVariables("APP_");""")]
    [InlineData("""builder.Configuration.AddCommandLine(args).AddUserSecrets<Program>(optional: true);""")]
    [InlineData("""builder.Configuration.AddJsonFile("appsettings.json", optional: false, reloadOnChange: true);""")]
    [InlineData("""builder.Configuration.AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true);""")]
    [InlineData("""var own = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();""")]
    [InlineData("""var own = new ConfigurationBuilder(); own.AddJsonFile("other.json"); own.Sources.Clear();""")]
    public async Task SourcesThatLeaveTheFilesValues_StillReport(string sources)
    {
        await NeverMatch.VerifyAnalyzerAsync(App(sources), AppSettings(Json), TrailingSlash());
    }

    [Fact]
    public async Task Startup_WithSourcesAddedToTheHost_DoesNotJudgeTheFiles()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            StartupApp(".ConfigureAppConfiguration(config => config.AddXmlFile(\"cors.xml\", optional: true))"),
            AppSettings(Json.Replace("{|#0:", "").Replace("|}", "")));
    }

    [Fact]
    public async Task Startup_WithTheDefaultSources_Reports()
    {
        await NeverMatch.VerifyAnalyzerAsync(StartupApp(string.Empty), AppSettings(Json), TrailingSlash());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SourceAddedByAPackagesAdder_DoesNotJudgeTheFiles(bool compiled)
    {
        // A vault provider's package: its adder is found in the package's own Microsoft.Extensions.Configuration
        // namespace, as compiled metadata (what a build sees) or as another project of the solution (the IDE).
        const string package = """
            using System.Collections.Generic;

            namespace Microsoft.Extensions.Configuration
            {
                public static class ContosoVaultExtensions
                {
                    public static IConfigurationBuilder AddContosoVault(this IConfigurationBuilder builder, string vault)
                        => builder.AddInMemoryCollection(new Dictionary<string, string?>());
                }
            }
            """;
        var test = new CorsTest<DoNotListOriginsThatNeverMatchRule, RewriteOriginFixer>(App("builder.Configuration.AddContosoVault(\"cors\");"))
            .WithSettingsFiles(AppSettings(Json.Replace("{|#0:", "").Replace("|}", "")));
        await (compiled ? test.WithCompiledLibrary(package) : test.WithLibrary(package)).RunAsync();
    }

    [Fact]
    public async Task SourceAddedByAPackagesAdder_OnItsOwnConfiguration_StillReports()
    {
        const string package = """
            using System.Collections.Generic;

            namespace Microsoft.Extensions.Configuration
            {
                public static class ContosoVaultExtensions
                {
                    public static IConfigurationBuilder AddContosoVault(this IConfigurationBuilder builder, string vault)
                        => builder.AddInMemoryCollection(new Dictionary<string, string?>());
                }
            }
            """;
        var test = new CorsTest<DoNotListOriginsThatNeverMatchRule, RewriteOriginFixer>(App("var own = new ConfigurationBuilder().AddContosoVault(\"cors\").Build();"))
            .WithSettingsFiles(AppSettings(Json)).WithCompiledLibrary(package);
        test.ExpectedDiagnostics.Add(TrailingSlash());
        await test.RunAsync();
    }

    [Fact]
    public async Task HalfTypedSourcesCall_StillCountsAsAChange()
    {
        // While typing `Sources.Clear()`: the member does not resolve yet, the property does.
        await NeverMatch.VerifyAnalyzerAsync(
            App("builder.Configuration.Sources.{|CS1061:Clea|}();"),
            AppSettings(Json.Replace("{|#0:", "").Replace("|}", "")));
    }

    private static string StartupApp(string hostSources) => $$"""
        Host.CreateDefaultBuilder(args){{hostSources}}
            .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
            .Build()
            .Run();

        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
                => services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins(Configuration["Cors:Origin"]!).AllowAnyMethod().AllowAnyHeader()));

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseCors("Api");
            }
        }
        """;
}
