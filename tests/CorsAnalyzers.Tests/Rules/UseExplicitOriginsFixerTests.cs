using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using AnyOrigin = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;
using EveryOrigin = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotAllowEveryOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class UseExplicitOriginsFixerTests
{
    private const string TrustedOrigins = "cors_analyzers.allowed_origins = https://app.contoso.com, https://admin.contoso.com";

    [Fact]
    public async Task Fix_AllowAnyOrigin_WritesPlaceholderWithoutConfiguration()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.[|AllowAnyOrigin()|].AllowAnyMethod().AllowCredentials()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.WithOrigins("https://trusted.example.com" /* TODO: list the origins you trust */).AllowAnyMethod().AllowCredentials()));
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_UsesOriginsFromEditorConfig()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.[|AllowAnyOrigin()|].AllowCredentials()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials()));
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_KeepsCommentsAndLayoutOfTheChain()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy
                    // Anyone may call us.
                    .[|AllowAnyOrigin()|] // for now
                    .AllowAnyHeader()
                    .AllowCredentials());
            });
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy
                    // Anyone may call us.
                    .WithOrigins("https://app.contoso.com", "https://admin.contoso.com") // for now
                    .AllowAnyHeader()
                    .AllowCredentials());
            });
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_StarArgument_IsReplacedByTheOrigins()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddDefaultPolicy(policy => policy.[|WithOrigins("*")|].AllowCredentials()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials()));
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_StarInArrayInitializer_IsReplacedWhereItIsDeclared()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { "*" };
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.[|WithOrigins(origins)|].AllowCredentials()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { "https://trusted.example.com" /* TODO: list the origins you trust */ };
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.WithOrigins(origins).AllowCredentials()));
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_StarInCollectionExpression()
    {
        const string source = """
            public class Startup
            {
                private static readonly string[] Origins = ["*"];

                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Open", policy => policy.[|WithOrigins(Origins)|].AllowCredentials()));
            }
            """;
        const string fixedSource = """
            public class Startup
            {
                private static readonly string[] Origins = ["https://app.contoso.com", "https://admin.contoso.com"];

                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Open", policy => policy.WithOrigins(Origins).AllowCredentials()));
            }
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_AcceptAllPredicate_BecomesWithOrigins()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Reflecting", policy => policy.[|SetIsOriginAllowed(_ => true)|].AllowCredentials()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Reflecting", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials()));
            """;

        await EveryOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_InBlockLambdaOfStartup()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy =>
                    {
                        policy.[|AllowAnyOrigin()|];
                        policy.AllowCredentials();
                    }));
                }
            }
            """;
        const string fixedSource = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy =>
                    {
                        policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com");
                        policy.AllowCredentials();
                    }));
                }
            }
            """;

        await AnyOrigin.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task FixAll_RewritesEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.[|AllowAnyOrigin()|].AllowCredentials());
                options.AddPolicy("Star", policy => policy.[|WithOrigins("*")|].AllowCredentials());
                options.AddDefaultPolicy(policy => policy.AllowCredentials().[|AllowAnyOrigin()|]);
            });
            var app = builder.Build();
            app.UseCors(policy => policy.[|AllowAnyOrigin()|].AllowCredentials());
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials());
                options.AddPolicy("Star", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials());
                options.AddDefaultPolicy(policy => policy.AllowCredentials().WithOrigins("https://app.contoso.com", "https://admin.contoso.com"));
            });
            var app = builder.Build();
            app.UseCors(policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowCredentials());
            """;

        await AnyOrigin.VerifyFixAllAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task FixAll_AcceptAllPredicates()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.[|SetIsOriginAllowed(_ => true)|].AllowCredentials());
                options.AddPolicy("B", policy => policy.AllowCredentials().[|SetIsOriginAllowed(origin => { return true; })|]);
            });
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.WithOrigins("https://trusted.example.com" /* TODO: list the origins you trust */).AllowCredentials());
                options.AddPolicy("B", policy => policy.AllowCredentials().WithOrigins("https://trusted.example.com" /* TODO: list the origins you trust */));
            });
            """;

        await EveryOrigin.VerifyFixAllAsync(source, fixedSource);
    }
}
