using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.ConfigureMethodsAndHeadersRule,
    CorsAnalyzers.CodeFixes.Rules.AllowMethodsAndHeadersFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class ConfigureMethodsAndHeadersAnalyzerTests
{
    private const string Both = "PUT, PATCH and DELETE requests and of requests with a JSON Content-Type, an Authorization header or any custom header";
    private const string MethodsFail = "PUT, PATCH and DELETE requests";
    private const string HeadersFail = "requests with a JSON Content-Type, an Authorization header or any custom header";
    private const string AddBoth = "WithMethods(...) and WithHeaders(...), or AllowAnyMethod() and AllowAnyHeader()";

    [Fact]
    public async Task OriginsWithoutMethodsOrHeaders_InFluentChain_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.{|#0:WithOrigins("https://app.contoso.com")|}));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods and no request headers", Both, AddBoth));
    }

    [Fact]
    public async Task OriginsWithMethodsOnly_InBlockLambda_ReportsHeaders()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddDefaultPolicy(policy =>
                {
                    policy.{|#0:WithOrigins("https://app.contoso.com")|};
                    policy.WithMethods("GET", "PUT");
                });
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", "no request headers", HeadersFail, "WithHeaders(...) or AllowAnyHeader()"));
    }

    [Fact]
    public async Task OriginsWithHeadersOnly_ReportsMethods()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.{|#0:WithOrigins("https://app.contoso.com")|}.AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods", MethodsFail, "WithMethods(...) or AllowAnyMethod()"));
    }

    [Fact]
    public async Task MethodsAndHeadersConfigured_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Any", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
                options.AddPolicy("Listed", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type"));
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoOrigin_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Empty", policy => policy.AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MethodsOnlyInDevelopment_ReportsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    policy.{|#0:WithOrigins("https://app.contoso.com")|}.AllowAnyHeader();
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.AllowAnyMethod();
                    }
                }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods on some code paths", MethodsFail, "WithMethods(...) or AllowAnyMethod()"));
    }

    [Fact]
    public async Task OriginsFromConfiguration_WithoutMethods_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.{|#0:WithOrigins(origins)|}.AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods", MethodsFail, "WithMethods(...) or AllowAnyMethod()"));
    }

    [Fact]
    public async Task PredicateWithoutHeaders_ReportsOnPredicate()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.{|#0:SetIsOriginAllowed(origin => origin.EndsWith(".contoso.com"))|}.AllowAnyMethod()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no request headers", HeadersFail, "WithHeaders(...) or AllowAnyHeader()"));
    }

    [Fact]
    public async Task MethodsInHelperMethod_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => AllowApiCalls(policy.WithOrigins("https://app.contoso.com"))));
            var app = builder.Build();
            app.Run();

            static void AllowApiCalls(CorsPolicyBuilder policy) => policy.WithMethods("GET", "PUT").WithHeaders("Content-Type");
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OriginsInHelperMethod_WithoutMethods_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", ConfigureApi));
            var app = builder.Build();
            app.Run();

            static void ConfigureApi(CorsPolicyBuilder policy)
            {
                policy.{|#0:WithOrigins("https://app.contoso.com")|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods and no request headers", Both, AddBoth));
    }

    [Fact]
    public async Task BuilderPassedToUnknownCode_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://app.contoso.com");
                Configure?.Invoke(policy);
            }));
            var app = builder.Build();
            app.Run();

            partial class Program
            {
                public static Action<CorsPolicyBuilder>? Configure;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyObject_WithoutMethodsOrHeaders_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.{|#0:Add("https://app.contoso.com")|};
            policy.SupportsCredentials = true;
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'", "no methods and no request headers", Both, "the methods to Methods and the headers to Headers (\"*\" allows any)"));
    }

    [Fact]
    public async Task CorsPolicyObject_WithMethodsAndHeaders_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add("GET");
            policy.Methods.Add("PUT");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyObjectInitializer_WithoutHeaders_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy
            {
                Origins = { {|#0:"https://app.contoso.com"|} },
                Methods = { "GET", "PUT" },
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", "no request headers", HeadersFail, "the headers to Headers (\"*\" allows any)"));
    }

    [Fact]
    public async Task CorsPolicyFromHelperMethod_ConfiguredInAnotherHelper_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", CreateApiPolicy()));
            var app = builder.Build();
            app.Run();

            static CorsPolicy CreateApiPolicy()
            {
                var policy = new CorsPolicy();
                policy.Origins.Add("https://app.contoso.com");
                AllowApiCalls(policy);
                return policy;
            }

            static void AllowApiCalls(CorsPolicy policy)
            {
                policy.Methods.Add("*");
                policy.Headers.Add("*");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyFromHelperMethod_WithoutMethods_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", CreateApiPolicy()));
            var app = builder.Build();
            app.Run();

            static CorsPolicy CreateApiPolicy()
            {
                var policy = new CorsPolicy();
                policy.Origins.{|#0:Add("https://app.contoso.com")|};
                policy.Headers.Add("*");
                return policy;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The policy built here", "no methods", MethodsFail, "the methods to Methods (\"*\" allows any)"));
    }

    [Fact]
    public async Task CorsPolicyListsPassedToUnknownCode_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            Fill(policy.Methods);
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();

            partial class Program
            {
                public static Action<IList<string>> Fill = _ => { };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BuiltPolicyRegistered_ReportsWithItsName()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policyBuilder = new CorsPolicyBuilder();
            policyBuilder.{|#0:WithOrigins("https://app.contoso.com")|}.AllowAnyHeader();
            builder.Services.AddCors(options => options.AddPolicy("Api", policyBuilder.Build()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods", MethodsFail, "WithMethods(...) or AllowAnyMethod()"));
    }

    [Fact]
    public async Task OriginsWithoutMethods_InStartupClass_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddPolicy("Api", policy => policy.{|#0:WithOrigins("https://app.contoso.com")|}.AllowAnyHeader()));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseCors("Api");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods", MethodsFail, "WithMethods(...) or AllowAnyMethod()"));
    }

    [Fact]
    public async Task InlinePolicyInUseCors_OnAspNetCore8_Reports()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.{|#0:WithOrigins("https://app.contoso.com")|}.AllowAnyMethod());
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            AspNetCoreVersion.Net80,
            Verify.Diagnostic().WithLocation(0).WithArguments("The inline policy", "no request headers", HeadersFail, "WithHeaders(...) or AllowAnyHeader()"));
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
                public static void Run() => new CorsPolicyBuilder().WithOrigins("https://app.contoso.com");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.{|#0:WithOrigins("https://app.contoso.com")|}));
            builder.Services.AddCors(options => options.AddPolicy("Typing", policy => policy.WithOrigins("https://app.contoso.com").
            var policyObject = new CorsPolicy { Origins = { , } };
            policyObject.Methods.Add(
            """;

        var test = new CorsTest<ConfigureMethodsAndHeadersRule, AllowMethodsAndHeadersFixer>(source) { CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "no methods and no request headers", Both, AddBoth));
        await test.RunAsync();
    }
}
