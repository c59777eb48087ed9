using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.AllowAnyOriginOnlyForPublicApisRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class AllowAnyOriginOnlyForPublicApisFixerTests
{
    private const string TrustedOrigins = "cors_analyzers.allowed_origins = https://app.contoso.com, https://admin.contoso.com";

    [Fact]
    public async Task Fix_AllowAnyOrigin_UsesOriginsFromEditorConfig()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Internal", policy => policy.[|AllowAnyOrigin()|].AllowAnyMethod().AllowAnyHeader()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Internal", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowAnyMethod().AllowAnyHeader()));
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_WithoutConfiguration_WritesPlaceholder()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy =>
                    {
                        policy.[|AllowAnyOrigin()|];
                        policy.WithMethods("GET");
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
                        policy.WithOrigins("https://trusted.example.com" /* TODO: list the origins you trust */);
                        policy.WithMethods("GET");
                    }));
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_StarArgumentAndConstructorArgument_AreReplacedByTheOrigins()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Star", policy => policy.[|WithOrigins("*")|].WithMethods("GET"));
                options.AddPolicy("Built", [|new CorsPolicyBuilder("*")|].WithMethods("GET").Build());
            });
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Star", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").WithMethods("GET"));
                options.AddPolicy("Built", new CorsPolicyBuilder("https://app.contoso.com", "https://admin.contoso.com").WithMethods("GET").Build());
            });
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task Fix_AcceptAllPredicate_BecomesWithOrigins()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.[|SetIsOriginAllowed(_ => true)|].AllowAnyHeader());
            """;
        const string fixedSource = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").AllowAnyHeader());
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, TrustedOrigins);
    }

    [Fact]
    public async Task PolicyObjectMembers_HaveNoFix()
    {
        const string source = """
            var policy = new CorsPolicy();
            policy.Origins.[|Add("*")|];
            var other = new CorsPolicy();
            [|other.IsOriginAllowed = _ => true|];
            """;

        await Verify.VerifyCodeFixAsync(source, source, TrustedOrigins);
    }

    [Fact]
    public async Task FixAll_RewritesEveryPolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { "*" };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.[|AllowAnyOrigin()|].WithMethods("GET"));
                options.AddPolicy("Local", policy => policy.[|WithOrigins(origins)|].WithMethods("GET"));
                options.AddPolicy("Collection", policy => policy.[|WithOrigins(["*"])|].WithMethods("GET"));
                options.AddPolicy("Predicate", policy => policy.[|SetIsOriginAllowed(origin => true)|].WithMethods("GET"));
            });
            var app = builder.Build();
            app.UseCors(policy => policy.[|AllowAnyOrigin()|]);
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { "https://app.contoso.com", "https://admin.contoso.com" };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").WithMethods("GET"));
                options.AddPolicy("Local", policy => policy.WithOrigins(origins).WithMethods("GET"));
                options.AddPolicy("Collection", policy => policy.WithOrigins(["https://app.contoso.com", "https://admin.contoso.com"]).WithMethods("GET"));
                options.AddPolicy("Predicate", policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com").WithMethods("GET"));
            });
            var app = builder.Build();
            app.UseCors(policy => policy.WithOrigins("https://app.contoso.com", "https://admin.contoso.com"));
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource, TrustedOrigins);
    }
}
