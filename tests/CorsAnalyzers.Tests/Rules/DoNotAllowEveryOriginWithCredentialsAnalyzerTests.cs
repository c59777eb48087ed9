using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotAllowEveryOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotAllowEveryOriginWithCredentialsAnalyzerTests
{
    [Theory]
    [InlineData("_ => true")]
    [InlineData("origin => true")]
    [InlineData("(string origin) => true")]
    [InlineData("o => { return true; }")]
    [InlineData("o => { Console.WriteLine(o); return true; }")]
    [InlineData("o => { if (o.Length > 100) return true; return true; }")]
    [InlineData("delegate (string o) { return true; }")]
    public async Task PredicateReturningTrue_WithCredentials_Reports(string predicate)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Reflecting", policy => policy.{|#0:SetIsOriginAllowed({{predicate}})|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Reflecting'", ""));
    }

    [Fact]
    public async Task MethodGroupReturningTrue_InStartup_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy =>
                    {
                        policy.{|#1:AllowCredentials()|};
                        policy.{|#0:SetIsOriginAllowed(IsAllowed)|};
                    }));
                }

                private static bool IsAllowed(string origin) => true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task LocalFunctionReturningTrue_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Reflecting", policy => policy.{|#0:SetIsOriginAllowed(AcceptAll)|}.{|#1:AllowCredentials()|}));

            static bool AcceptAll(string origin)
            {
                return true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Reflecting'", ""));
    }

    [Fact]
    public async Task PredicateInLocalDelegate_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            Func<string, bool> everyone = _ => true;
            builder.Services.AddCors(options =>
                options.AddPolicy("Reflecting", policy => policy.{|#0:SetIsOriginAllowed(everyone)|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Reflecting'", ""));
    }

    [Fact]
    public async Task PredicateOnlyInDevelopment_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                        policy.{|#0:SetIsOriginAllowed(_ => true)|};
                    else
                        policy.WithOrigins("https://app.contoso.com");
                    policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task UseCorsInlinePolicy_Reports()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.{|#0:SetIsOriginAllowed(_ => true)|}.AllowAnyHeader().{|#1:AllowCredentials()|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The inline policy", ""));
    }

    [Theory]
    [InlineData("origin => origin.EndsWith(\".contoso.com\")")]
    [InlineData("origin => new Uri(origin).Host == \"localhost\"")]
    [InlineData("o => { if (o == \"https://a.contoso.com\") return true; return false; }")]
    [InlineData("IsTrusted")]
    public async Task PredicateThatLooksAtTheOrigin_DoesNotReport(string predicate)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Checked", policy => policy.SetIsOriginAllowed({{predicate}}).AllowCredentials()));

            static bool IsTrusted(string origin) => origin.StartsWith("https://", StringComparison.Ordinal);
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PredicateFromLibrary_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Checked", policy => policy.SetIsOriginAllowed(string.IsNullOrEmpty).AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PredicateReturningTrue_WithoutCredentials_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Public", policy => policy.SetIsOriginAllowed(_ => true).AllowAnyMethod()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PredicateReplacedByWildcardSubdomains_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Subdomains", policy => policy
                    .WithOrigins("https://*.contoso.com")
                    .SetIsOriginAllowed(_ => true)
                    .SetIsOriginAllowedToAllowWildcardSubdomains()
                    .AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginWithPredicateAndCredentials_IsLeftToCors001_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.AllowAnyOrigin().SetIsOriginAllowed(_ => true).AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder SetIsOriginAllowed(Func<string, bool> predicate) => this;
                public CorsPolicyBuilder AllowCredentials() => this;
            }

            public static class Program
            {
                public static void Main() => new CorsPolicyBuilder().SetIsOriginAllowed(_ => true).AllowCredentials();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task AspNetCore8_PredicateReturningTrue_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Reflecting", policy => policy.{|#0:SetIsOriginAllowed(_ => true)|}.{|#1:AllowCredentials()|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            AspNetCoreVersion.Net80,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Reflecting'", ""));
    }

    [Fact]
    public async Task PredicateReturningTrue_ReplacedByALaterAddPolicy_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Reflecting", policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials());
                options.AddPolicy("Reflecting", policy => policy.WithOrigins("https://app.contoso.com").AllowCredentials());
            });
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
