using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotCombineAnyOriginWithCredentialsAnalyzerTests
{
    [Fact]
    public async Task AnyOriginWithCredentials_InFluentChain_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.{|#0:AllowAnyOrigin()|}.AllowAnyMethod().{|#1:AllowCredentials()|}));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task AnyOriginWithCredentials_InBlockLambda_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy =>
                {
                    policy.{|#0:AllowAnyOrigin()|};
                    policy.AllowAnyHeader();
                    policy.{|#1:AllowCredentials()|};
                });
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task CredentialsBeforeAnyOrigin_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.{|#1:AllowCredentials()|}.{|#0:AllowAnyOrigin()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task StarInWithOrigins_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddDefaultPolicy(policy => policy.{|#0:WithOrigins({|#2:"*"|})|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task StarFromLocalArray_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { {|#2:"*"|} };
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.{|#0:WithOrigins(origins)|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task StarFromReadonlyFieldAndConstantName_InStartup_Reports()
    {
        const string source = """
            public class Startup
            {
                private const string PolicyName = "Public";
                private static readonly string[] Origins = new[] { {|#2:"*"|} };

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                        options.AddPolicy(PolicyName, policy => policy.{|#0:WithOrigins(Origins)|}.{|#1:AllowCredentials()|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Policy 'Public'", ""));
    }

    [Fact]
    public async Task StarFromConstant_Reports()
    {
        const string source = """
            public class Startup
            {
                private const string AnyOrigin = "*";

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                        options.AddPolicy("Open", policy => policy.{|#0:WithOrigins({|#2:AnyOrigin|})|}.{|#1:AllowCredentials()|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task AnyOriginInOneBranch_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.{|#0:AllowAnyOrigin()|};
                    }
                    else
                    {
                        policy.WithOrigins("https://app.contoso.com");
                    }

                    policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task CredentialsInOneBranch_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    policy.{|#0:AllowAnyOrigin()|};
                    if (builder.Environment.IsProduction())
                        policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    // The same condition twice: a path that took `if (dev)` does not take `if (!dev)`, so the two calls never combine.
    [Theory]
    [InlineData("var dev = builder.Environment.IsDevelopment();", "dev", "!dev")]
    [InlineData("", "builder.Environment.IsDevelopment()", "!builder.Environment.IsDevelopment()")]
    [InlineData("var open = builder.Configuration.GetValue<bool>(\"Cors:Open\");", "open", "!(open)")]
    [InlineData("var open = builder.Configuration.GetValue<bool>(\"Cors:Open\");", "open == true", "open == false")]
    [InlineData("var open = builder.Configuration.GetValue<bool>(\"Cors:Open\");", "open", "open != true")]
    [InlineData("var open = builder.Configuration.GetValue<bool>(\"Cors:Open\");", "open is true", "!open")]
    [InlineData("var open = builder.Configuration.GetValue<bool>(\"Cors:Open\");", "false != open", "open is false")]
    [InlineData("", "builder.Environment.IsDevelopment()", "!builder .Environment\n.IsDevelopment( /* again */ )")]
    // `x != y` is the opposite of `x == y`, and a part of `&&` the path already knows decides it (seen in a real app's
    // settings class: `if (origins.First() == "*") AllowAnyOrigin(); ... if (AllowCredentials && origins.First() != "*")`).
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "origins[0] == \"*\"", "origins[0] != \"*\"")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "origins.First() == \"*\"", "credentials && origins.First() != \"*\"")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "origins.Length > 0 && origins[0] == \"*\"", "credentials && !(origins[0] == \"*\")")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "!(origins[0] != \"*\")", "origins[0] != \"*\" && credentials")]
    // Found in a real app (iwasug/dotnet-modular-monolith): `if (origins.Length > 0 && !origins.Contains("*")) WithOrigins(...)
    // else AllowAnyOrigin();` then `if (allowCredentials && origins.Length > 0 && !origins.Contains("*")) AllowCredentials();`:
    // a conjunction known false is false in any conjunction that holds all its parts, and a disjunction known true is true in
    // any disjunction that holds all its parts.
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "!(origins.Length > 0 && !origins.Contains(\"*\"))", "credentials && origins.Length > 0 && !origins.Contains(\"*\")")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "!(origins.Length > 0 && !origins.Contains(\"*\"))", "!origins.Contains(\"*\") && (origins.Length > 0 && credentials)")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "origins.Length == 0 || origins.Contains(\"*\")", "credentials && origins.Length != 0 && !origins.Contains(\"*\")")]
    [InlineData("var origins = builder.Configuration.GetSection(\"Cors:Origins\").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>(\"Cors:Credentials\");", "origins.Length == 0 || origins.Contains(\"*\")", "!(origins.Length == 0 || origins.Contains(\"*\") || !credentials)")]
    public async Task AnyOriginAndCredentialsUnderOppositeConditions_DoesNotReport(string declaration, string condition, string opposite)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    {{declaration}}
                    if ({{condition}}) policy.AllowAnyOrigin(); else policy.WithOrigins("https://app.contoso.com");
                    if ({{opposite}}) policy.AllowCredentials();
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginAndCredentialsExcludedByAConjunction_Startup_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services) => services.AddSecureCors(Configuration);

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors("DefaultCorsPolicy");
                }
            }

            public static class CorsExtensions
            {
                public static IServiceCollection AddSecureCors(this IServiceCollection services, IConfiguration configuration)
                {
                    var settings = configuration.GetSection("Cors");
                    var allowedOrigins = settings.GetSection("AllowedOrigins").Get<string[]>() ?? Array.Empty<string>();
                    var allowCredentials = settings.GetValue<bool>("AllowCredentials", false);
                    services.AddCors(options => options.AddPolicy("DefaultCorsPolicy", policy =>
                    {
                        if (allowedOrigins.Length > 0 && !allowedOrigins.Contains("*"))
                        {
                            policy.WithOrigins(allowedOrigins);
                        }
                        else
                        {
                            policy.AllowAnyOrigin();
                        }

                        policy.AllowAnyMethod().AllowAnyHeader();
                        if (allowCredentials && allowedOrigins.Length > 0 && !allowedOrigins.Contains("*"))
                        {
                            policy.AllowCredentials();
                        }
                    }));

                    return services;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginAndCredentialsExcludedInASettingsClass_Startup_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void ConfigureServices(IServiceCollection services)
                {
                    var settings = Configuration.GetSection("Cors").Get<CorsSettings>() ?? new CorsSettings();
                    services.AddCors(options => options.AddDefaultPolicy(settings.Build()));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                }
            }

            public class CorsSettings
            {
                public string[] Origins { get; set; } = [];

                public bool AllowCredentials { get; set; }

                public CorsPolicy Build()
                {
                    var policy = new CorsPolicyBuilder();
                    var origins = Origins.Where(origin => !string.IsNullOrWhiteSpace(origin)).ToArray();
                    if (origins.Length > 0)
                    {
                        if (origins.First() == "*") policy.AllowAnyOrigin(); else policy.WithOrigins(origins);
                        if (AllowCredentials && origins.First() != "*") policy.AllowCredentials(); else policy.DisallowCredentials();
                    }

                    return policy.AllowAnyHeader().AllowAnyMethod().Build();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The controls: where what the path knows leaves the second condition open, the two calls may combine.
    [Theory]
    [InlineData("origins[0] == \"*\"", "credentials || origins[0] != \"*\"")]
    [InlineData("origins.Length > 0 || origins[0] == \"*\"", "credentials && origins[0] != \"*\"")]
    [InlineData("origins[0] == \"*\"", "credentials && origins[1] != \"*\"")]
    [InlineData("builder.Configuration.GetValue<bool?>(\"Cors:Open\") == true", "builder.Configuration.GetValue<bool?>(\"Cors:Open\") != false")]
    [InlineData("!(origins.Length > 0 && !origins.Contains(\"*\"))", "credentials && origins.Length > 0")]
    [InlineData("!(origins.Length > 0 && !origins.Contains(\"*\") && credentials)", "origins.Length > 0 && !origins.Contains(\"*\")")]
    [InlineData("origins.Length == 0 || origins.Contains(\"*\")", "credentials || origins.Length != 0 && !origins.Contains(\"*\")")]
    public async Task AnyOriginAndCredentialsUnderConditionsThatMayBothHold_ReportsAsConditional(string condition, string second)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []; var credentials = builder.Configuration.GetValue<bool>("Cors:Credentials");
                    if ({{condition}}) policy.{|#0:AllowAnyOrigin()|}; else policy.WithOrigins("https://app.contoso.com");
                    if ({{second}}) policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task AnyOriginAndCredentialsUnderTheSameCondition_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    var dev = builder.Environment.IsDevelopment();
                    if (dev) policy.{|#0:AllowAnyOrigin()|}; else policy.WithOrigins("https://app.contoso.com");
                    if (dev) policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task SameConditionOnAVariableAssignedAgain_StillForks()
    {
        // `dev` changes between the two ifs: they are not the same condition.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    var dev = builder.Environment.IsDevelopment();
                    if (dev) policy.{|#0:AllowAnyOrigin()|}; else policy.WithOrigins("https://app.contoso.com");
                    dev = !dev;
                    if (dev) policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task AnyOriginInConditionalExpression_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var open = args.Length > 0;
            builder.Services.AddCors(options =>
                options.AddPolicy("Maybe", policy =>
                    (open ? policy.{|#0:AllowAnyOrigin()|} : policy.WithOrigins("https://a.contoso.com")).{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Maybe'", " on some code paths"));
    }

    [Fact]
    public async Task StarInConditionalArgument_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var dev = builder.Environment.IsDevelopment();
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy => policy.{|#0:WithOrigins(dev ? {|#2:"*"|} : "https://app.contoso.com")|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("Policy 'Dev'", " on some code paths"));
    }

    [Fact]
    public async Task ConditionalArgumentWithoutStar_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var dev = builder.Environment.IsDevelopment();
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy => policy.WithOrigins(dev ? "http://localhost:5173" : "https://app.contoso.com").AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginInSwitch_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Switch", policy =>
                {
                    switch (builder.Environment.EnvironmentName)
                    {
                        case "Development":
                            policy.{|#0:AllowAnyOrigin()|};
                            break;
                        default:
                            policy.WithOrigins("https://app.contoso.com");
                            break;
                    }

                    policy.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Switch'", " on some code paths"));
    }

    [Fact]
    public async Task BranchThatReturnsEarly_DoesNotReachCredentials_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Dev", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.AllowAnyOrigin();
                        return;
                    }

                    policy.WithOrigins("https://app.contoso.com").AllowCredentials();
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BranchThatThrows_IsNotAPolicy_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Strict", policy =>
                {
                    policy.AllowAnyOrigin().AllowCredentials();
                    throw new InvalidOperationException("never built");
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseCorsInlinePolicy_Reports()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The inline policy", ""));
    }

    [Fact]
    public async Task RequireCorsInlinePolicy_Reports()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.MapGet("/", () => "hi").RequireCors(policy => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The inline policy", ""));
    }

    [Fact]
    public async Task NewCorsPolicyBuilderInLocal_Reports()
    {
        const string source = """
            var corsBuilder = new CorsPolicyBuilder();
            corsBuilder.{|#0:AllowAnyOrigin()|};
            corsBuilder.AllowAnyHeader();
            corsBuilder.{|#1:AllowCredentials()|};
            var policy = corsBuilder.Build();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task NewCorsPolicyBuilderChain_Reports()
    {
        const string source = """
            var policy = new CorsPolicyBuilder().{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}.Build();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task BuiltPolicyRegisteredByName_NamesThePolicy()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Built", new CorsPolicyBuilder().{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}.Build());
                options.AddDefaultPolicy(new CorsPolicyBuilder().{|#2:WithOrigins({|#4:"*"|})|}.{|#3:AllowCredentials()|}.Build());
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Built'", ""),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithLocation(4).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task NewCorsPolicyBuilderWithStarConstructorArgument_Reports()
    {
        const string source = """
            var policy = {|#0:new CorsPolicyBuilder({|#2:"*"|})|}.{|#1:AllowCredentials()|}.Build();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task AnonymousMethod_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", delegate (CorsPolicyBuilder b)
                {
                    b.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|};
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task ConfigureDelegateInLocal_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            Action<CorsPolicyBuilder> configure = policy => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|};
            builder.Services.AddCors(options => options.AddPolicy("Open", configure));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task HelperMethod_IsFollowed_Reports()
    {
        const string source = """
            public static class CorsSetup
            {
                public static void Register(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Api", policy => ConfigureCors(policy)));

                private static void ConfigureCors(CorsPolicyBuilder policy)
                {
                    policy.{|#0:AllowAnyOrigin()|};
                    policy.{|#1:AllowCredentials()|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Api'", ""));
    }

    [Fact]
    public async Task ExtensionMethodInChain_IsFollowed_Reports()
    {
        const string source = """
            public static class CorsPolicyBuilderExtensions
            {
                public static CorsPolicyBuilder AllowEveryone(this CorsPolicyBuilder policy) => policy.{|#0:AllowAnyOrigin()|};
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddPolicy("Api", policy => policy.AllowEveryone().{|#1:AllowCredentials()|}));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Api'", ""));
    }

    [Fact]
    public async Task MethodGroupAsConfigureDelegate_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(Configure));
                }

                private static void Configure(CorsPolicyBuilder policy) => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task AnyOriginThenWithOrigins_IsNoLongerAnyOrigin_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Listed", policy => policy.AllowAnyOrigin().WithOrigins("https://app.contoso.com").AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithOriginsThenAnyOrigin_ReplacesTheList_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com").{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task DisallowCredentialsAfterAllow_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.AllowCredentials().AllowAnyOrigin().DisallowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginWithoutCredentials_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Public", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ExplicitOriginsWithCredentials_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Trusted", policy => policy.WithOrigins("https://app.contoso.com").AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OriginsFromConfiguration_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
            builder.Services.AddCors(options =>
                options.AddPolicy("Configured", policy => policy.WithOrigins(origins).AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StarNextToRealOrigin_IsNotAnyOrigin_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Mixed", policy => policy.WithOrigins("https://app.contoso.com", "*").AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UserTypeWithSameMethodNames_DoesNotReport()
    {
        const string source = """
            public class MyPolicy
            {
                public MyPolicy AllowAnyOrigin() => this;
                public MyPolicy AllowCredentials() => this;
            }

            public class Startup
            {
                public void Configure() => new MyPolicy().AllowAnyOrigin().AllowCredentials();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OtherBuilderInsideLambda_IsNotThePolicy_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var other = new CorsPolicyBuilder("https://app.contoso.com");
            builder.Services.AddCors(options =>
                options.AddPolicy("Trusted", policy =>
                {
                    policy.WithOrigins("https://app.contoso.com").AllowCredentials();
                    other.AllowAnyOrigin();
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder AllowAnyOrigin() => this;
                public CorsPolicyBuilder AllowCredentials() => this;
            }

            public static class Program
            {
                public static void Main() => new CorsPolicyBuilder().AllowAnyOrigin().AllowCredentials();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task AspNetCore8_AnyOriginWithCredentials_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Open", policy => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|}));
            var app = builder.Build();
            app.UseCors("Open");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            AspNetCoreVersion.Net80,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }

    [Theory]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", policy => policy.AllowAnyOrigin().")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", policy => policy.WithOrigins(")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", policy => { policy.AllowAnyOrigin(); policy.")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", policy => policy.SetIsOriginAllowed(o => ).AllowCredentials()));")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", ));")]
    [InlineData("builder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins(new[] { \"*\", ).AllowCredentials()));")]
    [InlineData("var b = new CorsPolicyBuilder(; b.AllowAnyOrigin().AllowCredentials();")]
    [InlineData("var b = new CorsPolicyBuilder(undefinedPolicy).AllowAnyOrigin().AllowCredentials(true);")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"Open\", Missing));")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = "var builder = WebApplication.CreateBuilder(args);\n" + statement + "\n";
        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
    }

    // AddPolicy builds the policy when it is called, before a later AddPolicy with the same name replaces it: Build() throws
    // for any origin with credentials all the same.
    [Fact]
    public async Task AnyOriginWithCredentials_ReplacedByALaterAddPolicy_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Open", policy => policy.{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|});
                options.AddPolicy("Open", policy => policy.WithOrigins("https://app.contoso.com").AllowCredentials());
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }
}
