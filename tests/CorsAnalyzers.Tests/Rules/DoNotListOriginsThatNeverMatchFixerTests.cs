using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotListOriginsThatNeverMatchFixerTests
{
    private static string Policy(string origins) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins({{origins}}).AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.Run();
        """;

    [Theory]
    [InlineData("\"https://app.contoso.com/\"", "\"https://app.contoso.com\"")]
    [InlineData("\"HTTPS://App.Contoso.com:443/api?x=1#top\"", "\"https://app.contoso.com\"")]
    [InlineData("\"http://localhost:4200/\"", "\"http://localhost:4200\"")]
    [InlineData("\" https://app.contoso.com/ \"", "\"https://app.contoso.com\"")]
    [InlineData("@\"https://app.contoso.com/\"", "@\"https://app.contoso.com\"")]
    [InlineData("\"\"\"https://app.contoso.com/\"\"\"", "\"\"\"https://app.contoso.com\"\"\"")]
    public async Task Fix_WritesCanonicalOrigin_KeepingQuoteStyle(string origin, string canonical)
    {
        await Verify.VerifyCodeFixAsync(Policy("[|" + origin + "|]"), Policy(canonical));
    }

    [Fact]
    public async Task Fix_RewritesTheConstantDeclaration()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins([|Origins.Frontend|]).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();

            static class Origins
            {
                public const string Frontend = "https://app.contoso.com:443";
            }
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins(Origins.Frontend).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();

            static class Origins
            {
                public const string Frontend = "https://app.contoso.com";
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_LowercasesCorsPolicyObjectOrigin()
    {
        const string source = """
            public static class CorsPolicies
            {
                public static CorsPolicy CreateApi()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add([|"https://App.Contoso.com"|]);
                    policy.Methods.Add("*");
                    policy.Headers.Add("*");
                    return policy;
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source.Replace("App.Contoso", "app.contoso"));
    }

    [Theory]
    [InlineData("\"app.contoso.com\"")]
    [InlineData("\"ftp://files.contoso.com\"")]
    [InlineData("\"https://app. contoso.com\"")]
    [InlineData("\"https://app*.contoso.com\"")]
    public async Task AmbiguousOrigin_HasNoFix(string origin)
    {
        var source = Policy("[|" + origin + "|]");
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task Fix_AddsSetIsOriginAllowedToAllowWildcardSubdomains()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins([|"https://*.contoso.com"|], "https://www.fabrikam.com");
                policy.AllowAnyMethod().AllowAnyHeader();
            }));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://*.contoso.com", "https://www.fabrikam.com").SetIsOriginAllowedToAllowWildcardSubdomains();
                policy.AllowAnyMethod().AllowAnyHeader();
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_TwoWildcardsInOneCall_AddsTheCallOnce()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins([|"https://*.contoso.com"|], [|"https://*.fabrikam.com"|])
                .AllowAnyMethod()
                .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins("https://*.contoso.com", "https://*.fabrikam.com")
                .SetIsOriginAllowedToAllowWildcardSubdomains()
                .AllowAnyMethod()
                .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_RemovesAnyOriginNextToRealOrigins()
    {
        await Verify.VerifyCodeFixAsync(
            Policy("""
                "https://app.contoso.com", [|"*"|]
                """.Trim()),
            Policy("\"https://app.contoso.com\""));
    }

    [Fact]
    public async Task FixAll_RewritesEveryOrigin()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins([|"https://app.contoso.com/"|], [|"https://admin.contoso.com:443"|]).AllowAnyMethod().AllowAnyHeader());
                options.AddPolicy("Partners", policy => policy.WithOrigins(new[] { [|"https://partner.fabrikam.com/api"|], [|@"http://partner.fabrikam.com:80/"|] }).AllowAnyMethod().AllowAnyHeader());
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader());
                options.AddPolicy("Partners", policy => policy.WithOrigins(new[] { "https://partner.fabrikam.com", @"http://partner.fabrikam.com" }).AllowAnyMethod().AllowAnyHeader());
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }
}
