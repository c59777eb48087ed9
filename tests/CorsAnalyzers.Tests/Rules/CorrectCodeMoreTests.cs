using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// More correct code no rule may report on (see <see cref="CorrectCodeTests"/>), for the policy, pipeline and registry
/// rules: branches that exclude each other, policies completed later, registrations and pipelines in unusual shapes,
/// several files and a referenced library. <see cref="CorrectSettingsTests"/> holds the cases with settings files.
/// </summary>
public partial class CorrectCodeMoreTests
{
    private static readonly string[] Judged = { "CORS001", "CORS002", "CORS003", "CORS004", "CORS005", "CORS006", "CORS010", "CORS011", "CORS014" };

    private static Task AssertSilent(string source, params string[] more) => AssertSilentIn(null, null, source, more);

    private static Task AssertSilentIn(OutputKind? kind, string? library, string source, params string[] more)
        => SilentRun.AssertSilentAsync(Judged, kind, library, source, more);
}

public partial class CorrectCodeMoreTests
{
    [Fact]
    public Task Z00_Baseline() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);
}

// ---- Policies: CORS001, CORS002, CORS004, CORS005, CORS006, CORS014
public partial class CorrectCodeMoreTests
{
    [Fact]
    public Task A01_CorrelatedBranchesNeverCombine() => Policy("""
            var dev = builder.Environment.IsDevelopment();
            if (dev) policy.AllowAnyOrigin(); else policy.WithOrigins("https://app.contoso.com");
            if (!dev) policy.AllowCredentials();
            policy.AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task A15_CorrelatedBoolPredicate() => Policy("""
            var open = builder.Configuration.GetValue<bool>("Cors:Open");
            if (open) policy.SetIsOriginAllowed(_ => true); else policy.WithOrigins("https://app.contoso.com");
            if (!open) policy.AllowCredentials();
            policy.AllowAnyMethod().AllowAnyHeader();
        """);

    private static Task Policy(string configure, string extra = "") => AssertSilent("""
        using System.Text.RegularExpressions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
        {
        """ + "\n" + configure + "\n" + """
        }));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """ + "\n" + extra);

    [Fact]
    public Task A03_DisallowCredentialsAfterAllowCredentials() => Policy("""
            policy.AllowAnyOrigin().AllowCredentials().AllowAnyMethod().AllowAnyHeader().DisallowCredentials();
        """);

    [Fact]
    public Task A04_PolicyObjectOriginsCleared() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            var p = new CorsPolicy();
            p.Origins.Add("*");
            p.SupportsCredentials = true;
            p.Origins.Clear();
            p.Origins.Add("https://app.contoso.com");
            p.Methods.Add("*");
            p.Headers.Add("*");
            options.AddPolicy("Api", p);
        });
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task A05_GuardAgainstStarFromConfig() => Policy("""
            var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
            if (origins is ["*"]) policy.AllowAnyOrigin();
            else policy.WithOrigins(origins).AllowCredentials();
            policy.AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task A06_SetIsOriginAllowedReplacedByStrictOne() => Policy("""
            policy.SetIsOriginAllowed(_ => true);
            policy.SetIsOriginAllowed(o => Allowed.Origins.Contains(o));
            policy.AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        """, """
        static class Allowed { public static readonly HashSet<string> Origins = new() { "https://app.contoso.com" }; }
        """);

    [Fact]
    public Task A08_PredicateLocalOverwritten() => Policy("""
            Func<string, bool> check = _ => true;
            check = o => Allowed.Origins.Contains(o);
            policy.SetIsOriginAllowed(check).AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        """, """
        static class Allowed { public static readonly HashSet<string> Origins = new() { "https://app.contoso.com" }; }
        """);

    [Fact]
    public Task A09_WildcardSubdomainsReplacesAcceptAll() => Policy("""
            policy.SetIsOriginAllowed(_ => true).WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains()
                .AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        """);

    [Fact]
    public Task A10_StrictMethodInSource() => Policy("""
            policy.SetIsOriginAllowed(o => IsAllowed(o)).AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        """, """
        static bool IsAllowed(string origin) => origin == "https://app.contoso.com";
        """);

    [Fact]
    public Task A11_PredicateFieldAssignedInConstructor() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var setup = new CorsSetup(new HashSet<string> { "https://app.contoso.com" });
        builder.Services.AddCors(o => o.AddPolicy("Api", setup.Configure));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();

        class CorsSetup
        {
            private readonly Func<string, bool> _check = _ => true;
            public CorsSetup(HashSet<string> allowed) { _check = allowed.Contains; }
            public void Configure(CorsPolicyBuilder p) => p.SetIsOriginAllowed(_check).AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        }
        """);

    [Fact]
    public Task A12_CredentialsOnlyInOtherPolicy() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("Public", Public);
            o.AddPolicy("Private", Private);
        });
        var app = builder.Build();
        app.UseCors("Public");
        app.MapGet("/", () => "ok");
        app.MapGet("/me", () => "me").RequireCors("Private");
        app.Run();

        static void Common(CorsPolicyBuilder p) => p.AllowAnyMethod().AllowAnyHeader();
        static void Public(CorsPolicyBuilder p) { Common(p); p.AllowAnyOrigin(); }
        static void Private(CorsPolicyBuilder p) { Common(p); p.WithOrigins("https://app.contoso.com").AllowCredentials(); }
        """);

    [Fact]
    public Task A13_SwitchOnEnvironment() => Policy("""
            switch (builder.Environment.EnvironmentName)
            {
                case "Development":
                    policy.AllowAnyOrigin();
                    break;
                default:
                    policy.WithOrigins("https://app.contoso.com").AllowCredentials();
                    break;
            }
            policy.AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task A14_EarlyReturnAfterAnyOrigin() => Policy("""
            policy.AllowAnyMethod().AllowAnyHeader();
            if (builder.Environment.IsDevelopment())
            {
                policy.AllowAnyOrigin();
                return;
            }
            policy.WithOrigins("https://app.contoso.com").AllowCredentials();
        """);

    [Fact]
    public Task B01_MethodsAndHeadersThroughGetPolicy() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com"));
            var api = o.GetPolicy("Api")!;
            api.Methods.Add("*");
            api.Headers.Add("*");
        });
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task B02_BuiltPolicyGetsHeaders() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            var policy = new CorsPolicyBuilder("https://app.contoso.com").AllowAnyMethod().Build();
            policy.Headers.Add("*");
            o.AddPolicy("Api", policy);
        });
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task B03_ConfigureCorsOptionsAddsMethods() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com")));
        builder.Services.Configure<CorsOptions>(o =>
        {
            var api = o.GetPolicy("Api")!;
            api.Methods.Add("*");
            api.Headers.Add("*");
        });
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task B04_HelperInSourceAddsMethods() => Policy("""
            policy.WithOrigins("https://app.contoso.com").WithApiDefaults();
        """, """
        static class CorsExtensions
        {
            public static CorsPolicyBuilder WithApiDefaults(this CorsPolicyBuilder p) => p.WithMethods("GET", "PUT").WithHeaders("Content-Type");
        }
        """);

    [Fact]
    public Task B05_MethodsFromHttpMethods() => Policy("""
            policy.WithOrigins("https://app.contoso.com").WithMethods(HttpMethods.Put, HttpMethods.Delete, System.Net.Http.HttpMethod.Patch.Method).WithHeaders("content-type");
        """);

    [Fact]
    public Task B06_CopyConstructor() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var template = new CorsPolicyBuilder().AllowAnyMethod().AllowAnyHeader().Build();
        builder.Services.AddCors(o => o.AddPolicy("Api", new CorsPolicyBuilder(template).WithOrigins("https://app.contoso.com").Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    // ---- CORS005/006/014
    [Fact]
    public Task C01_UpperCaseOriginInWithOrigins() => Policy("""
            policy.WithOrigins("HTTPS://APP.CONTOSO.COM", "https://Admin.Contoso.com").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C02_Ipv6Loopback() => Policy("""
            policy.WithOrigins("http://[::1]:5000", "http://127.0.0.1:5173", "http://localhost", "https://localhost:7001").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C03_IdnWithTrailingSlashAndDefaultPort() => Policy("""
            policy.WithOrigins("https://bücher.example/", "https://bücher.example:443").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C04_AppSchemes() => Policy("""
            policy.WithOrigins("capacitor://localhost", "ionic://localhost", "tauri://localhost", "moz-extension://0b3e2c2a-1d7c-4c1e-9a4e-0a1b2c3d4e5f").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C05_WildcardBeforeSubdomainCall() => Policy("""
            policy.SetIsOriginAllowedToAllowWildcardSubdomains();
            policy.WithOrigins("https://*.contoso.com", "https://*.contoso.com:8443").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C06_ConstructorLowercases() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", new CorsPolicyBuilder("https://App.Contoso.com").AllowAnyMethod().AllowAnyHeader().Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task C07_TrimmedAtRunTime() => Policy("""
            string[] raw = [" https://app.contoso.com ", "https://admin.contoso.com/"];
            policy.WithOrigins(raw.Select(o => o.Trim().TrimEnd('/')).ToArray()).AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C08_SplitWithTrimEntries() => Policy("""
            const string Joined = "https://app.contoso.com, https://admin.contoso.com,";
            policy.WithOrigins(Joined.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C09_MethodsUpperCasedAtRunTime() => Policy("""
            string[] methods = ["get", "put", "patch"];
            policy.WithOrigins("https://app.contoso.com").WithMethods(methods.Select(m => m.ToUpperInvariant()).ToArray()).AllowAnyHeader();
        """);

    [Fact]
    public Task C10_StarHeadersWithoutCredentialsAfterDisallow() => Policy("""
            policy.WithOrigins("https://app.contoso.com").WithHeaders("*", "X-Api-Key").WithExposedHeaders("*").AllowAnyMethod().AllowCredentials();
            policy.DisallowCredentials();
        """);

    [Fact]
    public Task C11_TrailingDotAndPunycode() => Policy("""
            policy.WithOrigins("https://xn--bcher-kva.example", "https://contoso.com.", "http://192.168.1.10:8080").AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task C12_LowerCaseMethodsSafelisted() => Policy("""
            policy.WithOrigins("https://app.contoso.com").WithMethods("get", "head", "post", "PUT").WithHeaders("content-type");
        """);
}

// ---- Settings files
public class CorrectSettingsTests
{
    private static (string, string)[] Files(params (string, string)[] files) => files;

    private static string App(string configure, string builderLine = "var builder = WebApplication.CreateBuilder(args);", string extra = "") => builderLine + "\n" + """
        builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
        {
        """ + "\n" + configure + "\n" + """
        }));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """ + "\n" + extra;

    private const string StarJson = """{ "Cors": { "Origins": [ "*" ] } }""";

    [Fact]
    public Task S04_IndexMergeLeavesStarNotAlone() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule, CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>.VerifyAnalyzerAsync(App("""
            policy.WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!).AllowAnyMethod().AllowAnyHeader().AllowCredentials();
        """), Files(("appsettings.json", """{ "Cors": { "Origins": [ "https://app.contoso.com", "https://admin.contoso.com" ] } }"""), ("appsettings.Development.json", StarJson)));

    [Fact]
    public Task S09_SplitTrimEntries() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule, CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>.VerifyAnalyzerAsync(App("""
            policy.WithOrigins(builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).AllowAnyMethod().AllowAnyHeader();
        """), Files(("appsettings.json", """{ "Cors": { "Origins": "https://app.contoso.com, https://admin.contoso.com," } }""")));

    [Fact]
    public Task S10_SplitSemicolon() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule, CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>.VerifyAnalyzerAsync(App("""
            policy.WithOrigins(builder.Configuration["Cors:Origins"]!.Split(';')).AllowAnyMethod().AllowAnyHeader();
        """), Files(("appsettings.json", """{ "Cors": { "Origins": "https://app.contoso.com;https://admin.contoso.com" } }""")));

    [Fact]
    public Task S11_SelectTrim() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule, CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>.VerifyAnalyzerAsync(App("""
            policy.WithOrigins(builder.Configuration["Cors:Origins"]!.Split(',').Select(o => o.Trim().TrimEnd('/')).ToArray()).AllowAnyMethod().AllowAnyHeader();
        """), Files(("appsettings.json", """{ "Cors": { "Origins": "https://app.contoso.com/, https://admin.contoso.com" } }""")));

    [Fact]
    public Task S12_UpperCaseInJson() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule, CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>.VerifyAnalyzerAsync(App("""
            policy.WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!).AllowAnyMethod().AllowAnyHeader();
        """), Files(("appsettings.json", """{ "Cors": { "Origins": [ "HTTPS://App.Contoso.com", "http://[::1]:5000", "https://bücher.example/" ] } }""")));

    [Fact]
    public Task S15_OptionsPatternStar() => CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule, CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>.VerifyAnalyzerAsync(App("""
            var settings = builder.Configuration.GetSection("Cors").Get<CorsSettings>() ?? new();
            if (settings.AllowCredentials) policy.WithOrigins(settings.Origins.Where(o => o != "*").ToArray()).AllowCredentials();
            else policy.WithOrigins(settings.Origins);
            policy.AllowAnyMethod().AllowAnyHeader();
        """, extra: """
        class CorsSettings { public string[] Origins { get; set; } = []; public bool AllowCredentials { get; set; } }
        """), Files(("appsettings.json", """{ "Cors": { "Origins": [ "*" ], "AllowCredentials": false } }""")));

}

// ---- Pipeline: CORS003
public partial class CorrectCodeMoreTests
{
    private const string Services = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization();
        var app = builder.Build();

        """;

    [Fact]
    public Task D01_ExclusiveIfElse() => AssertSilent(Services + """
        if (!builder.Configuration.GetValue<bool>("Cors:Enabled"))
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        else
        {
            app.UseCors("Api");
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task D02_EarlyReturnBranch() => AssertSilent(Services + """
        if (args.Contains("--no-cors"))
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "ok").RequireAuthorization();
            app.Run();
            return;
        }

        app.UseCors("Api");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task D03_TerminalRunInOtherBranch() => AssertSilent(Services + """
        if (builder.Configuration.GetValue<bool>("Maintenance"))
        {
            app.Run(context => { context.Response.StatusCode = 503; return Task.CompletedTask; });
        }
        else
        {
            app.UseCors("Api");
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "ok").RequireAuthorization();
        }
        app.Run();
        """);

    [Fact]
    public Task D04_MapBranchHasItsOwnAuth() => AssertSilent(Services + """
        app.Map("/admin", admin =>
        {
            admin.UseAuthentication();
            admin.UseAuthorization();
            admin.Run(c => c.Response.WriteAsync("admin"));
        });
        app.UseCors("Api");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task D07_UseCorsInHelperCalledFirst() => AssertSilent(Services + """
        app.UseApiCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();

        static class PipelineExtensions
        {
            public static IApplicationBuilder UseApiCors(this IApplicationBuilder app) => app.UseCors("Api");
        }
        """);

    [Fact]
    public Task D08_StartupWithTwoBranches() => AssertSilent("""
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();

        class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
                services.AddAuthorization();
                services.AddControllers();
            }

            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                app.MapWhen(c => c.Request.Path.StartsWithSegments("/legacy"), legacy =>
                {
                    legacy.UseRouting();
                    legacy.UseAuthorization();
                    legacy.UseEndpoints(e => e.MapControllers());
                });
                app.UseRouting();
                app.UseCors("Api");
                app.UseAuthorization();
                app.UseEndpoints(e => e.MapControllers());
            }
        }
        """);

    [Fact]
    public Task D09_ConditionalAuthAfterCors() => AssertSilent(Services + """
        app.UseRouting();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        app.UseCors("Api");
        if (!app.Environment.IsDevelopment())
        {
            app.UseAuthentication();
        }
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task D10_GenericHostConfigureNoImplicitAuth() => AssertSilent("""
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web
            .ConfigureServices(s =>
            {
                s.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
                s.AddAuthorization();
                s.AddRouting();
            })
            .Configure(app =>
            {
                app.UseRouting();
                app.UseCors("Api");
                app.UseEndpoints(e => e.MapGet("/", () => "ok"));
            })).Build().Run();
        """);

    [Fact]
    public Task D11_UseWhenBranchWithAuthBeforeCors() => AssertSilent(Services + """
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/internal"), internalApp =>
        {
            internalApp.UseAuthentication();
            internalApp.UseAuthorization();
        });
        app.UseCors("Api");
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);

    [Fact]
    public Task D12_UseCorsInLocalFunctionBeforeAuth() => AssertSilent(Services + """
        ConfigurePipeline(app);
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();

        static void ConfigurePipeline(WebApplication app)
        {
            app.UseCors("Api");
            app.UseAuthentication();
            app.UseAuthorization();
        }
        """);

    [Fact]
    public Task D13_SwitchCases() => AssertSilent(Services + """
        switch (builder.Configuration["Mode"])
        {
            case "internal":
                app.UseAuthentication();
                app.UseAuthorization();
                break;
            default:
                app.UseCors("Api");
                app.UseAuthentication();
                app.UseAuthorization();
                break;
        }
        app.MapGet("/", () => "ok").RequireAuthorization();
        app.Run();
        """);
}

// ---- Registry: CORS010, CORS011
public partial class CorrectCodeMoreTests
{
    [Fact]
    public Task E01_DefaultPolicyNameChanged() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
            o.DefaultPolicyName = "Api";
        });
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task E02_AddPolicyUnderDefaultName() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy(o.DefaultPolicyName, p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task E04_AddCorsThroughHostConfigureServices() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.ConfigureServices(s => s.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader())));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task E05_AddCorsThroughWebHostConfigureServices() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureServices((ctx, s) => s.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader())));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task E06_AddControllersInSourceHelper() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddWeb();
        var app = builder.Build();
        app.UseCors(p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
        app.MapControllers();
        app.Run();

        static class ServiceExtensions
        {
            public static IServiceCollection AddWeb(this IServiceCollection services)
            {
                services.AddControllers();
                return services;
            }
        }
        """);

    [Fact]
    public Task E07_AddMvcCoreChainAddCors() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddMvcCore(o => o.RespectBrowserAcceptHeader = true).AddApiExplorer().AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapControllers();
        app.Run();
        """);

    [Fact]
    public Task E08_ManualRegistrationOfCorsServices() => AssertSilent("""
        using Microsoft.Extensions.DependencyInjection.Extensions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions();
        builder.Services.TryAddTransient<ICorsService, CorsService>();
        builder.Services.TryAddTransient<ICorsPolicyProvider, DefaultCorsPolicyProvider>();
        var app = builder.Build();
        app.UseCors(p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task E09_ServicesAlias() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        IServiceCollection services = builder.Services;
        services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok").RequireCors("Api");
        app.Run();
        """);

    [Fact]
    public Task E10_PolicyNameFromOtherClassConstants() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy(CorsPolicies.Api, p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok").RequireCors(CorsPolicies.Api);
        app.MapGet("/b", () => "ok").RequireCors(CorsPolicies.Interpolated);
        app.Run();

        static class CorsPolicies
        {
            public const string Prefix = "Ap";
            public const string Api = nameof(Api);
            public const string Interpolated = $"{Prefix}i";
        }
        """);

    [Fact]
    public Task E11_UseWhenBranchAddsCors() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseCors());
        app.MapGet("/api/x", () => "ok").RequireCors("Api");
        app.Run();
        """);

    [Fact]
    public Task E13_StartupFilterInSourceAddsCors() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        builder.Services.AddTransient<IStartupFilter, CorsStartupFilter>();
        var app = builder.Build();
        app.MapGet("/", () => "ok");
        app.Run();

        class CorsStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app => { app.UseCors(); next(app); };
        }
        """);

    [Fact]
    public Task E14_LibraryProject() => AssertSilentIn(OutputKind.DynamicallyLinkedLibrary, null, """
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        public static class ApiModule
        {
            public static void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/", () => "ok").RequireCors("Api");
            public static void Use(IApplicationBuilder app) => app.UseCors();
        }

        [EnableCors("Api")]
        public abstract class ApiControllerBase : ControllerBase { }
        """);

    [Fact]
    public Task E16_PartialProgram() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        AddCorsPolicies(builder.Services);
        var app = builder.Build();
        UseApi(app);
        app.Run();
        """, """
        public partial class Program
        {
            static void AddCorsPolicies(IServiceCollection services) => services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
            static void UseApi(WebApplication app)
            {
                app.UseCors();
                app.MapGet("/", () => "ok").RequireCors("Api");
            }
        }
        """);

    [Fact]
    public Task E17_CreateSlimBuilder() => AssertSilent("""
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok").RequireCors("Api");
        app.Run();
        """);

    [Fact]
    public Task E18_GenericHostConfigureLambda() => AssertSilent("""
        Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(w => w
            .ConfigureServices(s => s.AddRouting().AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader())))
            .Configure(app =>
            {
                app.UseRouting();
                app.UseCors();
                app.UseEndpoints(e => e.MapGet("/", () => "ok").RequireCors("Api"));
            })).Build().Run();
        """);

    [Fact]
    public Task E19_UseEndpointsInHelper() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
        MapApi(app);
        app.Run();

        static void MapApi(IApplicationBuilder app) => app.UseEndpoints(e => e.MapGet("/", () => "ok").RequireCors("Api"));
        """);

    [Fact]
    public Task E20_WebApplicationFactoryTestProject() => AssertSilentIn(OutputKind.DynamicallyLinkedLibrary, null, """
        public class CorsTests
        {
            public async Task Preflight()
            {
                var builder = WebApplication.CreateBuilder();
                builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
                await using var app = builder.Build();
                app.MapGet("/", () => "ok").RequireCors("Api");
                app.UseCors();
                await app.StartAsync();
            }
        }
        """);

    [Fact]
    public Task E21_NameFromConfigurationLoop() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
            foreach (var section in builder.Configuration.GetSection("Cors:Policies").GetChildren())
            {
                o.AddPolicy(section.Key, p => p.WithOrigins(section.GetSection("Origins").Get<string[]>()!).AllowAnyMethod().AllowAnyHeader());
            }
        });
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok").RequireCors("Partners");
        app.Run();
        """);
}

