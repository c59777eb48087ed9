using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.ListMethodsAndHeadersAsBrowsersMatchThemRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteMethodOrHeaderFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class ListMethodsAndHeadersAsBrowsersMatchThemAnalyzerTests
{
    private const string JoinedMethods = "ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a method name, so no request matches it and Chromium rejects the whole preflight response. Pass each method as its own argument";
    private const string JoinedHeaders = "ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a request header name, so no request matches it and Chromium rejects the whole preflight response. Pass each request header as its own argument";
    private const string JoinedExposedHeaders = "ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a header name, so browsers expose none of these headers. Pass each header as its own argument";
    private const string ExposedAny = "ASP.NET Core sends '*' as written, and on requests with credentials, which this policy allows, browsers read it as a header name rather than a wildcard, so scripts see only the CORS-safelisted response headers. List the headers to expose";

    private static string Policy(string calls) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com"){{calls}}));
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public async Task JoinedMethods_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".WithMethods({|#0:"GET,POST"|}).AllowAnyHeader()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "method", "GET,POST", "", JoinedMethods));
    }

    [Fact]
    public async Task JoinedHeaders_WithSpace_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".AllowAnyMethod().WithHeaders("X-Api-Key", {|#0:"Content-Type, Authorization"|})"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "request header", "Content-Type, Authorization", "", JoinedHeaders));
    }

    [Fact]
    public async Task JoinedExposedHeaders_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders({|#0:"X-Total-Count,X-Page"|})"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "exposed header", "X-Total-Count,X-Page", "", JoinedExposedHeaders));
    }

    [Fact]
    public async Task JoinedValue_InArrayAndConstant_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] methods = { [|"PUT,DELETE"|] };
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods(methods)
                .WithHeaders([|Headers.All|])));
            var app = builder.Build();
            app.Run();

            static class Headers
            {
                public const string All = "Content-Type,Authorization";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("patch", "PATCH")]
    [InlineData("Patch", "PATCH")]
    [InlineData("purge", "PURGE")]
    public async Task NonStandardMethodInLowerCase_Reports(string method, string upper)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy($$""".WithMethods("GET", {|#0:"{{method}}"|}).AllowAnyHeader()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "method",
                method,
                "",
                $"browsers compare methods case-sensitively and upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it allows only requests whose code writes '{method}', not '{upper}'. Write '{upper}'"));
    }

    [Theory]
    [InlineData("delete", "DELETE")]
    [InlineData("Put", "PUT")]
    [InlineData("options", "OPTIONS")]
    public async Task StandardMethodInLowerCase_Reports(string method, string upper)
    {
        await Verify.VerifyAnalyzerAsync(
            Policy($$""".WithMethods({|#0:"{{method}}"|}).AllowAnyHeader()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "method",
                method,
                "",
                $"browsers always send {upper} in upper case and compare methods case-sensitively, so it never matches. Write '{upper}'"));
    }

    [Theory]
    [InlineData("\"get\", \"head\", \"post\"")]
    [InlineData("\"GET\", \"PATCH\", \"DELETE\"")]
    [InlineData("\"*\"")]
    public async Task SafelistedOrUpperCaseMethods_DoNotReport(string methods)
    {
        await Verify.VerifyAnalyzerAsync(Policy($".WithMethods({methods}).AllowAnyHeader().AllowCredentials()"));
    }

    [Fact]
    public async Task LowerCaseHeaders_DoNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy(""".AllowAnyMethod().WithHeaders("content-type", "x-api-key").WithExposedHeaders("x-total-count")"""));
    }

    [Fact]
    public async Task AnyAmongOtherHeaders_WithCredentials_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".AllowAnyMethod().WithHeaders({|#0:"*"|}, "Authorization").AllowCredentials()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "request header",
                "*",
                "",
                "ASP.NET Core treats '*' as any request header only when it is the only one and otherwise sends it as written, and on requests with credentials, which this policy allows, browsers read it as a request header name rather than a wildcard. Remove '*', or use AllowAnyHeader() alone"));
    }

    [Fact]
    public async Task AnyAmongOtherMethods_WithCredentials_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".WithMethods("GET").WithMethods({|#0:"*"|}).AllowAnyHeader().AllowCredentials()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "method",
                "*",
                "",
                "ASP.NET Core treats '*' as any method only when it is the only one and otherwise sends it as written, and on requests with credentials, which this policy allows, browsers read it as a method name rather than a wildcard. Remove '*', or use AllowAnyMethod() alone"));
    }

    [Fact]
    public async Task AnyAmongOthers_WithoutCredentials_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy(""".WithMethods("*", "PATCH").WithHeaders("*", "X-Api-Key").WithExposedHeaders("*", "X-Total-Count")"""));
    }

    [Fact]
    public async Task AnyAlone_WithCredentials_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy(""".WithMethods("*").WithHeaders("*").WithExposedHeaders("X-Total-Count").AllowCredentials()"""));
    }

    [Fact]
    public async Task ExposedAny_WithCredentials_Reports()
    {
        await Verify.VerifyAnalyzerAsync(
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders({|#0:"*"|}).AllowCredentials()"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "exposed header", "*", "", ExposedAny));
    }

    [Fact]
    public async Task ExposedAny_CredentialsRemovedAfterwards_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Policy(""".AllowAnyMethod().AllowAnyHeader().AllowCredentials().WithExposedHeaders("*").DisallowCredentials()"""));
    }

    [Fact]
    public async Task ExposedAny_CredentialsOnlyInDevelopment_ReportsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders({|#0:"*"|});
                if (builder.Environment.IsDevelopment())
                {
                    policy.AllowCredentials();
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", "exposed header", "*", " on some code paths", ExposedAny));
    }

    [Fact]
    public async Task JoinedMethods_OnlyOnOneBranch_ReportsWithoutCondition()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyHeader();
                if (builder.Environment.IsDevelopment())
                {
                    policy.WithMethods("GET", "POST");
                }
                else
                {
                    policy.WithMethods({|#0:"GET,POST"|});
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "method", "GET,POST", "", JoinedMethods));
    }

    [Fact]
    public async Task JoinedMethods_ReplacedByAllowAnyMethodOnOnePath_ReportsWhereListed()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://app.contoso.com").AllowAnyHeader().WithMethods({|#0:"GET,POST"|});
                if (builder.Environment.IsDevelopment())
                {
                    policy.AllowAnyMethod();
                }
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "method", "GET,POST", "", JoinedMethods));
    }

    [Fact]
    public async Task ValuesFromConfiguration_DoNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var methods = builder.Configuration["Cors:Methods"]!;
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods(methods)
                .WithHeaders(builder.Configuration.GetSection("Cors:Headers").Get<string[]>()!)
                .AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ExposedAny_WithCredentialsAndUnknownHelper_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class Setup
            {
                public static void Configure(CorsOptions options, System.Action<CorsPolicyBuilder> more)
                    => options.AddPolicy("Api", policy =>
                    {
                        policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("*").AllowCredentials();
                        more(policy);
                    });
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsPolicyObject_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy { SupportsCredentials = true };
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add({|#0:"GET,POST"|});
            policy.Methods.Add({|#1:"patch"|});
            policy.Headers.Add("*");
            policy.ExposedHeaders.Add({|#2:"*"|});
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "method", "GET,POST", "", JoinedMethods),
            Verify.Diagnostic().WithLocation(1).WithArguments(
                "Policy 'Api'",
                "method",
                "patch",
                "",
                "browsers compare methods case-sensitively and upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it allows only requests whose code writes 'patch', not 'PATCH'. Write 'PATCH'"),
            Verify.Diagnostic().WithLocation(2).WithArguments("Policy 'Api'", "exposed header", "*", "", ExposedAny));
    }

    [Fact]
    public async Task CorsPolicyObjectInitializer_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy
            {
                Origins = { "https://app.contoso.com" },
                Methods = { "GET", [|"delete"|] },
                Headers = { [|"Content-Type,Authorization"|] },
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
                        .WithMethods([|"GET, PUT"|])
                        .WithHeaders("Content-Type")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseCors(policy => policy.WithOrigins("https://app.contoso.com").WithMethods([|"patch"|]).AllowAnyHeader());
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BuiltPolicy_Reports()
    {
        const string source = """
            public static class Policies
            {
                public static CorsPolicy Api() => new CorsPolicyBuilder("https://app.contoso.com")
                    .WithMethods("GET")
                    .WithHeaders("Content-Type")
                    .WithExposedHeaders([|"*"|])
                    .AllowCredentials()
                    .Build();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OnAspNetCore8_Reports()
    {
        await Verify.VerifyAnalyzerAsync(Policy(""".WithMethods([|"GET,POST"|]).AllowAnyHeader()"""), AspNetCoreVersion.Net80);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder WithMethods(params string[] methods) => this;
                public CorsPolicyBuilder WithExposedHeaders(params string[] headers) => this;
                public CorsPolicyBuilder AllowCredentials() => this;
            }

            public static class Setup
            {
                public static void Run() => new CorsPolicyBuilder().WithMethods("GET,POST", "patch").WithExposedHeaders("*").AllowCredentials();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").WithMethods({|#0:"GET,POST"|})));
            builder.Services.AddCors(options => options.AddPolicy("Typing", policy => policy.WithMethods("patch", 
            var policyObject = new CorsPolicy { Methods = { [|"GET,"|], , } };
            policyObject.ExposedHeaders.Add(
            """;

        var test = new CorsTest<ListMethodsAndHeadersAsBrowsersMatchThemRule, RewriteMethodOrHeaderFixer>(source) { CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Api'", "method", "GET,POST", "", JoinedMethods));
        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
        await test.RunAsync();
    }
}
