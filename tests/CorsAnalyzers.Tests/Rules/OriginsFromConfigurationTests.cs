using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Credentials = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;
using NeverMatch = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;
using AnyOrigin = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.AllowAnyOriginOnlyForPublicApisRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;
using SomeOrigin = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.AllowSomeOriginRule,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;
using NullOrigin = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotAllowNullOriginRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>Origins read from appsettings.json and its environment files, judged by CORS001, CORS005 and CORS006.</summary>
public class OriginsFromConfigurationTests
{
    private const string TrailingSlashReason = "browsers send an origin without a path, query, fragment or trailing slash; write 'https://app.contoso.com'";

    private static string Policy(string origins, string rest = ".AllowAnyMethod().AllowAnyHeader()") => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => {|#1:policy.WithOrigins({{origins}})|}{{rest}}));
        var app = builder.Build();
        app.Run();
        """;

    private static (string, string)[] AppSettings(string json) => new[] { ("appsettings.json", json) };

    [Fact]
    public async Task GetSectionGetArray_TrailingSlashInAppSettings_ReportsInJson()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            AppSettings("""
                {
                  "Cors": {
                    "Origins": [ "https://admin.contoso.com", {|#0:"https://app.contoso.com/"|} ]
                  }
                }
                """),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Fact]
    public async Task ConfigurationValue_AdditionalLocationIsTheCodeThatReadsIt()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""{|#2:builder.Configuration["Cors:Origin"]|}!"""),
            AppSettings("""{ "Cors": { "Origin": {|#0:"https://app.contoso.com/"|} } }"""),
            NeverMatch.Diagnostic().WithLocation(0).WithLocation(2)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Theory]
    [InlineData("""builder.Configuration["cors:origin"]!""")]
    [InlineData("""builder.Configuration.GetSection("Cors")["Origin"]!""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origin").Value!""")]
    [InlineData("""builder.Configuration.GetSection("CORS").GetSection("origin").Value!""")]
    [InlineData("""builder.Configuration.GetValue<string>("Cors:Origin")!""")]
    [InlineData("""builder.Configuration.GetSection("Cors").GetValue<string>("Origin")!""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origin").Get<string>()!""")]
    [InlineData("""builder.Configuration.GetRequiredSection("Cors:Origin").Value!""")]
    public async Task StringReads_ResolveKeysAsAspNetCoreDoes(string read)
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy(read),
            AppSettings("""{ "Cors": { "Origin": {|#0:"https://app.contoso.com/"|} } }"""),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Theory]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<List<string>>()!.ToArray()""")]
    [InlineData("""builder.Configuration.GetSection("Cors").GetSection("Origins").Get<string[]>()!""")]
    [InlineData("""builder.Configuration.GetSection("Cors").Get<CorsSettings>()!.Origins""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins")?.Get<string[]>() ?? Array.Empty<string>()""")]
    public async Task ListReads_ResolveArrayElements(string read)
    {
        var source = Policy(read) + """

            class CorsSettings
            {
                public string[] Origins { get; set; } = Array.Empty<string>();
            }
            """;
        var expected = read.Contains("ToArray()")
            ? System.Array.Empty<DiagnosticResult>()
            : new[]
            {
                NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason),
            };
        var json = """{ "Cors": { "Origins": [ "https://admin.contoso.com", {|#0:"https://app.contoso.com/"|} ] } }""";
        await NeverMatch.VerifyAnalyzerAsync(source, AppSettings(expected.Length == 0 ? json.Replace("{|#0:", "").Replace("|}", "") : json), expected);
    }

    [Fact]
    public async Task JsonWithCommentsAndTrailingCommas_Parses()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            AppSettings("""
                // Origins of the front ends.
                {
                  /* the production site */
                  "Cors": {
                    "Origins": [
                      {|#0:"https://app.contoso.com/"|}, // trailing slash
                    ],
                  },
                }
                """),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Theory]
    [InlineData("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } """)]
    [InlineData("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] }, "CORS": { "origins": [ "https://app.contoso.com" ] } }""")]
    [InlineData("""[ "https://app.contoso.com/" ]""")]
    [InlineData("""{ "Cors": { "Origins": [ 'https://app.contoso.com/' ] } }""")]
    [InlineData("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } } }""")]
    [InlineData("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } /* unterminated """)]
    [InlineData("")]
    public async Task BrokenJson_DoesNotReport(string json)
    {
        await NeverMatch.VerifyAnalyzerAsync(Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""), AppSettings(json));
    }

    [Fact]
    public async Task KeyMissingFromSettings_DoesNotReport()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>()!"""),
            AppSettings("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } }"""));
    }

    // A configuration the code builds itself holds what it adds, not appsettings.json.
    [Theory]
    [InlineData("new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [\"Cors:Origins:0\"] = \"https://app.contoso.com\" }).Build()")]
    [InlineData("new ConfigurationManager()")]
    public async Task ConfigurationBuiltInCode_DoesNotReport(string configuration)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var cors = {{configuration}};
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins(cors.GetSection("Cors:Origins").Get<string[]>()!).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await NeverMatch.VerifyAnalyzerAsync(source, AppSettings("""{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } }"""));
    }

    [Fact]
    public async Task CorrectOrigins_DoNotReport()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            AppSettings("""{ "Cors": { "Origins": [ "https://app.contoso.com", "http://localhost:4200" ] } }"""));
    }

    [Fact]
    public async Task OtherJsonFile_IsNotRead()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            new[] { ("cors.json", """{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } }""") });
    }

    [Fact]
    public async Task EnvironmentFile_NamesTheFileAndEnvironment()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            new[]
            {
                ("appsettings.json", """{ "Cors": { "Origins": [ "https://app.contoso.com" ] } }"""),
                ("appsettings.Development.json", """{ "Cors": { "Origins": [ {|#0:"http://localhost:4200/"|} ] } }"""),
            },
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments(
                    "Policy 'Api'",
                    "http://localhost:4200/",
                    " in appsettings.Development.json (the Development environment)",
                    "browsers send an origin without a path, query, fragment or trailing slash; write 'http://localhost:4200'"));
    }

    [Fact]
    public async Task EnvironmentFileOverridesTheKey_BaseValueStillJudgedForOtherEnvironments()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration["Cors:Origin"]!"""),
            new[]
            {
                ("appsettings.json", """{ "Cors": { "Origin": {|#0:"https://app.contoso.com/"|} } }"""),
                ("appsettings.Production.json", """{ "Cors": { "Origin": "https://app.contoso.com" } }"""),
            },
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Fact]
    public async Task SplitOfJoinedString_JudgesEachPartAtItsColumn()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)"""),
            AppSettings("""{ "Cors": { "Origins": "https://admin.contoso.com, {|#0:https://app.contoso.com/|}" } }"""),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Fact]
    public async Task SplitWithoutTrim_KeepsTheSpace()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""builder.Configuration["Cors:Origins"]!.Split(',')"""),
            AppSettings("""{ "Cors": { "Origins": "https://admin.contoso.com,{|#0: https://app.contoso.com|}" } }"""),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", " https://app.contoso.com", " in appsettings.json", "browsers send no whitespace in an origin; write 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task CommaJoinedStringAsOneOrigin_ReportsAtTheReadInCode()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            Policy("""{|#0:builder.Configuration["Cors:Origins"]|}!"""),
            AppSettings("""{ "Cors": { "Origins": {|#2:"https://a.contoso.com,https://b.contoso.com"|} } }"""),
            NeverMatch.Diagnostic().WithLocation(0).WithLocation(0).WithLocation(2).WithArguments(
                "Policy 'Api'",
                "https://a.contoso.com,https://b.contoso.com",
                " in appsettings.json",
                "it is a comma-joined list passed as one origin, and ASP.NET Core compares the whole string with the request's Origin. Split it with .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)"));
    }

    [Fact]
    public async Task CommaJoinedStringAsOneOrigin_FixSplitsIt()
    {
        await NeverMatch.VerifyCodeFixAsync(
            Policy("""{|CORS005:builder.Configuration["Cors:Origins"]|}!"""),
            AppSettings("""{ "Cors": { "Origins": "https://a.contoso.com,https://b.contoso.com" } }"""),
            Policy("""builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)"""));
    }

    [Fact]
    public async Task CommaJoinedStringAsOneOrigin_FixSplitsTheGetValueRead()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var cors = new CorsPolicyBuilder().WithOrigins({|CORS005:builder.Configuration.GetValue<string>("Cors:Origins")|}!).AllowAnyMethod().AllowAnyHeader().Build();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var cors = new CorsPolicyBuilder().WithOrigins(builder.Configuration.GetValue<string>("Cors:Origins")!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).AllowAnyMethod().AllowAnyHeader().Build();
            """;

        await NeverMatch.VerifyCodeFixAsync(
            source,
            AppSettings("""{ "Cors": { "Origins": "https://a.contoso.com, https://b.contoso.com" } }"""),
            fixedSource);
    }

    [Fact]
    public async Task NullOriginInAppSettings_ReportsInJson()
    {
        await NullOrigin.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            AppSettings("""{ "Cors": { "Origins": [ "https://app.contoso.com", {|#0:"null"|} ] } }"""),
            NullOrigin.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", " in appsettings.json"));
    }

    [Fact]
    public async Task AnyOriginInProductionSettingsWithCredentials_ReportsInJson()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!""", rest: ".AllowCredentials()"),
            new[]
            {
                ("appsettings.json", """{ "Cors": { "Origins": [ "https://app.contoso.com" ] } }"""),
                ("appsettings.Production.json", """{ "Cors": { "Origins": [ {|#0:"*"|} ] } }"""),
            },
            Credentials.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", " on some code paths in appsettings.Production.json (the Production environment)"));
    }

    [Fact]
    public async Task AnyOriginInSettingsWithoutCredentials_Cors007ReportsInJson()
    {
        await AnyOrigin.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
            AppSettings("""{ "Cors": { "Origins": [ {|#0:"*"|} ] } }"""),
            AnyOrigin.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", " in appsettings.json"));
    }

    [Fact]
    public async Task FallbackToAnyOriginWithCredentials_ReportsOnSomePaths()
    {
        await Credentials.VerifyAnalyzerAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy
                    .{|#0:WithOrigins(builder.Configuration.GetSection("App:CorsOrigins").Get<string[]>() ?? new[] { "*" })|}
                    .AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """,
            System.Array.Empty<(string, string)>(),
            Credentials.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", " on some code paths"));
    }

    [Fact]
    public async Task FallbackNeverTaken_WhenAppSettingsHoldsTheKey_DoesNotReport()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy("""builder.Configuration.GetSection("App:CorsOrigins").Get<string[]>() ?? new[] { "*" }""", rest: ".AllowCredentials()"),
            AppSettings("""{ "App": { "CorsOrigins": [ "https://app.contoso.com" ] } }"""));
    }

    private const string BoundSettings = """

        class CorsSettings
        {
            public string[] Origins { get; set; } = Array.Empty<string>();
        }
        """;

    private const string BoundJson = """{ "Cors": { "Origins": [ "https://admin.contoso.com", {|#0:"https://app.contoso.com/"|} ] } }""";

    private static string BoundPolicy(string bind) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        var settings = new CorsSettings();
        {{bind}}
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins(settings.Origins).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.Run();
        """ + BoundSettings;

    [Theory]
    [InlineData("""builder.Configuration.GetSection("Cors").Bind(settings);""")]
    [InlineData("""builder.Configuration.Bind("Cors", settings);""")]
    [InlineData("""builder.Configuration.GetSection("cors").Bind(settings, binder => binder.ErrorOnUnknownConfiguration = false);""")]
    public async Task ObjectBoundByBind_ReadsItsSection(string bind)
    {
        await NeverMatch.VerifyAnalyzerAsync(
            BoundPolicy(bind),
            AppSettings(BoundJson),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""builder.Configuration.Bind(settings);""")]
    [InlineData("""builder.Configuration.GetSection("Cors").Bind(settings); settings.Origins = new[] { "https://app.contoso.com" };""")]
    [InlineData("""builder.Configuration.GetSection("Cors").Bind(settings); builder.Configuration.GetSection("Other").Bind(settings);""")]
    [InlineData("""builder.Configuration.GetSection("Cors").Bind(settings); Normalize(settings); static void Normalize(CorsSettings s) => s.Origins = new[] { "https://app.contoso.com" };""")]
    [InlineData("""builder.Configuration.GetSection("Cors").Bind(settings); settings = new CorsSettings();""")]
    public async Task ObjectNotOnlyBoundFromOneSection_DoesNotReport(string bind)
    {
        await NeverMatch.VerifyAnalyzerAsync(BoundPolicy(bind), AppSettings(BoundJson.Replace("{|#0:", "").Replace("|}", "")));
    }

    [Fact]
    public async Task ObjectBoundByBind_InStartup_ReadsItsSection()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    var settings = new CorsSettings();
                    Configuration.GetSection("Cors").Bind(settings);
                    services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins(settings.Origins).AllowAnyMethod().AllowAnyHeader()));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors("Api");
                }
            }
            """ + BoundSettings,
            AppSettings(BoundJson),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    private static string OptionsPolicy(string bind, string read = "settings.Value") => $$"""
        using Microsoft.Extensions.Options;

        var builder = WebApplication.CreateBuilder(args);
        {{bind}}
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<{{(read.EndsWith("CurrentValue") ? "IOptionsMonitor" : "IOptions")}}<CorsSettings>>((options, settings) =>
            options.AddPolicy("Api", policy => policy.WithOrigins({{read}}.Origins).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.Run();
        """ + BoundSettings;

    [Theory]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors"));""", "settings.Value")]
    [InlineData("""builder.Services.AddOptions<CorsSettings>().Bind(builder.Configuration.GetSection("Cors"));""", "settings.Value")]
    [InlineData("""builder.Services.AddOptions<CorsSettings>().BindConfiguration("Cors").ValidateOnStart();""", "settings.Value")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors"));""", "settings.CurrentValue")]
    public async Task OptionsBoundToASection_ReadsItsSection(string bind, string read)
    {
        await NeverMatch.VerifyAnalyzerAsync(
            OptionsPolicy(bind, read),
            AppSettings(BoundJson),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("Policy 'Api'", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors")); builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Other"));""")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors")); builder.Services.Configure<CorsSettings>(o => o.Origins = new[] { "https://app.contoso.com" });""")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors")); builder.Services.PostConfigure<CorsSettings>(o => o.Origins = new[] { "https://app.contoso.com" });""")]
    [InlineData("""builder.Services.Configure<CorsSettings>("Named", builder.Configuration.GetSection("Cors"));""")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors")); builder.Services.AddSingleton<IConfigureOptions<CorsSettings>, Fixup>();""")]
    [InlineData("""builder.Services.Configure<CorsSettings>(builder.Configuration.GetSection("Cors")); builder.Services.AddSingleton(Options.Create(new CorsSettings()));""")]
    [InlineData("""var bound = builder.Services.AddOptions<CorsSettings>(); bound.Bind(builder.Configuration.GetSection("Cors"));""")]
    [InlineData("""builder.Services.AddOptions<CorsSettings>().Bind(builder.Configuration.GetSection("Cors")).Configure(o => o.Origins = new[] { "https://app.contoso.com" });""")]
    public async Task OptionsNotOnlyBoundFromOneSection_DoesNotReport(string bind)
    {
        await NeverMatch.VerifyAnalyzerAsync(
            OptionsPolicy(bind) + """

                class Fixup : IConfigureOptions<CorsSettings>
                {
                    public void Configure(CorsSettings options) => options.Origins = new[] { "https://app.contoso.com" };
                }
                """,
            AppSettings(BoundJson.Replace("{|#0:", "").Replace("|}", "")));
    }

    [Fact]
    public async Task OptionsInStartupConfigure_ReadsTheBoundSection()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            """
            using Microsoft.Extensions.Options;

            class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    services.Configure<CorsSettings>(Configuration.GetSection("Cors"));
                    services.AddCors();
                }

                public void Configure(IApplicationBuilder app, IOptions<CorsSettings> cors)
                {
                    app.UseRouting();
                    app.UseCors(policy => policy.WithOrigins(cors.Value.Origins).AllowAnyMethod().AllowAnyHeader());
                }
            }
            """ + BoundSettings,
            AppSettings(BoundJson),
            NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("The inline policy", "https://app.contoso.com/", " in appsettings.json", TrailingSlashReason));
    }

    // An empty value is a placeholder another source fills in (`Cors__Origins` in the environment, user secrets): neither
    // "no origin" (CORS012 reported `"Origins": ""` split with RemoveEmptyEntries) nor a malformed origin (CORS005 reported '').
    [Fact]
    public Task EmptyStringSplit_IsAPlaceholder_NoOriginNotReported() => SomeOrigin.VerifyAnalyzerAsync(
        ServedPolicy("""builder.Configuration["Cors:Origins"]!.Split(',', StringSplitOptions.RemoveEmptyEntries)"""),
        AppSettings("""{ "Cors": { "Origins": "" } }"""));

    [Fact]
    public Task EmptyArrayAndEmptyElement_AreNoOriginOnlyWhenKnown_NotReported() => SomeOrigin.VerifyAnalyzerAsync(
        ServedPolicy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? new string[0]"""),
        new[] { ("appsettings.json", """{ "Cors": { "Origins": [] } }"""), ("appsettings.Production.json", """{ "Cors": { "Origins": [ "" ] } }""") });

    [Fact]
    public Task EmptyString_IsAPlaceholder_NotAMalformedOrigin() => NeverMatch.VerifyAnalyzerAsync(
        Policy("""builder.Configuration["Cors:Origin"]!"""),
        AppSettings("""{ "Cors": { "Origin": "" } }"""));

    // A blank value is no placeholder: it is what the file says, and it never matches.
    [Fact]
    public Task BlankElement_Reports() => NeverMatch.VerifyAnalyzerAsync(
        Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!"""),
        AppSettings("""{ "Cors": { "Origins": [ {|#0:" "|} ] } }"""),
        NeverMatch.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("Policy 'Api'", " ", " in appsettings.json", "browsers send no whitespace in an origin; write the origin as scheme://host[:port]"));

    // Correct lists as real apps keep them: comments, trailing commas and an AllowedHosts "*" the policy does not read; an
    // environment file that overrides the list; separators other than ',' with trimmed entries; trimming in code.
    [Theory]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!""", "{\n  // hosts\n  \"AllowedHosts\": \"*\",\n  \"Cors\": { \"Origins\": [ \"https://app.contoso.com\", ], },\n}")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)""", """{ "Cors": { "Origins": "https://app.contoso.com; https://www.contoso.com" } }""")]
    [InlineData("""builder.Configuration["Cors:Origins"]!.Split(',').Select(o => o.Trim()).ToArray()""", """{ "Cors": { "Origins": "https://app.contoso.com, https://www.contoso.com" } }""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!.Select(o => o.TrimEnd('/')).ToArray()""", """{ "Cors": { "Origins": [ "https://app.contoso.com/" ] } }""")]
    public async Task CorrectListsFromSettings_NotReported(string origins, string json)
    {
        await NeverMatch.VerifyAnalyzerAsync(Policy(origins), AppSettings(json));
        await AnyOrigin.VerifyAnalyzerAsync(Policy(origins), AppSettings(json));
        await SomeOrigin.VerifyAnalyzerAsync(ServedPolicy(origins), AppSettings(json));
    }

    [Fact]
    public Task StarOnlyInNoFile_ListOverriddenByProduction_Credentials_NotReported() => Credentials.VerifyAnalyzerAsync(
        Policy("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>()!""", ".AllowAnyMethod().AllowAnyHeader().AllowCredentials()"),
        new[] { ("appsettings.json", """{ "Cors": { "Origins": [ "https://app.contoso.com" ] } }"""), ("appsettings.Production.json", """{ "Cors": { "Origins": [ "https://www.contoso.com" ] } }""") });

    private static string ServedPolicy(string origins) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins({{origins}}).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """;
}
