using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.ListMethodsAndHeadersAsBrowsersMatchThemRule,
    CorsAnalyzers.CodeFixes.Rules.RewriteMethodOrHeaderFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class ListMethodsAndHeadersAsBrowsersMatchThemFixerTests
{
    private static string Policy(string calls) => $$"""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com"){{calls}}));
        var app = builder.Build();
        app.Run();
        """;

    [Fact]
    public async Task Fix_SplitsJoinedMethodsIntoArguments()
    {
        await Verify.VerifyCodeFixAsync(
            Policy(""".WithMethods([|"GET,POST, PUT"|]).AllowAnyHeader()"""),
            Policy(""".WithMethods("GET", "POST", "PUT").AllowAnyHeader()"""));
    }

    [Fact]
    public async Task Fix_SplitsJoinedHeadersBetweenOtherArguments()
    {
        await Verify.VerifyCodeFixAsync(
            Policy(""".AllowAnyMethod().WithHeaders("X-Api-Key", [|"Content-Type, Authorization,"|], "X-Request-Id")"""),
            Policy(""".AllowAnyMethod().WithHeaders("X-Api-Key", "Content-Type", "Authorization", "X-Request-Id")"""));
    }

    [Fact]
    public async Task Fix_SplitsJoinedValueInArrayInitializerAndCollectionExpression()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] methods = { [|"PUT,DELETE"|] };
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods(methods)
                .WithExposedHeaders(["X-Total-Count", [|"X-Page,X-Page-Size"|]])
                .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            string[] methods = { "PUT", "DELETE" };
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods(methods)
                .WithExposedHeaders(["X-Total-Count", "X-Page", "X-Page-Size"])
                .AllowAnyHeader()));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task JoinedValueInConstantOrCorsPolicyAdd_HasNoFix()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add([|"GET,POST"|]);
            policy.Headers.Add([|Headers.All|]);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();

            static class Headers
            {
                public const string All = "Content-Type,Authorization";
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Theory]
    [InlineData("\"patch\"", "\"PATCH\"")]
    [InlineData("@\"delete\"", "@\"DELETE\"")]
    [InlineData("\"\"\"Purge\"\"\"", "\"\"\"PURGE\"\"\"")]
    public async Task Fix_UpperCasesTheMethod_KeepingQuoteStyle(string method, string upper)
    {
        await Verify.VerifyCodeFixAsync(
            Policy($".WithMethods(\"GET\", [|{method}|]).AllowAnyHeader()"),
            Policy($".WithMethods(\"GET\", {upper}).AllowAnyHeader()"));
    }

    [Fact]
    public async Task Fix_UpperCasesMethodAddedToCorsPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com");
            policy.Methods.Add([|"patch"|]);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, source.Replace("[|\"patch\"|]", "\"PATCH\""));
    }

    [Fact]
    public async Task Fix_ReplacesExposedAnyWithPlaceholder()
    {
        await Verify.VerifyCodeFixAsync(
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders([|"*"|]).AllowCredentials()"""),
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("X-Example-Header" /* TODO: list the response headers scripts read */).AllowCredentials()"""));
    }

    [Fact]
    public async Task Fix_UsesExposedHeadersFromEditorConfig()
    {
        await Verify.VerifyCodeFixAsync(
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("ETag", [|"*"|]).AllowCredentials()"""),
            Policy(""".AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("ETag", "X-Total-Count", "Location").AllowCredentials()"""),
            "cors_analyzers.exposed_headers = X-Total-Count, Location");
    }

    [Fact]
    public async Task AnyAmongOthersWithCredentials_HasNoFix()
    {
        var source = Policy(""".AllowAnyMethod().WithHeaders([|"*"|], "Authorization").AllowCredentials()""");
        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task FixAll_SplitsEveryJoinedValue()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .WithMethods([|"GET,POST"|], "PATCH")
                    .WithHeaders([|"Content-Type,Authorization"|]));
                options.AddPolicy("Files", policy => policy
                    .WithOrigins("https://files.contoso.com")
                    .WithMethods(new[] { [|"PUT, DELETE"|] })
                    .AllowAnyHeader()
                    .WithExposedHeaders([|"ETag,Location"|]));
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy
                    .WithOrigins("https://app.contoso.com")
                    .WithMethods("GET", "POST", "PATCH")
                    .WithHeaders("Content-Type", "Authorization"));
                options.AddPolicy("Files", policy => policy
                    .WithOrigins("https://files.contoso.com")
                    .WithMethods(new[] { "PUT", "DELETE" })
                    .AllowAnyHeader()
                    .WithExposedHeaders("ETag", "Location"));
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_UpperCasesEveryMethod()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").WithMethods([|"patch"|], [|"delete"|]).AllowAnyHeader());
                options.AddPolicy("Files", policy => policy.WithOrigins("https://files.contoso.com").WithMethods([|"Put"|]).AllowAnyHeader());
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").WithMethods("PATCH", "DELETE").AllowAnyHeader());
                options.AddPolicy("Files", policy => policy.WithOrigins("https://files.contoso.com").WithMethods("PUT").AllowAnyHeader());
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_ListsExposedHeadersInEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders([|"*"|]).AllowCredentials());
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://files.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders(new[] { [|"*"|] }).AllowCredentials());
            });
            var app = builder.Build();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders("ETag").AllowCredentials());
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://files.contoso.com").AllowAnyMethod().AllowAnyHeader().WithExposedHeaders(new[] { "ETag" }).AllowCredentials());
            });
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource, "cors_analyzers.exposed_headers = ETag");
    }
}
