using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.AllowSomeOriginRule,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public class AllowSomeOriginTests
{
    private const string WildcardOnly = ": SetIsOriginAllowedToAllowWildcardSubdomains() matches only the origins listed with WithOrigins(...), and none is listed";

    [Fact]
    public async Task NamedPolicyWithMethodsAndHeadersOnly_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.{|#0:AddPolicy("Api", policy => policy.AllowAnyMethod().AllowAnyHeader())|});
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", ""));
    }

    // Origins added to the registered policy afterwards: CorsOptions.GetPolicy hands the registered CorsPolicy back.
    [Theory]
    [InlineData("builder.Services.PostConfigure<CorsOptions>(o => o.GetPolicy(\"Api\")!.Origins.Add(\"https://app.contoso.com\"));")]
    [InlineData("builder.Services.AddSingleton<IPostConfigureOptions<CorsOptions>, AddOrigins>();")]
    [InlineData("builder.Services.AddSingleton<ICorsPolicyProvider, TenantPolicies>();")]
    public async Task NamedPolicyCompletedLater_DoesNotReport(string statement)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.AllowAnyMethod().AllowAnyHeader()));
            {{statement}}
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();

            sealed class AddOrigins : IPostConfigureOptions<CorsOptions>
            {
                public void PostConfigure(string? name, CorsOptions options) => options.GetPolicy("Api")?.Origins.Add("https://app.contoso.com");
            }

            sealed class TenantPolicies : ICorsPolicyProvider
            {
                public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
                    => Task.FromResult<CorsPolicy?>(new CorsPolicyBuilder("https://app.contoso.com").Build());
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task InlinePolicyWhileRegisteredOnesAreCompletedLater_Reports()
    {
        // GetPolicy reaches registered policies only: UseCors(policy => ...) is built by the middleware itself.
        const string source = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            builder.Services.PostConfigure<CorsOptions>(o => o.GetPolicy("Api")!.Origins.Add("https://admin.contoso.com"));
            var app = builder.Build();
            app.{|#0:UseCors(policy => policy.AllowAnyMethod())|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("The inline policy", ""));
    }

    [Fact]
    public async Task DefaultPolicyWithEmptyLambda_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.{|#0:AddDefaultPolicy(policy => { })|});
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task WildcardSubdomainsWithoutOrigins_SaysWhy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.{|#0:AddPolicy("Tenants", policy => policy.SetIsOriginAllowedToAllowWildcardSubdomains().AllowAnyMethod())|});
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Tenants'", WildcardOnly));
    }

    [Fact]
    public async Task InlinePolicyInUseCors_Startup_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#0:UseCors(policy => policy.AllowCredentials().WithMethods("GET"))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("The inline policy", ""));
    }

    [Fact]
    public async Task RegisteredCorsPolicyObjectWithoutOrigins_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy { SupportsCredentials = true };
            policy.Methods.Add("GET");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithSpan("/0/Program.cs", 2, 14, 2, 59).WithArguments("Policy 'Api'", ""));
    }

    [Theory]
    [InlineData("policy.WithOrigins(\"https://app.contoso.com\")")]
    [InlineData("policy.AllowAnyOrigin()")]
    [InlineData("policy.SetIsOriginAllowed(origin => origin.EndsWith(\".contoso.com\"))")]
    [InlineData("policy.WithOrigins(\"https://*.contoso.com\").SetIsOriginAllowedToAllowWildcardSubdomains()")]
    [InlineData("policy.WithOrigins(builder.Configuration[\"Cors:Origin\"]!)")]
    [InlineData("policy.AddTrustedOrigins()")]
    public async Task PolicyThatAllowsOrMayAllowOrigins_DoesNotReport(string configure)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => {{configure}}.AllowAnyMethod()));

            static class Extensions
            {
                public static CorsPolicyBuilder AddTrustedOrigins(this CorsPolicyBuilder policy) => Library.Configure(policy);
            }

            static class Library
            {
                public static extern CorsPolicyBuilder Configure(CorsPolicyBuilder policy);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OriginsOnOnePathOnly_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                if (builder.Environment.IsDevelopment())
                {
                    policy.WithOrigins("http://localhost:5173");
                }

                policy.AllowAnyMethod();
            }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UnregisteredBuilder_DoesNotReport()
    {
        const string source = """
            var basePolicy = new CorsPolicyBuilder().AllowAnyMethod().AllowAnyHeader();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HelperInAnotherFile_ReportsTheRegistration()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddApiCors();
            """,
            """
            static class CorsSetup
            {
                public static void AddApiCors(this IServiceCollection services)
                    => services.AddCors(options => options.{|#0:AddPolicy("Api", policy => policy.AllowAnyHeader())|});
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", ""));
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder { public CorsPolicyBuilder AllowAnyMethod() => this; }
            public class Options { public void AddPolicy(string name, Action<CorsPolicyBuilder> configure) { } }
            public static class Program { public static void Main() => new Options().AddPolicy("Api", p => p.AllowAnyMethod()); }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Api\", policy => policy.")]
    [InlineData("builder.Services.AddCors(options => options.AddDefaultPolicy(p => { p.SetIsOriginAllowedToAllowWildcardSubdomains(")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(, p => p.AllowAnyHeader()));")]
    public async Task HalfTypedCode_DoesNotThrow(string line)
        => await AnalyzerRunner.AssertNoAnalyzerExceptionAsync("var builder = WebApplication.CreateBuilder(args);\n" + line);

    // CorsOptions.AddPolicy stores the policy under its name (PolicyMap[name] = ...): a later AddPolicy with the same name in
    // the same straight-line code replaces the first, which never applies to a request.
    [Theory]
    [InlineData("options.AddPolicy(\"Api\", policy => policy.AllowAnyMethod());\n    options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("options.AddPolicy(\"Api\", policy => policy.AllowAnyMethod());\n    var origins = new[] { \"https://app.contoso.com\" };\n    options.AddPolicy(ApiPolicy.Name, policy => policy.WithOrigins(origins));")]
    [InlineData("options.AddPolicy(\"Api\", policy => policy.AllowAnyMethod());\n    options.AddPolicy(\"Api\", new CorsPolicyBuilder(\"https://app.contoso.com\").Build());")]
    [InlineData("options.AddPolicy(\"Api\", new CorsPolicyBuilder().AllowAnyMethod().Build());\n    options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("options.AddPolicy(\"Api\", new CorsPolicy { Methods = { \"GET\" } });\n    options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    public async Task NamedPolicyReplacedByALaterAddPolicy_DoesNotReport(string statements)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                {{statements}}
            });
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();

            static class ApiPolicy
            {
                public const string Name = "Api";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The policy that stays registered is judged; one replaced only on some paths, or by another name, is too.
    [Theory]
    [InlineData("options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));\n    options.{|#0:AddPolicy(\"Api\", policy => policy.AllowAnyMethod())|};")]
    [InlineData("options.{|#0:AddPolicy(\"Api\", policy => policy.AllowAnyMethod())|};\n    options.AddPolicy(\"api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("options.{|#0:AddPolicy(\"Api\", policy => policy.AllowAnyMethod())|};\n    if (builder.Environment.IsDevelopment())\n        options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("options.{|#0:AddPolicy(\"Api\", policy => policy.AllowAnyMethod())|};\n    if (builder.Environment.IsDevelopment())\n        return;\n    options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("var kept = {|#0:new CorsPolicyBuilder()|}.AllowAnyMethod().Build();\n    options.AddPolicy(\"Api\", kept);\n    options.AddPolicy(\"Spa\", kept);\n    options.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("options.{|#0:AddPolicy(\"Api\", policy => policy.AllowAnyMethod())|};\n    var other = new CorsOptions();\n    other.AddPolicy(\"Api\", policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    public async Task NamedPolicyNotCertainlyReplaced_Reports(string statements)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                {{statements}}
            });
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", ""));
    }

    [Theory]
    [InlineData("options.AddDefaultPolicy(policy => policy.AllowAnyMethod());\n    options.AddDefaultPolicy(policy => policy.WithOrigins(\"https://app.contoso.com\"));", false)]
    [InlineData("options.{|#0:AddDefaultPolicy(policy => policy.AllowAnyMethod())|};\n    options.DefaultPolicyName = \"Spa\";\n    options.AddDefaultPolicy(policy => policy.WithOrigins(\"https://app.contoso.com\"));", true)]
    [InlineData("options.{|#0:AddDefaultPolicy(policy => policy.AllowAnyMethod())|};\n    Keep(options);\n    options.AddDefaultPolicy(policy => policy.WithOrigins(\"https://app.contoso.com\"));", true)]
    public async Task DefaultPolicyReplacedByALaterAddDefaultPolicy_DoesNotReportUnlessItMayStillServe(string statements, bool reports)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                {{statements}}
            });
            var app = builder.Build();
            app.UseCors();
            app.Run();

            static void Keep(CorsOptions options) { }
            """;

        await Verify.VerifyAnalyzerAsync(source, reports ? new[] { Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", "") } : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }

    // AddCors adds its lambda as a configure action of CorsOptions, and those run in the order they were added: a later
    // AddCors statement on the same services that certainly registers the same name replaces the first policy.
    [Theory]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.AllowAnyMethod()));\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.AllowAnyMethod()));\nbuilder.Services.AddControllers();\nbuilder.Services.AddCors(o =>\n{\n    o.AddPolicy(\"Spa\", p => p.WithOrigins(\"https://spa.contoso.com\"));\n    o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\"));\n});")]
    [InlineData("var services = builder.Services;\nservices.AddCors(options => { options.AddPolicy(\"Api\", p => p.AllowAnyMethod()); });\nservices.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    public async Task NamedPolicyReplacedByALaterAddCors_DoesNotReport(string statements)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{statements}}
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // Replaced only on some paths, under another name, after a configuration that may copy it, or kept by the lambda.
    [Theory]
    [InlineData("builder.Services.AddCors(o => o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|});\nbuilder.Services.AddCors(o => o.AddPolicy(\"api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|});\nbuilder.Services.AddCors(o =>\n{\n    if (builder.Environment.IsDevelopment())\n        o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\"));\n});")]
    [InlineData("builder.Services.AddCors(o => o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|});\nbuilder.Services.Configure<CorsOptions>(o => Keep(o));\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddCors(o =>\n{\n    o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|};\n    Keep(o);\n});\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|});\nif (builder.Environment.IsDevelopment())\n    return;\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\")));\nbuilder.Services.AddCors(o => o.{|#0:AddPolicy(\"Api\", p => p.AllowAnyMethod())|});")]
    public async Task NamedPolicyNotCertainlyReplacedByALaterAddCors_Reports(string statements)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{statements}}
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();

            static void Keep(CorsOptions options) { }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", ""));
    }
}
