using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotAllowNullOriginRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotAllowNullOriginTests
{
    [Fact]
    public async Task NullOrigin_InFluentChain_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com", {|#0:"null"|}).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Policy 'Api'", ""));
    }

    [Fact]
    public async Task NullOrigin_InDevelopmentOnly_ReportsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader();
                if (builder.Environment.IsDevelopment())
                {
                    policy.WithOrigins({|#0:"NULL"|});
                }
                else
                {
                    policy.SetIsOriginAllowedToAllowWildcardSubdomains();
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task NullOrigin_InCorsPolicyObject_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add([|"null"|]);
            policy.Methods.Add("*");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NullOrigin_InHelperMethodArray_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => AllowLocalFiles(policy)));
            var app = builder.Build();
            app.Run();

            static void AllowLocalFiles(CorsPolicyBuilder policy) => policy.WithOrigins(["https://app.contoso.com", [|"null"|]]).AllowAnyMethod();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("\"https://app.contoso.com\"")]
    [InlineData("\"https://null.contoso.com\"")]
    [InlineData("\"nullable\"")]
    public async Task OtherOrigins_DoNotReport(string origins)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins({{origins}}).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NullOriginFromConfiguration_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins(builder.Configuration["Origin"]!)));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NullOrigin_InStartupClass_OnAspNetCore8_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins([|"null"|])));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.Net80);
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
                public static void Run() => new CorsPolicyBuilder().WithOrigins("null");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins([|"null"|])));
            builder.Services.AddCors(options => options.AddPolicy("Typing", policy => policy.WithOrigins("null", 
            """;

        var test = new CorsTest<DoNotAllowNullOriginRule, RewriteOriginFixer>(source) { CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_RemovesNullArgument()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins([|"null"|], "https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_RemovesCallLeftWithoutOrigins()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy
                    .WithOrigins("https://app.contoso.com")
                    .WithOrigins([|"null"|])
                    .AllowAnyMethod();
                policy.WithOrigins([|"null"|]);
            }));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy
                    .WithOrigins("https://app.contoso.com")
                    .AllowAnyMethod();
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_RemovesEveryNullOrigin()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.Origins.Add([|"null"|]);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy);
                options.AddPolicy("Files", p => p.WithOrigins(new[] { "https://files.contoso.com", [|"null"|] }));
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy);
                options.AddPolicy("Files", p => p.WithOrigins(new[] { "https://files.contoso.com" }));
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }
}
