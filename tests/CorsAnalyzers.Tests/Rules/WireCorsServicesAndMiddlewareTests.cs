using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.WireCorsServicesAndMiddlewareRule,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public class WireCorsServicesAndMiddlewareTests
{
    private const string Library = """
        public static class Library
        {
            public static Microsoft.AspNetCore.Builder.IApplicationBuilder UseCompanyDefaults(this Microsoft.AspNetCore.Builder.IApplicationBuilder app) => app;
            public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddCompanyDefaults(this Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services;
            public static T Configure<T>(T target) => target;
            public static T ConfigureAll<T>(this T target) => target;
        }

        public class Registrar
        {
            public Registrar(Microsoft.Extensions.DependencyInjection.IServiceCollection services) { }
        }

        public class Holder<T>
        {
            public Holder(T value) { }
        }
        """;

    // Endpoint metadata without UseCors

    [Fact]
    public async Task RequireCorsWithoutUseCors_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.MapGet("/", () => "hi").{|#0:RequireCors("Api")|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.CorsMetadataWithoutMiddleware).WithLocation(0).WithArguments("RequireCors(\"Api\")"));
    }

    [Fact]
    public async Task EnableCorsOnControllerWithoutUseCors_Startup_Reports()
    {
        var sources = new[]
        {
            """
            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins("https://app.contoso.com")));
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [{|#0:EnableCors|}]
            public class OrdersController : ControllerBase
            {
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic(Descriptors.CorsMetadataWithoutMiddleware).WithLocation(0).WithArguments("[EnableCors]"));
    }

    private const string ApiCorsAttribute = """
        public sealed class ApiCorsAttribute : Microsoft.AspNetCore.Cors.EnableCorsAttribute
        {
            public ApiCorsAttribute() : base("Api") { }
        }
        """;

    [Theory]
    [InlineData("app.MapGet(\"/\", [{|#0:ApiCors|}] () => \"hi\");", "[ApiCors]")]
    [InlineData("app.MapGet(\"/\", () => \"hi\").WithMetadata({|#0:new ApiCorsAttribute()|});", "new ApiCorsAttribute(...)")]
    public async Task CorsAttributeOfTheAppsOwnWithoutUseCors_Reports(string endpoint, string description)
    {
        var sources = new[]
        {
            $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{endpoint}}
            app.Run();
            """,
            ApiCorsAttribute,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic(Descriptors.CorsMetadataWithoutMiddleware).WithLocation(0).WithArguments(description));
    }

    [Fact]
    public async Task MetadataWhileServicesReachAnotherAssembly_DoesNotReport()
    {
        // AddCompanyDefaults may register an IStartupFilter whose middleware (UseCors among them) runs before the app's.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            builder.Services.AddCompanyDefaults();
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library);
    }

    // UseCors adds CorsMiddleware with UseMiddleware; an app may do the same itself.
    [Theory]
    [InlineData("app.UseMiddleware<CorsMiddleware>();")]
    [InlineData("app.UseMiddleware(typeof(CorsMiddleware));")]
    public async Task MetadataWithTheCorsMiddlewareAddedByUseMiddleware_DoesNotReport(string statement)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{statement}}
            app.MapGet("/", () => "hi").RequireCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorsAttributeOfTheAppsOwnOnAControllerWithoutUseCors_Reports()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [{|#0:ApiCors|}]
            public class OrdersController : ControllerBase
            {
                [DisableCors]
                public string Get() => "[]";
            }
            """,
            ApiCorsAttribute,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic(Descriptors.CorsMetadataWithoutMiddleware).WithLocation(0).WithArguments("[ApiCors]"));
    }

    [Fact]
    public async Task MetadataWithUseCorsInAHelper_DoesNotReport()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseRouting();
            app.UseApiCors();
            app.MapGet("/", () => "hi").RequireCors("Api");
            app.Run();
            """,
            """
            static class Pipeline
            {
                public static void UseApiCors(this IApplicationBuilder app) => app.UseCors();
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources);
    }

    [Theory]
    [InlineData("app.UseCompanyDefaults();")]
    [InlineData("builder.Services.Configure<RouteOptions>(options => options.SuppressCheckForUnhandledSecurityMetadata = true);")]
    [InlineData("builder.Services.AddRouting(options => options.SuppressCheckForUnhandledSecurityMetadata = true);")]
    public async Task MetadataWhilePipelineIsNotAllVisible_DoesNotReport(string statement)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{statement}}
            app.MapGet("/", () => "hi").RequireCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library);
    }

    /// <summary>A referenced project whose startup filter adds the CORS middleware before the app's own pipeline.</summary>
    private const string StartupFilterLibrary = """
        using System;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;

        public class CompanyStartupFilter : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.UseCors();
                next(app);
            };
        }
        """;

    [Theory]
    [InlineData("builder.Services.AddTransient<IStartupFilter, CompanyStartupFilter>();")]
    [InlineData("builder.Services.AddSingleton<IStartupFilter>(new CompanyStartupFilter());")]
    [InlineData("builder.Services.AddTransient(typeof(IStartupFilter), typeof(CompanyStartupFilter));")]
    public async Task MetadataWhileAStartupFilterOfAnotherAssemblyMayAddTheMiddleware_DoesNotReport(string registration)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            {{registration}}
            var app = builder.Build();
            app.MapGet("/", () => "hi").RequireCors("Api");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, StartupFilterLibrary);
    }

    [Fact]
    public async Task MetadataInALibrary_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [EnableCors("Api")]
            public class SharedController : ControllerBase
            {
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The default policy

    [Fact]
    public async Task UseCorsWithoutDefaultPolicy_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.MapGet("/", () => "hi");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.NoDefaultPolicy).WithLocation(0).WithArguments("UseCors()", " such as 'Spa'"));
    }

    [Fact]
    public async Task EnableCorsWithoutNameOrDefaultPolicy_Reports()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/spa", () => "hi").RequireCors("Spa");
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                [{|#0:EnableCors|}]
                public string Get() => "[]";
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources, Verify.Diagnostic(Descriptors.NoDefaultPolicy).WithLocation(0).WithArguments("[EnableCors]", " such as 'Spa'"));
    }

    // [EnableCors] without a name keeps the middleware's own policy: CorsMiddleware replaces it only with a name the
    // metadata gives, so UseCors("Spa") or UseCors(policy => ...) serves the endpoint with that policy, not the default.
    [Theory]
    [InlineData("app.UseCors(\"Spa\");")]
    [InlineData("app.UseCors(builder.Configuration[\"Cors:Policy\"]!);")]
    [InlineData("app.UseCors(policy => policy.WithOrigins(\"https://app.contoso.com\"));")]
    [InlineData("app.UseMiddleware<CorsMiddleware>(\"Spa\");")]
    [InlineData("app.UseCors();\napp.UseCompanyDefaults();")]
    public async Task EnableCorsWithoutNameWhileTheMiddlewareMayNameItsPolicy_DoesNotReport(string useCors)
    {
        var sources = new[]
        {
            $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            {{useCors}}
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class OrdersController : ControllerBase
            {
                [EnableCors]
                public string Get() => "[]";
            }
            """,
        };

        var test = new CorsTest<WireCorsServicesAndMiddlewareRule, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(sources).WithLibrary(Library);
        await test.RunAsync();
    }

    [Fact]
    public async Task UseCorsWithoutDefaultPolicyButEndpointsWithTheirOwn_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "hi").RequireCors("Spa");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // `[ApiCors]` (a subclass of EnableCorsAttribute, or any attribute that is ICorsMetadata) is endpoint metadata too:
    // UseCors() serves its endpoints whatever the default policy.
    [Theory]
    [InlineData("public sealed class ApiCorsAttribute : EnableCorsAttribute { public ApiCorsAttribute() : base(\"Spa\") { } }")]
    [InlineData("public sealed class ApiCorsAttribute : EnableCorsAttribute { public ApiCorsAttribute(string name) : base(name) { } }")]
    [InlineData("public sealed class ApiCorsAttribute : System.Attribute, Microsoft.AspNetCore.Cors.Infrastructure.IEnableCorsAttribute { public string? PolicyName { get; set; } = \"Spa\"; }")]
    public async Task UseCorsWithoutDefaultPolicyButControllersWithACorsAttributeOfTheirOwn_DoesNotReport(string attribute)
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();
            """,
            $$"""
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            {{attribute}}

            [ApiCors{{(attribute.Contains("string name") ? "(\"Spa\")" : "")}}]
            public class OrdersController : ControllerBase
            {
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources);
    }

    [Theory]
    [InlineData("app.MapGet(\"/\", [ApiCors] () => \"hi\");")]
    [InlineData("app.MapGet(\"/\", () => \"hi\").WithMetadata(new ApiCorsAttribute());")]
    public async Task UseCorsWithoutDefaultPolicyButMinimalApisWithACorsAttributeOfTheirOwn_DoesNotReport(string endpoint)
    {
        var sources = new[]
        {
            $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors();
            {{endpoint}}
            app.Run();
            """,
            ApiCorsAttribute,
        };

        await Verify.VerifyAnalyzerAsync(sources);
    }

    [Fact]
    public async Task UseCorsWithoutDefaultPolicyWhileServicesReachAnotherAssembly_DoesNotReport()
    {
        // AddCompanyDefaults may call AddCors(o => o.AddDefaultPolicy(...)): the default policy is not known to be missing.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            builder.Services.AddCompanyDefaults();
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "hi");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library);
    }

    private const string ControllersApp = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
        var app = builder.Build();
        app.{|#0:UseCors()|};
        app.MapControllers();
        app.Run();
        """;

    // EnableCorsAttribute is Inherited = true: a controller gets the [EnableCors("Spa")] of its base class in a package,
    // and UseCors() serves it with "Spa"; a package's own controllers (application parts) and the endpoints it maps are
    // metadata we cannot see either.
    [Theory]
    [InlineData("[EnableCors(\"Spa\")] public abstract class CompanyControllerBase : ControllerBase { }")]
    [InlineData("public abstract class CompanyControllerBase : ControllerBase { [EnableCors(\"Spa\")] public string Get() => \"[]\"; }")]
    [InlineData("public abstract class CompanyControllerBase : ControllerBase { } [EnableCors(\"Spa\")] public class SharedController : ControllerBase { }")]
    public async Task UseCorsWithoutDefaultPolicyButAPackageThatMayGiveEndpointsCorsMetadata_DoesNotReport(string library)
    {
        var sources = new[] { ControllersApp.Replace("{|#0:UseCors()|}", "UseCors()"), OrdersControllerOnTheLibrarysBase };
        foreach (var test in new[] { WithPackage(sources, library, compiled: true), WithPackage(sources, library, compiled: false) })
        {
            await test.RunAsync();
        }
    }

    [Fact]
    public async Task UseCorsWithoutDefaultPolicyWithAPackageThatDoesNotUseCors_Reports()
    {
        var test = WithPackage(new[] { ControllersApp, OrdersControllerOnTheLibrarysBase }, "public abstract class CompanyControllerBase : ControllerBase { }", compiled: true);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(Descriptors.NoDefaultPolicy).WithLocation(0).WithArguments("UseCors()", " such as 'Spa'"));
        await test.RunAsync();
    }

    private const string OrdersControllerOnTheLibrarysBase = """
        public class OrdersController : CompanyControllerBase
        {
        }
        """;

    private static CorsTest<WireCorsServicesAndMiddlewareRule, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> WithPackage(string[] sources, string library, bool compiled)
    {
        var code = "using Microsoft.AspNetCore.Cors;\nusing Microsoft.AspNetCore.Mvc;\n\n" + library;
        var test = new CorsTest<WireCorsServicesAndMiddlewareRule, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>(sources);
        return compiled ? test.WithCompiledLibrary(code) : test.WithLibrary(code);
    }

    [Fact]
    public async Task UseCorsWithoutDefaultPolicyAndEndpointsThatDisableCors_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.MapGet("/", [DisableCors] () => "hi");
            app.MapGet("/other", () => "hi").WithMetadata(new DisableCorsAttribute());
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.NoDefaultPolicy).WithLocation(0).WithArguments("UseCors()", " such as 'Spa'"));
    }

    [Theory]
    [InlineData("options.AddDefaultPolicy(policy => policy.WithOrigins(\"https://app.contoso.com\"))")]
    [InlineData("options.AddDefaultPolicy(new CorsPolicyBuilder(\"https://app.contoso.com\").Build())")]
    [InlineData("options.AddPolicy(builder.Configuration[\"Cors:Policy\"]!, policy => policy.AllowAnyOrigin())")]
    public async Task DefaultPolicyDefinedOrNamesUnknown_DoesNotReport(string configure)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => {{configure}});
            var app = builder.Build();
            app.UseCors();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // CORS services

    [Fact]
    public async Task UseCorsWithoutCorsServices_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            var app = builder.Build();
            app.{|#0:UseCors(policy => policy.WithOrigins("https://app.contoso.com"))|};
            app.MapRazorPages();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.NoCorsServices).WithLocation(0).WithArguments("UseCors"));
    }

    [Fact]
    public async Task UseCorsWithoutCorsServicesWhileOnlyOtherValuesReachALibrary_Reports()
    {
        // Generic library code constructed with other types than the app's services cannot register CORS services.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddRazorPages();
            Library.Configure("name");
            new Holder<int>(1);
            var app = builder.Build();
            app.{|#0:UseCors(policy => policy.WithOrigins("https://app.contoso.com"))|};
            app.MapRazorPages();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library, Verify.Diagnostic(Descriptors.NoCorsServices).WithLocation(0).WithArguments("UseCors"));
    }

    [Fact]
    public async Task UseCorsWithoutCorsServices_Startup_Reports()
    {
        const string source = """
            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddSignalR();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#0:UseCors(policy => policy.WithOrigins("https://app.contoso.com"))|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic(Descriptors.NoCorsServices).WithLocation(0).WithArguments("UseCors"));
    }

    [Theory]
    [InlineData("builder.Services.AddCors();")]
    [InlineData("builder.Services.AddControllers();")]
    [InlineData("builder.Services.AddControllersWithViews();")]
    [InlineData("builder.Services.AddMvc();")]
    [InlineData("builder.Services.AddMvcCore().AddCors();")]
    [InlineData("builder.Services.AddCompanyDefaults();")]
    [InlineData("builder.Services.AddSingleton<ICorsService, CorsService>();")]
    [InlineData("Library.Configure(builder.Services);")]
    [InlineData("builder.Services.ConfigureAll();")]
    [InlineData("new Registrar(builder.Services);")]
    [InlineData("new Holder<IServiceCollection>(builder.Services);")]
    public async Task UseCorsWithServicesRegisteredOrMaybeRegistered_DoesNotReport(string registration)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            {{registration}}
            var app = builder.Build();
            app.UseCors(policy => policy.WithOrigins("https://app.contoso.com"));
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Library);
    }

    [Fact]
    public async Task UseCorsInALibrary_DoesNotReport()
    {
        const string source = """
            public static class Pipeline
            {
                public static IApplicationBuilder UseSpaCors(this IApplicationBuilder app) => app.UseCors("Spa");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task CorrectApp_DoesNotReport()
    {
        var sources = new[]
        {
            """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            builder.Services.AddCors(options =>
            {
                options.AddDefaultPolicy(policy => policy.WithOrigins("https://app.contoso.com"));
                options.AddPolicy("Partners", policy => policy.WithOrigins("https://partner.example"));
            });
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/", () => "hi").RequireCors("Partners");
            app.MapControllers();
            app.Run();
            """,
            """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            [EnableCors]
            public class OrdersController : ControllerBase
            {
                [EnableCors("Partners")]
                public string Get() => "[]";
            }
            """,
        };

        await Verify.VerifyAnalyzerAsync(sources);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public static class App
            {
                public static void UseCors(this object app) { }
                public static void Main() => new object().UseCors();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("app.UseCors(")]
    [InlineData("app.MapGet(\"/\", () => 1).RequireCors(\"Api\"")]
    [InlineData("app.MapGet(\"/\", [EnableCors(] () => 1);")]
    [InlineData("builder.Services.AddCors(o => o.DefaultPolicyName = ); app.UseCors();")]
    public async Task HalfTypedCode_DoesNotThrow(string line)
        => await AnalyzerRunner.AssertNoAnalyzerExceptionAsync("using Microsoft.AspNetCore.Cors;\nvar builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n" + line);

    // Half-typed code: a name that does not resolve makes the call around it (or the call it is) unbound, and what that
    // call does is unknown: the AddCors, AddDefaultPolicy or UseCors the facts would miss, or a call that hands the services
    // or the pipeline on. Seen in a real app: an AddCors whose policy lambda named a type without its `using` reached the
    // registry as no AddCors at all, and CORS011 said that nothing registers the CORS services.
    [Theory]
    [InlineData("builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins({|CS0103:Origins|}.All).AllowAnyHeader().AllowAnyMethod()));\nvar app = builder.Build();\napp.UseCors();")]
    [InlineData("builder.Services.AddCors(o => { o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod()); {|CS0103:Log|}(); });\nvar app = builder.Build();\napp.UseCors(\"Api\");")]
    [InlineData("{|CS0103:Registrar|}.Register(builder.Services);\nvar app = builder.Build();\napp.UseCors(\"Api\");")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod()));\nvar app = builder.Build();\napp.UseCors({|CS0103:Policies|}.Api);\napp.MapGet(\"/orders\", () => 1).RequireCors(\"Api\");")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod()));\nvar app = builder.Build();\napp.{|CS1501:UseCors|}(\"Api\", 1, 2);\napp.MapGet(\"/orders\", () => 1).RequireCors(\"Api\");")]
    [InlineData("builder.Services.AddCors(o => o.AddPolicy(\"Api\", p => p.WithOrigins(\"https://app.contoso.com\").AllowAnyHeader().AllowAnyMethod()));\nvar app = builder.Build();\n{|CS0103:Pipeline|}.Configure(app);\napp.MapGet(\"/orders\", () => 1).RequireCors(\"Api\");")]
    [InlineData("var app = builder.Build();\nvar version = {|CS0103:Versions|}.Current;\napp.UseCors(\"Api\");")]
    public async Task HalfTypedCode_IsNotJudged(string lines)
        => await Verify.VerifyAnalyzerAsync("var builder = WebApplication.CreateBuilder(args);\n" + lines + "\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n");

    [Fact]
    public async Task HalfTypedCode_Startup_IsNotJudged()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            public static class Program
            {
                public static void Main(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
            }

            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddControllers();
                    {|CS0103:Modules|}.Register(services);
                }

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints => endpoints.MapGet("/orders", () => "[]").RequireCors("Api"));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The control for the last case above: the same app without the line that does not bind is judged.
    [Fact]
    public async Task HalfTypedLineRemoved_Reports()
        => await Verify.VerifyAnalyzerAsync(
            "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.{|#0:UseCors(\"Api\")|};\napp.MapGet(\"/\", () => \"ok\");\napp.Run();\n",
            Verify.Diagnostic(Descriptors.NoCorsServices).WithLocation(0).WithArguments("UseCors"));

    // Two apps in one compilation (a second WebApplication for an admin port): the registry's facts are the union of both
    // apps', which only ever makes a finding less likely; neither app is judged against the other's missing pieces.
    [Fact]
    public async Task TwoAppsEachWiredTheirOwnWay_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Spa", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors("Spa");
            app.MapGet("/", () => "hi");

            var adminBuilder = WebApplication.CreateBuilder(args);
            adminBuilder.Services.AddCors(options => options.AddDefaultPolicy(policy => policy.WithOrigins("https://admin.contoso.com")));
            var admin = adminBuilder.Build();
            admin.UseCors();
            admin.MapGet("/admin", () => "hi").RequireCors(policy => policy.WithOrigins("https://admin.contoso.com"));

            await Task.WhenAll(app.RunAsync("http://localhost:5000"), admin.RunAsync("http://localhost:5001"));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
