using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.UseDefinedPolicyNameRule,
    CorsAnalyzers.CodeFixes.Rules.UseDefinedPolicyNameFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class UseDefinedPolicyNameAnalyzerTests
{
    /// <summary>A referenced project: code of another assembly, which the analyzer cannot read.</summary>
    private const string Library = """
        public static class Library
        {
            public static void AddCompanyPolicies(Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions options) { }
        }
        """;

    [Fact]
    public async Task UseCorsWithTypo_ReportsTheName()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors({|#0:"Fronted"|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "Fronted", "'Frontend'"));
    }

    [Fact]
    public async Task NamesDifferOnlyInCase_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireCors({|#0:"api"|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("RequireCors", "api", "'Api'"));
    }

    [Fact]
    public async Task NoCloseName_ListsTheDefinedNames()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Public", policy => policy.AllowAnyOrigin());
                options.AddPolicy("Admin", policy => policy.WithOrigins("https://admin.contoso.com"));
            });
            var app = builder.Build();
            app.UseCors({|#0:"Partners"|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "Partners", "'Admin', 'Public'"));
    }

    [Fact]
    public async Task NoPolicyDefinedAtAll_SaysToAddIt()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.UseCors({|#0:"Api"|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "Api", "none is defined: add options.AddPolicy(\"Api\", ...)"));
    }

    [Fact]
    public async Task PolicyDefinedInOneFileUsedInAnother_Startup_ReportsTheUse()
    {
        var sources = new[]
        {
            """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddApiCors();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors({|#0:PolicyNames.Spa|});
                }
            }
            """,
            """
            public static class PolicyNames
            {
                public const string Api = "api";
                public static readonly string Spa = "spa";
            }

            public static class CorsSetup
            {
                public static IServiceCollection AddApiCors(this IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy(PolicyNames.Api, policy => policy.WithOrigins("https://app.contoso.com")));
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "spa", "'api'"));
    }

    [Fact]
    public async Task EnableCorsAttributeOnController_Reports()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Partners", policy => policy.WithOrigins("https://partner.example")));
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [EnableCors({|#0:"Partner"|})]
            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                [EnableCors("Partners")]
                public string Get() => "[]";
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic().WithLocation(0).WithArguments("[EnableCors]", "Partner", "'Partners'"));
    }

    [Fact]
    public async Task EnableCorsAttributeOnActionAndLambda_Reports()
    {
        var sources = new[]
        {
            """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Partners", policy => policy.WithOrigins("https://partner.example")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/ping", [EnableCors({|#1:"partner"|})] () => "pong");
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                [HttpGet("/orders")]
                [EnableCors({|#0:"Partner"|})]
                public string Get() => "[]";
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(
            sources,
            Verify.Diagnostic().WithLocation(0).WithArguments("[EnableCors]", "Partner", "'Partners'"),
            Verify.Diagnostic().WithLocation(1).WithArguments("[EnableCors]", "partner", "'Partners'"));
    }

    [Fact]
    public async Task EnableCorsAttributeCreatedInCode_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.MapGet("/", () => "hi").WithMetadata(new EnableCorsAttribute({|#0:"Apj"|}));
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("[EnableCors]", "Apj", "'Api'"));
    }

    [Fact]
    public async Task EnableCorsSubclassNamingAnUndefinedPolicy_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.Run();

            class ApiCorsAttribute : EnableCorsAttribute
            {
                public ApiCorsAttribute()
                    : base({|#0:"Apj"|})
                {
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("[EnableCors]", "Apj", "'Api'"));
    }

    [Theory]
    [InlineData("""base("Api")""")]
    [InlineData("""base()""")]
    [InlineData("""this("Api", 0)""")]
    public async Task EnableCorsSubclassNamingADefinedPolicyOrNone_DoesNotReport(string initializer)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.Run();

            class ApiCorsAttribute : EnableCorsAttribute
            {
                public ApiCorsAttribute()
                    : {{initializer}}
                {
                }

                public ApiCorsAttribute(string name, int order)
                    : base(name)
                {
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AfterThousandsOfDistinctMethods_StillReports()
    {
        // The host's per-method cache starts small and grows: the calls after it grew are still each handed to the models.
        var calls = string.Join("\n", System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, 3000), i => $"Helpers.M{i}();"));
        var methods = string.Join("\n", System.Linq.Enumerable.Select(System.Linq.Enumerable.Range(0, 3000), i => $"    public static void M{i}() {{ }}"));
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{calls}}
            app.UseCors({|#0:"Apj"|});
            app.Run();

            static class Helpers
            {
            {{methods}}
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "Apj", "'Api'"));
    }

    [Fact]
    public async Task DefinedNames_DoNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            const string Api = "Api";
            builder.Services.AddCors(options =>
            {
                options.AddPolicy(Api, policy => policy.WithOrigins("https://app.contoso.com"));
                options.AddPolicy(nameof(Admin), new CorsPolicyBuilder("https://admin.contoso.com").Build());
            });
            var app = builder.Build();
            app.UseCors("Api");
            app.MapGet("/", () => "hi").RequireCors(nameof(Admin)).RequireCors(policy => policy.AllowAnyOrigin());
            app.Run();

            class Admin { }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    /// <summary>A referenced project whose extension methods receive the app's services or host builder (and may add policies).</summary>
    private const string ServicesLibrary = """
        public static class CompanyCors
        {
            public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddCompanyCors(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services;
            public static Microsoft.AspNetCore.Builder.WebApplicationBuilder AddCompanyDefaults(this Microsoft.AspNetCore.Builder.WebApplicationBuilder builder) => builder;
        }
        """;

    [Theory]
    [InlineData("builder.Services.AddCompanyCors();")]
    [InlineData("builder.AddCompanyDefaults();")]
    public async Task ServicesHandedToAnotherAssembly_DoesNotReport(string handOver)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            {{handOver}}
            var app = builder.Build();
            app.UseCors("Company");
            app.MapGet("/", () => "hi").RequireCors("Company");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, ServicesLibrary);
    }

    /// <summary>A referenced project whose types configure the app's CORS options when DI or hosting creates them.</summary>
    private const string OptionsLibrary = """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.Extensions.Options;

        public class CompanyCorsSetup : IConfigureOptions<CorsOptions>
        {
            public void Configure(CorsOptions options) => options.AddPolicy("Company", policy => policy.AllowAnyOrigin());
        }

        public class CompanyPostSetup : IPostConfigureOptions<CorsOptions>
        {
            public void PostConfigure(string? name, CorsOptions options) => options.AddPolicy("Company", policy => policy.AllowAnyOrigin());
        }
        """;

    [Theory]
    [InlineData("builder.Services.AddSingleton<IConfigureOptions<CorsOptions>, CompanyCorsSetup>();")]
    [InlineData("builder.Services.AddSingleton<IPostConfigureOptions<CorsOptions>, CompanyPostSetup>();")]
    [InlineData("builder.Services.ConfigureOptions<CompanyCorsSetup>();")]
    [InlineData("builder.Services.ConfigureOptions(typeof(CompanyCorsSetup));")]
    [InlineData("builder.Services.AddSingleton(typeof(IConfigureOptions<CorsOptions>), typeof(CompanyCorsSetup));")]
    [InlineData("builder.Services.AddSingleton<IConfigureOptions<CorsOptions>>(new CompanyCorsSetup());")]
    public async Task OptionsConfiguredByAnotherAssemblysType_DoesNotReport(string registration)
    {
        var source = $$"""
            using Microsoft.Extensions.Options;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            {{registration}}
            var app = builder.Build();
            app.UseCors("Company");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, OptionsLibrary);
    }

    [Fact]
    public async Task OptionsConfiguredByAnotherAssemblysType_Startup_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors();
                    services.ConfigureOptions<CompanyPostSetup>();
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            [EnableCors("Company")]
            public class OrdersController : ControllerBase
            {
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, OptionsLibrary);
    }

    [Theory]
    [InlineData("foreach (var name in builder.Configuration.GetSection(\"Cors\").GetChildren()) { options.AddPolicy(name.Key, p => p.AllowAnyOrigin()); }")]
    [InlineData("options.AddPolicy(builder.Configuration[\"Cors:Name\"]!, p => p.AllowAnyOrigin());")]
    [InlineData("options.DefaultPolicyName = \"Unknown\";")]
    [InlineData("Library.AddCompanyPolicies(options);")]
    public async Task NamesNotFullyKnown_DoesNotReport(string configure)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => { {{configure}} });
            var app = builder.Build();
            app.UseCors("Unknown");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library);
    }

    [Theory]
    [InlineData("builder.Services.Configure<CorsOptions>(options => options.AddPolicy(\"Other\", p => p.AllowAnyOrigin()));")]
    [InlineData("builder.Services.AddSingleton<ICorsPolicyProvider, TenantPolicyProvider>();")]
    [InlineData("builder.Services.AddSingleton(typeof(ICorsPolicyProvider), typeof(TenantPolicyProvider));")]
    [InlineData("builder.Services.AddCors(ConfigureCors);")]
    public async Task PoliciesFromCodeWeCannotRead_DoesNotReport(string registration)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com")));
            {{registration}}
            var app = builder.Build();
            app.UseCors("Tenant");
            app.Run();

            partial class Program
            {
                static Action<CorsOptions> ConfigureCors = options => { };
            }

            class TenantPolicyProvider : ICorsPolicyProvider
            {
                public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName) => Task.FromResult<CorsPolicy?>(null);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NoAddCorsInTheCompilation_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [EnableCors("DefinedByTheHost")]
            public class SharedController : ControllerBase
            {
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NameThatIsNotAConstant_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors(builder.Configuration["Cors:Policy"]!);
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // ASP.NET Core's docs and templates keep the name in a local (`var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";`),
    // and a real app (Zerq/OmniCatzCB) used it in UseCors with no AddPolicy at all: the local nothing assigns again holds the
    // name. The fix is not offered: the name is not written at the use.
    [Fact]
    public async Task NameInALocalNothingAssignsAgain_Reports()
    {
        const string source = """
            var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors({|#0:MyAllowSpecificOrigins|});
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "_myAllowSpecificOrigins", "'Frontend'"));
    }

    [Fact]
    public async Task NameInALocal_DefinedAndUsed_Startup_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    var policyName = "Frontend";
                    services.AddCors(options => options.AddPolicy(name: policyName, policy => policy.WithOrigins("https://app.contoso.com")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    const string policyName = "Frontend";
                    var name = policyName;
                    app.UseRouting();
                    app.UseCors(name);
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi").RequireCors(name));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("var name = \"Frontend\"; if (builder.Environment.IsDevelopment()) name = \"Dev\";")]
    [InlineData("var name = \"Frontend\"; Rename(ref name);")]
    [InlineData("var name = \"Frontend\"; (name, _) = (\"Dev\", 1);")]
    [InlineData("var name = \"Frontend\"; var other = \"\"; (other, (name, _)) = (\"x\", (\"Dev\", 1));")]
    [InlineData("string name = builder.Configuration[\"Cors:Policy\"] ?? \"Frontend\";")]
    public async Task NameInALocalAssignedAgainOrNotConstant_DoesNotReport(string declaration)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{declaration}}
            builder.Services.AddCors(options => options.AddPolicy("Other", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors(name);
            app.Run();

            partial class Program
            {
                static void Rename(ref string value) => value = "Other";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public static class App
            {
                public static void UseCors(this object app, string name) { }
                public static void Main() => new object().UseCors("Missing");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    // Half-typed code: a policy defined in a call that does not bind is not seen as defined, and a name that does not
    // resolve may be the one used; with any code of the compilation unbound, no name is judged.
    [Theory]
    [InlineData("o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); o.AddPolicy(\"Api\", p => p.WithOrigins({|CS0103:Origins|}.All));")]
    [InlineData("o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); o.AddPolicy({|CS0103:Policies|}.Api, p => p.WithOrigins(\"https://api.contoso.com\"));")]
    [InlineData("o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); o.{|CS1501:AddPolicy|}(\"Api\", p => p.WithOrigins(\"https://api.contoso.com\"), 1);")]
    [InlineData("o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); var version = {|CS0103:Versions|}.Current;")]
    [InlineData("o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); }); var version = {|CS0103:Versions|}.Current; builder.Services.AddCors(o => {")]
    public async Task HalfTypedCode_IsNotJudged(string configure)
        => await Verify.VerifyAnalyzerAsync("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddCors(o => { " + configure + " });\nvar app = builder.Build();\napp.UseCors(\"Api\");\napp.Run();\n");

    // The control for the cases above: the same app without the policy that does not bind is judged.
    [Fact]
    public async Task HalfTypedPolicyRemoved_Reports()
        => await Verify.VerifyAnalyzerAsync(
            "var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddCors(o => { o.AddPolicy(\"Web\", p => p.WithOrigins(\"https://app.contoso.com\")); });\nvar app = builder.Build();\napp.UseCors({|#0:\"Api\"|});\napp.Run();\n",
            Verify.Diagnostic().WithLocation(0).WithArguments("UseCors", "Api", "'Web'"));

    [Theory]
    [InlineData("app.UseCors(\"")]
    [InlineData("app.UseCors(\"Api\"")]
    [InlineData("app.MapGet(\"/\", () => 1).RequireCors(")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://a.com\"))); app.UseCors(Policies.")]
    public async Task HalfTypedCode_DoesNotThrow(string line)
        => await AnalyzerRunner.AssertNoAnalyzerExceptionAsync("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddCors();\nvar app = builder.Build();\n" + line);

    [Theory]
    [InlineData("Fronted", "Frontend", 1)]
    [InlineData("api", "Api", 0)]
    [InlineData("Partners", "Admin", 7)]
    public void EditDistance_CountsEdits(string left, string right, int distance)
        => Assert.Equal(distance, PolicyNameFix.EditDistance(left.ToLowerInvariant(), right.ToLowerInvariant()));

    // Two apps in one compilation: each uses the policy it defines; names are looked up in the union of both apps' policies.
    [Fact]
    public async Task TwoAppsEachUsingItsOwnPolicy_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors("Spa");

            var adminBuilder = WebApplication.CreateBuilder(args);
            adminBuilder.Services.AddCors(options => options.AddPolicy("Admin", policy => policy.WithOrigins("https://admin.contoso.com")));
            var admin = adminBuilder.Build();
            admin.MapGet("/admin", () => "hi").RequireCors("Admin");
            admin.UseCors();

            await Task.WhenAll(app.RunAsync("http://localhost:5000"), admin.RunAsync("http://localhost:5001"));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
