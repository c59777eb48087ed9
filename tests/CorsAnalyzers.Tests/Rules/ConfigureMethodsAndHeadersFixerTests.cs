using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.ConfigureMethodsAndHeadersRule,
    CorsAnalyzers.CodeFixes.Rules.AllowMethodsAndHeadersFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class ConfigureMethodsAndHeadersFixerTests
{
    [Fact]
    public async Task Fix_AppendsUsualMethodsAndHeaders()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.[|WithOrigins("https://app.contoso.com")|].AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders("Content-Type", "Authorization").AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_BothBranchesMissMethodsAndHeaders_CompletesEveryBranch()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.{|#0:WithOrigins("http://localhost:5173")|};
                    }
                    else
                    {
                        policy.{|#1:WithOrigins("https://app.contoso.com")|};
                    }
                }));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.WithOrigins("http://localhost:5173").AllowAnyMethod().AllowAnyHeader();
                    }
                    else
                    {
                        policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader();
                    }
                }));
            """;

        var test = new CorsTest<ConfigureMethodsAndHeadersRule, AllowMethodsAndHeadersFixer>(source, fixedSource)
        {
            CodeActionEquivalenceKey = AllowMethodsAndHeadersFixer.AnyEquivalenceKey,
            CodeActionIndex = 1,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "Policy 'Api'",
            "no methods and no request headers",
            "PUT, PATCH and DELETE requests and of requests with a JSON Content-Type, an Authorization header or any custom header",
            "WithMethods(...) and WithHeaders(...), or AllowAnyMethod() and AllowAnyHeader()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_InMultiLineChain_AddsOneCallPerLine()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy
                    .[|WithOrigins("https://app.contoso.com")|]
                    .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .WithMethods("GET", "POST", "PUT", "DELETE")
                    .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_UsesMethodsAndHeadersFromEditorConfig()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.[|WithOrigins("https://app.contoso.com")|];
            }));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
            {
                policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "PATCH").WithHeaders("Content-Type", "X-Request-Id");
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(
            source,
            fixedSource,
            "cors_analyzers.allowed_methods = GET, PATCH\ncors_analyzers.allowed_headers = Content-Type,X-Request-Id");
    }

    [Fact]
    public async Task FixAny_AppendsAllowAnyMethodAndHeader()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.[|WithOrigins("https://app.contoso.com")|]));
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

        var test = new CorsTest<ConfigureMethodsAndHeadersRule, AllowMethodsAndHeadersFixer>(source, fixedSource)
        {
            CodeActionEquivalenceKey = AllowMethodsAndHeadersFixer.AnyEquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_OnCorsPolicyObject_AddsStatements()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.[|Add("https://app.contoso.com")|];
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();

            static void Unused() { }
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add("GET");
            policy.Methods.Add("POST");
            policy.Methods.Add("PUT");
            policy.Methods.Add("DELETE");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();

            static void Unused() { }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_OnCorsPolicyInHelper_AddsStatementsInBlock()
    {
        const string source = """
            public static class CorsPolicies
            {
                public static CorsPolicy CreateApi()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.[|Add("https://app.contoso.com")|];
                    return policy;
                }
            }
            """;
        const string fixedSource = """
            public static class CorsPolicies
            {
                public static CorsPolicy CreateApi()
                {
                    var policy = new CorsPolicy();
                    policy.Origins.Add("https://app.contoso.com");
                    policy.Methods.Add("*");
                    policy.Headers.Add("*");
                    return policy;
                }
            }
            """;

        var test = new CorsTest<ConfigureMethodsAndHeadersRule, AllowMethodsAndHeadersFixer>(source, fixedSource)
        {
            CodeActionEquivalenceKey = AllowMethodsAndHeadersFixer.AnyEquivalenceKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task ObjectInitializer_HasNoFix()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy { Origins = { [|"https://app.contoso.com"|] } }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task FixAll_RewritesEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.[|WithOrigins("https://app.contoso.com")|].AllowAnyHeader());
                options.AddPolicy("Admin", policy => policy.[|WithOrigins("https://admin.contoso.com")|].AllowAnyMethod());
                options.AddDefaultPolicy([|new CorsPolicyBuilder("https://www.contoso.com")|].Build());
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("GET", "POST").AllowAnyHeader());
                options.AddPolicy("Admin", policy => policy.WithOrigins("https://admin.contoso.com").WithHeaders("Content-Type", "Authorization").AllowAnyMethod());
                options.AddDefaultPolicy(new CorsPolicyBuilder("https://www.contoso.com").WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization").Build());
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource, "cors_analyzers.allowed_methods = GET, POST");
    }

    [Fact]
    public async Task FixAllAny_RewritesEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.[|WithOrigins("https://app.contoso.com")|].AllowAnyHeader());
                options.AddPolicy("Admin", policy => policy.[|WithOrigins("https://admin.contoso.com")|]);
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader());
                options.AddPolicy("Admin", policy => policy.WithOrigins("https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader());
            });
            var app = builder.Build();
            app.Run();
            """;

        var test = new CorsTest<ConfigureMethodsAndHeadersRule, AllowMethodsAndHeadersFixer>(source, fixedSource)
        {
            CodeActionEquivalenceKey = AllowMethodsAndHeadersFixer.AnyEquivalenceKey,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        };
        await test.RunAsync();
    }
}
