using System.Threading.Tasks;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.SetPreflightMaxAgeThatBrowsersKeepRule,
    CorsAnalyzers.CodeFixes.Rules.UseWholeSecondsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class SetPreflightMaxAgeThatBrowsersKeepFixerTests
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

    [Theory]
    [InlineData("TimeSpan.FromSeconds(1.5)", "TimeSpan.FromSeconds(2)")]
    [InlineData("TimeSpan.FromMilliseconds(600400)", "TimeSpan.FromSeconds(600)")]
    [InlineData("new TimeSpan(0, 0, 0, 10, 250)", "new TimeSpan(0, 0, 10)")]
    [InlineData("new TimeSpan(0, 0, 9, 0, 600)", "new TimeSpan(0, 9, 1)")]
    [InlineData("TimeSpan.FromMinutes(0.01)", "TimeSpan.FromSeconds(1)")]
    public async Task Fix_RoundsToWholeSeconds(string maxAge, string fixedMaxAge)
    {
        await Verify.VerifyCodeFixAsync(Policy("[|" + maxAge + "|]"), Policy(fixedMaxAge));
    }

    [Fact]
    public async Task Fix_KeepsHowTheCodeNamesTimeSpan()
    {
        const string source = """
            namespace App
            {
                public static class Policies
                {
                    public static Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy Api()
                    {
                        var policy = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy();
                        policy.Origins.Add("https://app.contoso.com");
                        policy.PreflightMaxAge = [|global::System.TimeSpan.FromSeconds(2.5)|];
                        return policy;
                    }
                }
            }
            """;
        const string fixedSource = """
            namespace App
            {
                public static class Policies
                {
                    public static Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy Api()
                    {
                        var policy = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicy();
                        policy.Origins.Add("https://app.contoso.com");
                        policy.PreflightMaxAge = global::System.TimeSpan.FromSeconds(3);
                        return policy;
                    }
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_ImplicitCreationAndUsingStatic()
    {
        const string source = """
            using static System.TimeSpan;

            public static class Policies
            {
                public static CorsPolicy Api() => new CorsPolicyBuilder("https://app.contoso.com")
                    .SetPreflightMaxAge([|FromMilliseconds(1200)|])
                    .Build();

                public static CorsPolicy Admin() => new CorsPolicy { PreflightMaxAge = [|new System.TimeSpan(0, 0, 0, 0, 700)|] };
            }
            """;
        const string fixedSource = """
            using static System.TimeSpan;

            public static class Policies
            {
                public static CorsPolicy Api() => new CorsPolicyBuilder("https://app.contoso.com")
                    .SetPreflightMaxAge(FromSeconds(1))
                    .Build();

                public static CorsPolicy Admin() => new CorsPolicy { PreflightMaxAge = new System.TimeSpan(0, 0, 1) };
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task LongerThanABrowserKeeps_HasNoFix()
    {
        var source = Policy("[|TimeSpan.FromDays(1)|]");
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task FixAll_RoundsEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().SetPreflightMaxAge([|TimeSpan.FromSeconds(1.5)|]));
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader().SetPreflightMaxAge([|TimeSpan.FromMilliseconds(300_200)|]));
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().SetPreflightMaxAge(TimeSpan.FromSeconds(2)));
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader().SetPreflightMaxAge(TimeSpan.FromSeconds(300)));
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }
}
