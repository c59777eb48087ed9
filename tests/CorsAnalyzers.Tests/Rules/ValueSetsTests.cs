using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Credentials = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;
using MethodsAndHeaders = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.ConfigureMethodsAndHeadersRule,
    CorsAnalyzers.CodeFixes.Rules.AllowMethodsAndHeadersFixer>;
using NeverMatch = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotListOriginsThatNeverMatchRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteOriginFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>The value reader's sets: every list a WithOrigins argument may be, each one path of the policy.</summary>
public class ValueSetsTests
{
    private static string Policy(string declarations, string origins) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{declarations}}
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.{|#0:WithOrigins({{origins}})|}.AllowCredentials()));
        var app = builder.Build();
        app.Run();
        """;

    private static DiagnosticResult OnSomePaths()
        => Credentials.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Policy 'Api'", " on some code paths");

    [Theory]
    [InlineData("""builder.Environment.IsDevelopment() ? "*" : "https://app.contoso.com" """)]
    [InlineData("""builder.Configuration["Cors:Origin"] ?? "*" """)]
    [InlineData("""builder.Configuration.GetValue<string>("Cors:Origin", "*")! """)]
    [InlineData("""builder.Environment.EnvironmentName switch { "Development" => "*", _ => "https://app.contoso.com" }""")]
    public async Task StringAlternatives_AnyOriginOnOneBranch_ReportsOnSomePaths(string origin)
    {
        await Credentials.VerifyAnalyzerAsync(Policy(string.Empty, origin), OnSomePaths());
    }

    [Theory]
    [InlineData("""builder.Configuration.GetSection("App:CorsOrigins").Get<string[]>() ?? new[] { "*" }""")]
    [InlineData("""builder.Configuration.GetSection("App:CorsOrigins")?.Get<string[]>() ?? new[] { "*" }""")]
    [InlineData("""builder.Environment.IsDevelopment() ? new[] { "*" } : new[] { "https://app.contoso.com" }""")]
    [InlineData("""builder.Environment.EnvironmentName switch { "Development" => new[] { "*" }, _ => new[] { "https://app.contoso.com" } }""")]
    [InlineData("""builder.Environment.IsDevelopment() ? ["*"] : ["https://app.contoso.com"]""")]
    public async Task ListAlternatives_AnyOriginOnOneBranch_ReportsOnSomePaths(string origins)
    {
        await Credentials.VerifyAnalyzerAsync(Policy(string.Empty, origins), OnSomePaths());
    }

    [Fact]
    public async Task LocalAssignedOnSeveralPaths_ReportsOnSomePaths()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy(
                """
                string[] origins;
                if (builder.Environment.IsDevelopment())
                {
                    origins = new[] { "*" };
                }
                else
                {
                    origins = new[] { "https://app.contoso.com" };
                }
                """,
                "origins"),
            OnSomePaths());
    }

    [Fact]
    public async Task LocalReassignedBeforeTheCall_ReportsOnSomePaths()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy(
                """
                var origin = "https://app.contoso.com";
                if (builder.Environment.IsDevelopment())
                {
                    origin = "*";
                }
                """,
                "origin"),
            OnSomePaths());
    }

    [Theory]
    [InlineData("""var origin = "*";""", "origin = \"https://app.contoso.com\";", "origin")]
    [InlineData("""string[] origins = { "*" };""", "origins = new[] { \"https://app.contoso.com\" };", "origins")]
    [InlineData("""var origin = "*"; origin = "https://old.contoso.com";""", "origin = \"https://app.contoso.com\";", "origin")]
    public async Task InitializerReplacedOnEveryPath_IsDead(string declaration, string assignment, string origins)
    {
        // The assignment is a statement of the block that declares the local: every path to the policy runs it.
        const string template = """
            var builder = WebApplication.CreateBuilder(args);
            {0}
            {1}
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins({2}).AllowCredentials()));
            var app = builder.Build();
            app.Run();
            """;

        await Credentials.VerifyAnalyzerAsync(string.Format(template, declaration, assignment, origins));
    }

    [Fact]
    public async Task AssignmentOnEveryPath_ThenOnSomePaths_ReportsOnSomePaths()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy(
                """
                var origin = "*";
                origin = "https://app.contoso.com";
                if (builder.Environment.IsDevelopment())
                {
                    origin = "*";
                }
                """,
                "origin"),
            OnSomePaths());
    }

    [Fact]
    public async Task AssignmentInANestedBlock_DoesNotHideTheInitializer()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy(
                """
                var origin = "*";
                if (!builder.Environment.IsDevelopment())
                {
                    origin = "https://app.contoso.com";
                }
                """,
                "origin"),
            OnSomePaths());
    }

    [Fact]
    public async Task GotoPastTheAssignment_KeepsTheInitializer()
    {
        // With an argument the program jumps over the assignment: the policy then lists "*" with credentials.
        await Credentials.VerifyAnalyzerAsync(
            Policy(
                """
                var origin = "*";
                if (args.Length > 0) goto configure;
                origin = "https://app.contoso.com";
                configure:
                """,
                "origin"),
            OnSomePaths());
    }

    [Fact]
    public async Task LocalAssignedAfterTheCall_DoesNotCount()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origin = "https://app.contoso.com";
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins(origin).AllowCredentials()));
            origin = "*";
            var app = builder.Build();
            app.Run();
            """;

        await Credentials.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task LocalPassedByRef_IsNotFollowed()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origin = "*";
            Configure(ref origin);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins(origin).AllowCredentials()));
            var app = builder.Build();
            app.Run();

            static void Configure(ref string origin) => origin = "https://app.contoso.com";
            """;

        await Credentials.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EveryBranchExplicit_DoesNotReport()
    {
        await Credentials.VerifyAnalyzerAsync(
            Policy(string.Empty, """builder.Environment.IsDevelopment() ? "http://localhost:4200" : "https://app.contoso.com" """));
    }

    [Fact]
    public async Task ConstantSplit_JudgesEachPart()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins({|#0:"https://a.contoso.com,https://b.contoso.com/".Split(',')|}).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """,
            NeverMatch.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "https://b.contoso.com/",
                "",
                "browsers send an origin without a path, query, fragment or trailing slash; write 'https://b.contoso.com'"));
    }

    [Fact]
    public async Task CommaJoinedLiteral_ReportsWithoutFix()
    {
        await NeverMatch.VerifyAnalyzerAsync(
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.WithOrigins({|#0:"https://a.contoso.com,https://b.contoso.com"|}).AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """,
            NeverMatch.Diagnostic().WithLocation(0).WithArguments(
                "Policy 'Api'",
                "https://a.contoso.com,https://b.contoso.com",
                "",
                "it is a comma-joined list passed as one origin, and ASP.NET Core compares the whole string with the request's Origin. Pass each origin as its own argument"));
    }

    [Fact]
    public async Task UnresolvedCondition_BothBranchesCount()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if ({|CS0103:AppSettings|}.AllowCors.Any(c => c == "*"))
                    {
                        policy.{|#0:AllowAnyOrigin()|};
                    }
                    else
                    {
                        policy.{|#1:WithOrigins({|CS0103:AppSettings|}.AllowCors)|};
                    }
                }));
            var app = builder.Build();
            app.Run();
            """;

        const string noMethodsOrHeaders = "PUT, PATCH and DELETE requests and of requests with a JSON Content-Type, an Authorization header or any custom header";
        const string add = "WithMethods(...) and WithHeaders(...), or AllowAnyMethod() and AllowAnyHeader()";
        await MethodsAndHeaders.VerifyAnalyzerAsync(
            source,
            MethodsAndHeaders.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Api'", "no methods and no request headers", noMethodsOrHeaders, add));
    }

    [Fact]
    public async Task UnresolvedCondition_FixCompletesBothBranches()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if ({|CS0103:AppSettings|}.AllowCors.Any(c => c == "*"))
                    {
                        policy.{|CORS004:AllowAnyOrigin()|};
                    }
                    else
                    {
                        policy.WithOrigins({|CS0103:AppSettings|}.AllowCors);
                    }
                }));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if ({|CS0103:AppSettings|}.AllowCors.Any(c => c == "*"))
                    {
                        policy.AllowAnyOrigin().WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders("Content-Type", "Authorization");
                    }
                    else
                    {
                        policy.WithOrigins({|CS0103:AppSettings|}.AllowCors).WithMethods("GET", "POST", "PUT", "DELETE").WithHeaders("Content-Type", "Authorization");
                    }
                }));
            var app = builder.Build();
            app.Run();
            """;

        await MethodsAndHeaders.VerifyCodeFixAsync(source, fixedSource);
    }

    // Found in a real app (DucTamDev/NDTCore.Identity): `Get<string[]>() ?? new[] { "*" }`, then `if (origins.Contains("*"))
    // AllowAnyOrigin() else WithOrigins(origins).AllowCredentials()`. The list WithOrigins gets never holds "*": the
    // condition the branch runs under excludes the fallback.
    private static string Guarded(string declaration, string condition, bool listWhenTrue, string value = "origins") => $$"""
        var builder = WebApplication.CreateBuilder(args);
        {{declaration}}
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy =>
            {
                if ({{condition}})
                {
                    {{(listWhenTrue ? $"policy.{{|#0:WithOrigins({value})|}}.AllowCredentials();" : "policy.AllowAnyOrigin();")}}
                }
                else
                {
                    {{(listWhenTrue ? "policy.AllowAnyOrigin();" : $"policy.{{|#0:WithOrigins({value})|}}.AllowCredentials();")}}
                }
            }));
        var app = builder.Build();
        app.Run();
        """;

    private const string OriginsWithFallback = """var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? new[] { "*" };""";

    private const string OriginWithFallback = """var origin = builder.Configuration["Cors:Origin"] ?? "*";""";

    [Theory]
    [InlineData(OriginsWithFallback, """origins.Contains("*")""", false, "origins")]
    [InlineData(OriginsWithFallback, """MemoryExtensions.Contains<string>(origins, "*")""", false, "origins")]
    [InlineData(OriginsWithFallback, """origins.Any(o => o == "*")""", false, "origins")]
    [InlineData(OriginsWithFallback, """origins.Any(o => "*" == o)""", false, "origins")]
    [InlineData(OriginsWithFallback, """!origins.Contains("*")""", true, "origins")]
    [InlineData(OriginsWithFallback, """origins.Length == 0 || origins.Contains("*")""", false, "origins")]
    [InlineData(OriginsWithFallback, """origins.Length > 0 && !origins.Contains("*")""", true, "origins")]
    [InlineData(OriginWithFallback, """origin == "*" """, false, "origin")]
    [InlineData(OriginWithFallback, """origin != "*" """, true, "origin")]
    [InlineData(OriginWithFallback, """origin is "*" """, false, "origin")]
    [InlineData(OriginWithFallback, """string.IsNullOrEmpty(origin) || origin == "*" """, false, "origin")]
    public async Task AnyOriginExcludedByTheBranchCondition_DoesNotReport(string declaration, string condition, bool listWhenTrue, string value)
    {
        await Credentials.VerifyAnalyzerAsync(Guarded(declaration, condition, listWhenTrue, value).Replace("{|#0:", string.Empty).Replace(")|}", ")"));
    }

    // The controls: the condition tests another value or another origin, holds where "*" is in the list, or says nothing
    // of the branch the list is in: the list may still hold "*" with credentials.
    [Theory]
    [InlineData(OriginsWithFallback + """ var others = new[] { "https://app.contoso.com" };""", """others.Contains("*")""", false)]
    [InlineData(OriginsWithFallback, """origins.Contains("*")""", true)]
    [InlineData(OriginsWithFallback, """origins.Contains("https://app.contoso.com")""", false)]
    [InlineData(OriginsWithFallback, """origins.Length == 0 && !origins.Contains("*")""", false)]
    [InlineData(OriginsWithFallback, """origins.Any(o => o != "*")""", false)]
    public async Task AnyOriginNotExcludedByTheBranchCondition_ReportsOnSomePaths(string declaration, string condition, bool listWhenTrue)
    {
        await Credentials.VerifyAnalyzerAsync(Guarded(declaration, condition, listWhenTrue), OnSomePaths());
    }

    [Fact]
    public async Task AnyOriginExcludedByTheBranchCondition_InAServicesExtension_Startup_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services) => services.AddCorsConfiguration(Configuration);

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors("DefaultCorsPolicy");
                }
            }

            public static class CorsConfiguration
            {
                public static IServiceCollection AddCorsConfiguration(this IServiceCollection services, IConfiguration configuration)
                {
                    var allowedOrigins = configuration.GetSection("AllowedOrigins").Get<string[]>()
                        ?? new[] { "*" };

                    services.AddCors(options =>
                    {
                        options.AddPolicy("DefaultCorsPolicy", policy =>
                        {
                            if (allowedOrigins.Contains("*"))
                            {
                                policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader();
                            }
                            else
                            {
                                policy.WithOrigins(allowedOrigins).AllowAnyMethod().AllowAnyHeader().AllowCredentials();
                            }
                        });
                    });

                    return services;
                }
            }
            """;

        await Credentials.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("""origins.Contains(""")]
    [InlineData("""origins.Any(o => o == """)]
    [InlineData("""origins.Any(o => {|CS0103:p|} == "*")""")]
    [InlineData("""!{|CS0103:origin|}.Contains("*")""")]
    [InlineData("""origins is""")]
    public async Task HalfTypedGuards_DoNotThrow(string condition)
    {
        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(Guarded(OriginsWithFallback, condition, listWhenTrue: false).Replace("{|#0:", string.Empty).Replace(")|}", ")").Replace("{|CS0103:", string.Empty).Replace("|}", string.Empty));
    }

    [Fact]
    public async Task AnyOriginAssignedInTheGuardedBranch_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origin = builder.Configuration["Cors:Origin"] ?? "https://app.contoso.com";
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy =>
                {
                    if (origin != "*")
                    {
                        origin = "*";
                        policy.{|#0:WithOrigins(origin)|}.AllowCredentials();
                    }
                }));
            var app = builder.Build();
            app.Run();
            """;

        await Credentials.VerifyAnalyzerAsync(source, OnSomePaths());
    }

    [Theory]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins").Get<string[]>(""")]
    [InlineData("""builder.Configuration.GetSection("Cors:Origins"). ?? new[] { "*" }""")]
    [InlineData("""builder.Configuration["Cors:Origins"].Split(""")]
    [InlineData("""builder.Configuration[""")]
    [InlineData("""x ? new[] { "*" } : """)]
    [InlineData("""builder.Environment.EnvironmentName switch { "Development" => """)]
    public async Task HalfTypedValueSets_DoNotThrow(string origins)
    {
        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(Policy(string.Empty, origins).Replace("{|#0:", string.Empty).Replace(")|}", ")"));
    }
}
