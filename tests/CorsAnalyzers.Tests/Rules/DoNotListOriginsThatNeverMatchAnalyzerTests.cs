using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotListOriginsThatNeverMatchAnalyzerTests
{
    private static string Policy(string origins) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins({{origins}}).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public async Task TrailingSlash_InFluentChain_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy("""{|#0:"https://app.contoso.com/"|}"""),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "https://app.contoso.com/",
                "",
                "browsers send an origin without a path, query, fragment or trailing slash; write 'https://app.contoso.com'"));
    }

    [Theory]
    [InlineData("https://app.contoso.com/api")]
    [InlineData("https://app.contoso.com?x=1")]
    [InlineData("https://app.contoso.com#top")]
    [InlineData("http://localhost:4200/")]
    public async Task PathQueryOrFragment_Reports(string origin)
    {
        await Verify.VerifyAnalyzerAsync(Policy($$"""[|"{{origin}}"|]"""));
    }

    [Theory]
    [InlineData("app.contoso.com")]
    [InlineData("localhost:4200")]
    [InlineData("//app.contoso.com")]
    public async Task MissingScheme_Reports(string origin)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy($$"""{|#0:"{{origin}}"|}"""),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'", origin, "", "browsers always send the scheme; write the origin as 'https://host' or 'http://host'"));
    }

    [Theory]
    [InlineData("ftp://files.contoso.com", "ftp")]
    [InlineData("file://", "file")]
    [InlineData("wss://app.contoso.com", "wss")]
    public async Task SchemeBrowsersNeverSend_Reports(string origin, string scheme)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy($$"""{|#0:"{{origin}}"|}"""),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                origin,
                "",
                $"browsers never send the '{scheme}' scheme as an origin (file: pages send 'null'); list the http or https origin of the page that makes the request"));
    }

    [Theory]
    [InlineData("https://app.contoso.com:443", "https://app.contoso.com")]
    [InlineData("http://app.contoso.com:80", "http://app.contoso.com")]
    [InlineData("https://app.contoso.com:", "https://app.contoso.com")]
    public async Task DefaultPort_Reports(string origin, string canonical)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy($$"""{|#0:"{{origin}}"|}"""),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Policy 'Api'", origin, "", $"browsers leave out the scheme's default port; write '{canonical}'"));
    }

    [Fact]
    public async Task WildcardSubdomain_WithoutSetIsOriginAllowedToAllowWildcardSubdomains_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins({|#0:"https://*.contoso.com"|});
                policy.AllowAnyMethod().AllowAnyHeader();
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "https://*.contoso.com",
                "",
                "ASP.NET Core expands a '*.' wildcard only after SetIsOriginAllowedToAllowWildcardSubdomains(); add that call to the policy"));
    }

    [Fact]
    public async Task WildcardSubdomain_WithSetIsOriginAllowedToAllowWildcardSubdomains_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy("""
            "https://*.contoso.com", "https://*.fabrikam.com/").SetIsOriginAllowedToAllowWildcardSubdomains(
            """.Trim()));
    }

    [Fact]
    public async Task WildcardSubdomain_EnabledOnlyInDevelopment_ReportsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins({|#0:"https://*.contoso.com"|}).AllowAnyMethod().AllowAnyHeader();
                if (builder.Environment.IsDevelopment())
                {
                    policy.SetIsOriginAllowedToAllowWildcardSubdomains();
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "https://*.contoso.com",
                " on some code paths",
                "ASP.NET Core expands a '*.' wildcard only after SetIsOriginAllowedToAllowWildcardSubdomains(); add that call to the policy"));
    }

    [Theory]
    [InlineData("https://app*.contoso.com")]
    [InlineData("https://*contoso.com")]
    [InlineData("https://contoso.*")]
    [InlineData("https://*.*.contoso.com")]
    public async Task MisplacedWildcard_ReportsEvenWithWildcardSubdomains(string origin)
    {
        await Verify.VerifyAnalyzerAsync(Policy($$"""[|"{{origin}}"|]).SetIsOriginAllowedToAllowWildcardSubdomains("""));
    }

    [Theory]
    [InlineData(" https://app.contoso.com")]
    [InlineData("https://app.contoso.com ")]
    [InlineData("https://app. contoso.com")]
    public async Task Whitespace_Reports(string origin)
    {
        await Verify.VerifyAnalyzerAsync(Policy($$"""[|"{{origin}}"|]"""));
    }

    [Fact]
    public async Task AnyOriginNextToRealOrigins_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy("""
                "https://app.contoso.com", {|#0:"*"|}
                """.Trim()),
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "*",
                "",
                "'*' means any origin only when it is the policy's only origin, next to other origins it is compared as text. Remove it, or use AllowAnyOrigin() alone if every origin is meant"));
    }

    [Fact]
    public async Task AnyOriginAlone_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy("\"*\""));
    }

    [Theory]
    [InlineData("\"https://app.contoso.com\"")]
    [InlineData("\"http://localhost:4200\", \"https://app.contoso.com:8443\"")]
    [InlineData("\"https://App.Contoso.com\"")]
    [InlineData("\"capacitor://localhost\", \"chrome-extension://abcdefghijklmnop\"")]
    [InlineData("\"http://[::1]:5173\"")]
    [InlineData("\"https://bücher.example/\"")]
    public async Task OriginsBrowsersSend_DoNotReport(string origins)
    {
        await Verify.VerifyAnalyzerAsync(Policy(origins));
    }

    [Fact]
    public async Task OriginsFromConfiguration_DoNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration["Cors:Origins"]!.Split(',');
            var single = builder.Configuration["Cors:Admin"]!;
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins(origins).WithOrigins(single, single + "/").AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OriginListIgnoredByCustomPredicate_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy("""
            "https://app.contoso.com/").SetIsOriginAllowed(origin => origin.EndsWith(".contoso.com")
            """.Trim()));
    }

    [Fact]
    public async Task ConstantOrigin_ReportsAtUse()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins({|#0:Origins.Frontend|}).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();

            static class Origins
            {
                public const string Frontend = "https://app.contoso.com/";
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "https://app.contoso.com/",
                "",
                "browsers send an origin without a path, query, fragment or trailing slash; write 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task OriginArrayInHelperMethod_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => AllowFrontends(policy).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();

            static CorsPolicyBuilder AllowFrontends(CorsPolicyBuilder policy)
            {
                string[] frontends = { "https://app.contoso.com", [|"https://admin.contoso.com/"|] };
                return policy.WithOrigins(frontends);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyObject_UpperCaseOrigin_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add({|#0:"https://App.Contoso.com"|});
            policy.Methods.Add("*");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "Policy 'Api'",
                "https://App.Contoso.com",
                "",
                "CorsPolicy.Origins is compared case-sensitively and browsers send lowercase origins; write 'https://app.contoso.com'"));
    }

    [Fact]
    public async Task CorsPolicyObject_WildcardAndTrailingSlash_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy
            {
                Origins = { {|#0:"https://*.contoso.com"|}, [|"https://app.fabrikam.com/"|], "https://www.fabrikam.com" },
                Methods = { "*" },
                Headers = { "*" },
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
                "The default policy",
                "https://*.contoso.com",
                "",
                "ASP.NET Core expands a '*.' wildcard only after SetIsOriginAllowedToAllowWildcardSubdomains(), which a CorsPolicy object cannot call; build the policy with CorsPolicyBuilder"));
    }

    [Fact]
    public async Task BuilderConstructorOrigin_InStartupClass_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    var policy = new CorsPolicyBuilder([|"https://app.contoso.com/"|]).AllowAnyMethod().AllowAnyHeader().Build();
                    services.AddCors(options => options.AddPolicy("Api", policy));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TrailingSlash_OnAspNetCore8_Reports()
    {
        await Verify.VerifyAnalyzerAsync(Policy("""[|"https://app.contoso.com/"|]"""), AspNetCoreVersion.Net80);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder WithOrigins(params string[] origins) => this;
            }

            public static class Setup
            {
                public static void Run() => new CorsPolicyBuilder().WithOrigins("https://app.contoso.com/");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins({|#0:"https://app.contoso.com/"|})));
            builder.Services.AddCors(options => options.AddPolicy("Typing", policy => policy.WithOrigins("https://a.contoso.com/", 
            var policyObject = new CorsPolicy { Origins = { [|"https://"|], , } };
            policyObject.Origins.Add(
            """;

        var test = new CorsTest<DoNotListOriginsThatNeverMatchRule, RewriteOriginFixer>(source) { CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments(
            "Policy 'Api'",
            "https://app.contoso.com/",
            "",
            "browsers send an origin without a path, query, fragment or trailing slash; write 'https://app.contoso.com'"));
        await test.RunAsync();
    }
}
