using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.AllowAnyOriginOnlyForPublicApisRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class AllowAnyOriginOnlyForPublicApisAnalyzerTests
{
    [Fact]
    public async Task AllowAnyOrigin_WithoutCredentials_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Public", policy => policy.{|#0:AllowAnyOrigin()|}.AllowAnyMethod().AllowAnyHeader()));
            var app = builder.Build();
            app.UseCors("Public");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Public'", ""));
    }

    [Fact]
    public async Task StarInWithOrigins_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddDefaultPolicy(policy => policy.{|#0:WithOrigins({|#1:"*"|})|}.WithMethods("GET")));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task StarFromConstantAndReadonlyArray_InStartup_Reports()
    {
        const string source = """
            public class Startup
            {
                private const string AnyOrigin = "*";
                private static readonly string[] Origins = new[] { {|#3:AnyOrigin|} };

                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Constant", policy => policy.{|#0:WithOrigins({|#1:AnyOrigin|})|});
                        options.AddPolicy("Array", policy => policy.{|#2:WithOrigins(Origins)|});
                    });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Constant'", ""),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("Policy 'Array'", ""));
    }

    [Fact]
    public async Task StarInLocalArrayParamsAndCollectionExpression_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            string[] origins = { {|#1:"*"|} };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Local", policy => policy.{|#0:WithOrigins(origins)|});
                options.AddPolicy("Array", policy => policy.{|#2:WithOrigins(new[] { {|#3:"*"|} })|});
                options.AddPolicy("Collection", policy => policy.{|#4:WithOrigins([{|#5:"*"|}])|});
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Local'", ""),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("Policy 'Array'", ""),
            Verify.Diagnostic().WithLocation(4).WithLocation(5).WithArguments("Policy 'Collection'", ""));
    }

    [Fact]
    public async Task NewCorsPolicyBuilderWithStar_Reports()
    {
        const string source = """
            var policy = {|#0:new CorsPolicyBuilder({|#1:"*"|})|}.AllowAnyMethod().Build();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task NewCorsPolicyBuilderThroughUsingAlias_Reports()
    {
        const string source = """
            using Builder = Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Aliased", {|#0:new Builder({|#1:"*"|})|}.AllowAnyHeader().Build()));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Aliased'", ""));
    }

    [Fact]
    public async Task TargetTypedNewCorsPolicyBuilder_Reports()
    {
        const string source = """
            CorsPolicyBuilder corsBuilder = {|#0:new({|#1:"*"|})|};
            corsBuilder.AllowAnyMethod();
            var policy = corsBuilder.Build();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task PolicyObjectOriginsAddStar_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.{|#0:Add({|#1:"*"|})|};
            policy.Methods.Add("GET");
            builder.Services.AddCors(options => options.AddPolicy("Object", policy));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Object'", ""));
    }

    [Fact]
    public async Task AcceptAllPredicate_WithoutCredentials_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Lambda", policy => policy.{|#0:SetIsOriginAllowed(_ => true)|}.AllowAnyMethod());
                options.AddPolicy("Method", policy => policy.{|#1:SetIsOriginAllowed(Origins.Any)|}.AllowAnyMethod());
            });

            static class Origins
            {
                public static bool Any(string origin) => true;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Lambda'", ""),
            Verify.Diagnostic().WithLocation(1).WithArguments("Policy 'Method'", ""));
    }

    [Fact]
    public async Task PolicyObjectAcceptAllPredicate_Reports()
    {
        const string source = """
            var policy = new CorsPolicy();
            {|#0:policy.IsOriginAllowed = _ => true|};
            policy.Methods.Add("GET");
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The policy built here", ""));
    }

    [Fact]
    public async Task AnyOriginOnSomePaths_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var dev = builder.Environment.IsDevelopment();
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Dev", policy =>
                {
                    if (dev)
                    {
                        policy.{|#0:AllowAnyOrigin()|};
                    }
                    else
                    {
                        policy.WithOrigins("https://app.contoso.com");
                    }
                });
                options.AddPolicy("Ternary", policy => policy.{|#1:WithOrigins(dev ? {|#2:"*"|} : "https://app.contoso.com")|});
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Dev'", " on some code paths"),
            Verify.Diagnostic().WithLocation(1).WithLocation(2).WithArguments("Policy 'Ternary'", " on some code paths"));
    }

    [Fact]
    public async Task DisallowCredentialsAfterAllowCredentials_Reports()
    {
        const string source = """
            var app = WebApplication.CreateBuilder(args).Build();
            app.UseCors(policy => policy.{|#0:AllowAnyOrigin()|}.AllowCredentials().DisallowCredentials());
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("The inline policy", ""));
    }

    [Fact]
    public async Task WithCredentials_IsCors001OrCors002_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("AnyOrigin", policy => policy.AllowAnyOrigin().AllowCredentials());
                options.AddPolicy("Star", policy => policy.WithOrigins("*").AllowCredentials());
                options.AddPolicy("Predicate", policy => policy.SetIsOriginAllowed(_ => true).AllowCredentials());
                options.AddPolicy("Object", new CorsPolicy { SupportsCredentials = true, IsOriginAllowed = _ => true });
            });
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CredentialsOnSomePaths_IsCors001_DoesNotReportTheSameCall()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Prod", policy =>
                {
                    policy.AllowAnyOrigin().SetIsOriginAllowed(_ => true);
                    if (builder.Environment.IsProduction())
                    {
                        policy.AllowCredentials();
                    }
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ExplicitOriginsAndCheckingPredicates_DoNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var allowed = new HashSet<string> { "https://app.contoso.com" };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Listed", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod());
                options.AddPolicy("Checked", policy => policy.SetIsOriginAllowed(allowed.Contains).AllowAnyMethod());
                options.AddPolicy("Configured", policy => policy.WithOrigins(builder.Configuration["Origin"]!).AllowAnyMethod());
            });
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StarAmongOtherOrigins_IsNotAnyOrigin_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Mixed", policy => policy.WithOrigins("*", "https://app.contoso.com").AllowAnyMethod()));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AnyOriginReplacedByExplicitOrigins_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Replaced", policy =>
                {
                    policy.AllowAnyOrigin();
                    policy.SetIsOriginAllowed(origin => origin == "https://app.contoso.com");
                    policy.WithOrigins("https://app.contoso.com");
                }));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EnableCorsWithStarName_NamesAPolicy_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/[controller]")]
            [EnableCors("*")]
            public class OrdersController : ControllerBase
            {
                [HttpGet]
                public string Get() => "orders";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task PolicyOfAControllerInAnotherFile_Reports()
    {
        const string program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Public", policy => policy.{|#0:AllowAnyOrigin()|}.WithMethods("GET")));
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();
            """;
        const string controller = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [ApiController]
            [Route("api/[controller]")]
            [EnableCors("Public")]
            public class StatusController : ControllerBase
            {
                [HttpGet]
                public string Get() => "up";
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            new[] { program, controller },
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Public'", ""));
    }

    private const string PolicyFactory = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Policies
        {
            public static CorsPolicy Base() => new CorsPolicyBuilder().{|#0:AllowAnyOrigin()|}.AllowAnyMethod().AllowAnyHeader().Build();
        }
        """;

    // A factory's policy is the registered one only when its callers register it as it is; a caller that clears the
    // origins it allows, or hands the object to code that may, registers another policy (CORS007 reported the factory).
    [Theory]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", Policies.Base()));", true)]
    [InlineData("builder.Services.AddCors(o => o.AddDefaultPolicy(Policies.Base()));", true)]
    [InlineData("var policy = Policies.Base();\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", policy));", true)]
    [InlineData("var unused = nameof(Policies.Base);\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", (Policies.Base())));", true)]
    [InlineData("var policy = Policies.Base();\npolicy.Origins.Clear();\npolicy.Origins.Add(\"https://app.contoso.com\");\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", policy));", false)]
    [InlineData("builder.Services.AddCors(o =>\n{\n    var policy = Policies.Base();\n    policy.Origins.Clear();\n    o.AddPolicy(\"Api\", policy);\n});", false)]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", Policies.Base()));\nPolicies.Base().Origins.Clear();", false)]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", Restrict(Policies.Base())));", false)]
    [InlineData("System.Func<CorsPolicy> make = Policies.Base;\nbuilder.Services.AddCors(o => o.AddPolicy(\"Api\", Restrict(make())));", false)]
    public async Task PolicyAFactoryReturns_ReportsUnlessACallerMayChangeIt(string statements, bool reports)
    {
        var program = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);

            """ + statements + "\n" + """
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();

            static CorsPolicy Restrict(CorsPolicy policy)
            {
                policy.Origins.Clear();
                policy.Origins.Add("https://app.contoso.com");
                return policy;
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            new[] { program, reports ? PolicyFactory : PolicyFactory.Replace("{|#0:AllowAnyOrigin()|}", "AllowAnyOrigin()") },
            reports ? new[] { Verify.Diagnostic().WithLocation(0).WithArguments("The policy built here", "") } : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }

    [Theory]
    [InlineData("options.AddPolicy(\"Api\", Policies.Base())", true)]
    [InlineData("{ var policy = Policies.Base(); policy.Origins.Clear(); policy.Origins.Add(\"https://app.contoso.com\"); options.AddPolicy(\"Api\", policy); }", false)]
    public async Task PolicyAFactoryReturns_InStartup_ReportsUnlessACallerMayChangeIt(string configure, bool reports)
    {
        var startup = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options =>
            """ + " " + configure + ");\n" + """

                public void Configure(IApplicationBuilder app) => app.UseCors("Api");
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            new[] { startup, reports ? PolicyFactory : PolicyFactory.Replace("{|#0:AllowAnyOrigin()|}", "AllowAnyOrigin()") },
            reports ? new[] { Verify.Diagnostic().WithLocation(0).WithArguments("The policy built here", "") } : System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>());
    }

    [Fact]
    public async Task BuilderHandedToAnotherAssembly_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Shared", policy => Library.CorsDefaults.Apply(policy.AllowAnyOrigin())));
            """;
        const string library = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            namespace Library;

            public static class CorsDefaults
            {
                public static void Apply(CorsPolicyBuilder policy) => policy.AllowCredentials();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, library);
    }

    [Fact]
    public async Task HelperInSource_IsFollowed_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Helper", policy => CorsDefaults.Apply(policy)));

            static class CorsDefaults
            {
                public static void Apply(CorsPolicyBuilder policy) => policy.{|#0:AllowAnyOrigin()|}.AllowAnyMethod();
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Helper'", ""));
    }

    [Fact]
    public async Task AspNetCore8_AllowAnyOrigin_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddDefaultPolicy(policy => policy.{|#0:AllowAnyOrigin()|}));
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            AspNetCoreVersion.Net80,
            Verify.Diagnostic().WithLocation(0).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder AllowAnyOrigin() => this;
                public CorsPolicyBuilder WithOrigins(params string[] origins) => this;
            }

            public static class Program
            {
                public static void Main() => new CorsPolicyBuilder().AllowAnyOrigin().WithOrigins("*");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.AllowAnyOrigin(")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.WithOrigins(\"*\", )))")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(_ => )))")]
    [InlineData("var p = new CorsPolicyBuilder(\"*\"")]
    [InlineData("CorsPolicyBuilder p = new(")]
    [InlineData("var policy = new CorsPolicy(); policy.Origins.Add(")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
        => await AnalyzerRunner.AssertNoAnalyzerExceptionAsync("var builder = WebApplication.CreateBuilder(args);\n" + statement);
}