public partial class CorrectCodeMoreTests
{
    private const string NoDefault = """
        using Microsoft.AspNetCore.Cors;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();

        """;

    [Fact]
    public Task F01_InlineRequireCorsPolicy() => AssertSilent(NoDefault + """
        app.MapGet("/", () => "ok").RequireCors(p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
        app.Run();
        """);

    [Fact]
    public Task F02_WithMetadataEnableCors() => AssertSilent(NoDefault + """
        app.MapGet("/", () => "ok").WithMetadata(new EnableCorsAttribute("Api"));
        app.Run();
        """);

    [Fact]
    public Task F03_AttributeOnLambda() => AssertSilent(NoDefault + """
        app.MapGet("/", [EnableCors("Api")] () => "ok");
        app.Run();
        """);

    [Fact]
    public Task F04_GroupRequireCors() => AssertSilent(NoDefault + """
        var api = app.MapGroup("/api");
        api.RequireCors("Api");
        api.MapGet("/orders", () => "[]");
        app.Run();
        """);

    [Fact]
    public Task F06_ConventionAddsMetadata() => AssertSilent(NoDefault + """
        app.MapGet("/", () => "ok").Add(e => e.Metadata.Add(new EnableCorsAttribute("Api")));
        app.Run();
        """);

    [Fact]
    public Task F07_TwoAddCorsCalls() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("A", p => p.WithOrigins("https://a.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://b.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok").RequireCors("A");
        app.Run();
        """);

    [Fact]
    public Task F10_ControllerWithEnableCorsInherited() => AssertSilent("""
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapControllers();
        app.Run();

        [EnableCors("Api")]
        public abstract class ApiControllerBase : ControllerBase { }

        [Route("orders")]
        public class OrdersController : ApiControllerBase
        {
            [HttpGet] public string Get() => "[]";
        }
        """);

    [Fact]
    public Task F11_CorrelatedMethodsOnCredentialsStar() => Policy("""
            var creds = builder.Configuration.GetValue<bool>("Cors:Credentials");
            policy.WithOrigins("https://app.contoso.com").AllowAnyMethod();
            if (creds) policy.WithHeaders("Content-Type", "X-Api-Key").AllowCredentials();
            else policy.WithHeaders("*", "X-Api-Key");
        """);

    [Fact]
    public Task F12_CorsPolicyObjectHeadersAfterRegistration() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var policy = new CorsPolicy();
        policy.Origins.Add("https://app.contoso.com");
        builder.Services.AddCors(o => o.AddPolicy("Api", policy));
        policy.Methods.Add("*");
        policy.Headers.Add("*");
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task F13_PolicyBuilderHelperReturnsBuilt() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", Policies.Build("https://app.contoso.com")));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();

        static class Policies
        {
            public static CorsPolicy Build(params string[] origins)
            {
                var b = new CorsPolicyBuilder(origins);
                b.AllowAnyMethod();
                b.AllowAnyHeader();
                return b.Build();
            }
        }
        """);

    [Fact]
    public Task F14_PolicyBuilderCreatedThenConfiguredInHelper() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var b = new CorsPolicyBuilder().WithOrigins("https://app.contoso.com");
        Defaults(b);
        builder.Services.AddCors(o => o.AddPolicy("Api", b.Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();

        static void Defaults(CorsPolicyBuilder b) => b.AllowAnyMethod().AllowAnyHeader();
        """);
}
