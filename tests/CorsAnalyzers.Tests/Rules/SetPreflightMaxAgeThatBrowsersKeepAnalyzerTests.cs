using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.SetPreflightMaxAgeThatBrowsersKeepRule,
    CorsAnalyzers.CodeFixes.Rules.UseWholeSecondsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class SetPreflightMaxAgeThatBrowsersKeepAnalyzerTests
{
    private static string Policy(string maxAge) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
            .WithOrigins("https://app.contoso.com")
            .AllowAnyMethod()
            .AllowAnyHeader()
            .SetPreflightMaxAge({{maxAge}})));
        var app = builder.Build();
        app.Run();
        """;

    private static string Capped(long seconds, long chromium, long firefox)
        => $"browsers keep a preflight for at most 7200 s (Chromium), 86400 s (Firefox) and 600 s (Safari), so it is kept {chromium} s in Chromium, {firefox} s in Firefox and 600 s in Safari";

    private static string Fractional(string seconds)
        => $"ASP.NET Core sends 'Access-Control-Max-Age: {seconds}', which is not a whole number of seconds, so Chromium and Safari keep the preflight for their default 5 s and Firefox does not keep it at all. Use a whole number of seconds";

    [Theory]
    [InlineData("TimeSpan.FromDays(1)", 86400, 7200, 86400)]
    [InlineData("TimeSpan.FromDays(2)", 172800, 7200, 86400)]
    [InlineData("TimeSpan.FromHours(1)", 3600, 3600, 3600)]
    [InlineData("TimeSpan.FromHours(24.0)", 86400, 7200, 86400)]
    [InlineData("TimeSpan.FromMinutes(30)", 1800, 1800, 1800)]
    [InlineData("TimeSpan.FromSeconds(7200)", 7200, 7200, 7200)]
    [InlineData("TimeSpan.FromSeconds(2 * 3600 + 1)", 7201, 7200, 7201)]
    [InlineData("TimeSpan.FromMilliseconds(601000)", 601, 601, 601)]
    [InlineData("TimeSpan.FromTicks(36_000_000_000)", 3600, 3600, 3600)]
    [InlineData("new TimeSpan(2, 0, 0)", 7200, 7200, 7200)]
    [InlineData("new TimeSpan(1, 0, 0, 0)", 86400, 7200, 86400)]
    [InlineData("new TimeSpan(0, 0, 10, 1, 0)", 601, 601, 601)]
    [InlineData("new TimeSpan(36_000_000_000)", 3600, 3600, 3600)]
    [InlineData("TimeSpan.FromMinutes(10, 1)", 601, 601, 601)]
    public async Task LongerThanABrowserKeeps_Reports(string maxAge, long seconds, long chromium, long firefox)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy("{|#0:" + maxAge + "|}"),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", $"{seconds} s", "", Capped(seconds, chromium, firefox)));
    }

    [Theory]
    [InlineData("TimeSpan.FromSeconds(1.5)", "1.5")]
    [InlineData("TimeSpan.FromMilliseconds(600500)", "600.5")]
    [InlineData("TimeSpan.FromMinutes(0.01)", "0.6")]
    [InlineData("new TimeSpan(0, 0, 0, 10, 250)", "10.25")]
    [InlineData("TimeSpan.FromHours(2.5001)", "9000.36")]
    public async Task FractionalSeconds_Reports(string maxAge, string seconds)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy("{|#0:" + maxAge + "|}"),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", $"{seconds} s", "", Fractional(seconds)));
    }

    [Theory]
    [InlineData("TimeSpan.FromMinutes(10)")]
    [InlineData("TimeSpan.FromSeconds(600)")]
    [InlineData("TimeSpan.FromSeconds(0)")]
    [InlineData("TimeSpan.Zero")]
    [InlineData("new TimeSpan(0, 5, 0)")]
    [InlineData("TimeSpan.FromMilliseconds(2000)")]
    [InlineData("TimeSpan.FromSeconds(-1)")]
    public async Task WholeSecondsEveryBrowserKeeps_DoNotReport(string maxAge)
    {
        await Verify.VerifyAnalyzerAsync(Policy(maxAge));
    }

    [Theory]
    [InlineData("TimeSpan.FromSeconds(builder.Configuration.GetValue<double>(\"Cors:MaxAge\"))")]
    [InlineData("TimeSpan.Parse(\"1.00:00:00\")")]
    [InlineData("Settings.MaxAge")]
    [InlineData("TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1)")]
    [InlineData("Settings.FromHours(24)")]
    public async Task NonConstantOrUnknownValue_DoesNotReport(string maxAge)
    {
        var source = Policy(maxAge) + """

            static class Settings
            {
                public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

                public static TimeSpan FromHours(int hours) => TimeSpan.FromHours(hours);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyProperty_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy { PreflightMaxAge = {|#0:TimeSpan.FromSeconds(1.5)|} };
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add("*");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var other = new CorsPolicy();
            other.Origins.Add("https://admin.contoso.com");
            other.PreflightMaxAge = {|#1:TimeSpan.FromDays(1)|};
            builder.Services.AddCors(options => options.AddPolicy("Admin", other));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "1.5 s", "", Fractional("1.5")),
            Verify.Diagnostic().WithLocation(1).WithArguments("Policy 'Admin'", "86400 s", "", Capped(86400, 7200, 86400)));
    }

    [Fact]
    public async Task CorsPolicyPropertySetToNull_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.PreflightMaxAge = null;
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MaxAgeOnlyInProduction_ReportsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader();
                if (!builder.Environment.IsDevelopment())
                {
                    policy.SetPreflightMaxAge({|#0:TimeSpan.FromHours(12)|});
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", "43200 s", " on some code paths", Capped(43200, 7200, 43200)));
    }

    [Fact]
    public async Task MaxAgeOverriddenLater_ReportsOnlyTheOneInEffect()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader();
                policy.SetPreflightMaxAge(TimeSpan.FromDays(1));
                policy.SetPreflightMaxAge(TimeSpan.FromMinutes(10));
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task InStartupClass_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddPolicy("Api", policy => policy
                        .WithOrigins("https://app.contoso.com")
                        .WithMethods("GET", "PUT")
                        .WithHeaders("Content-Type")
                        .SetPreflightMaxAge([|TimeSpan.FromDays(1)|])));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseCors(policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().SetPreflightMaxAge([|new TimeSpan(0, 0, 0, 1, 500)|]));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OnAspNetCore8_Reports()
    {
        await Verify.VerifyAnalyzerAsync(Policy("[|TimeSpan.FromHours(24)|]"), AspNetCoreVersion.Net80);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder SetPreflightMaxAge(TimeSpan maxAge) => this;
            }

            public static class Setup
            {
                public static void Run() => new CorsPolicyBuilder().SetPreflightMaxAge(TimeSpan.FromDays(1));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").SetPreflightMaxAge({|#0:TimeSpan.FromDays(1)|})));
            builder.Services.AddCors(options => options.AddPolicy("Typing", policy => policy.SetPreflightMaxAge(TimeSpan.FromSeconds(
            var policyObject = new CorsPolicy { PreflightMaxAge = TimeSpan.FromHours(, };
            policyObject.PreflightMaxAge = new TimeSpan(1, 
            """;

        var test = new CorsTest<SetPreflightMaxAgeThatBrowsersKeepRule, UseWholeSecondsFixer>(source) { CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "86400 s", "", Capped(86400, 7200, 86400)));
        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
        await test.RunAsync();
    }
}
