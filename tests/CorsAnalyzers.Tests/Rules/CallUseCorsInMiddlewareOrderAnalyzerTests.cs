using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CallUseCorsInMiddlewareOrderRule,
    CorsAnalyzers.CodeFixes.Rules.ReorderUseCorsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class CallUseCorsInMiddlewareOrderAnalyzerTests
{
    [Fact]
    public async Task UseCorsAfterUseAuthorization_MinimalHosting_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseRouting();
            app.{|#1:UseAuthorization()|};
            app.{|#0:UseCors("Spa")|};
            app.MapGet("/", () => "hi");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors(\"Spa\") is called after UseAuthorization(); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors(\"Spa\") before UseAuthorization()."));
    }

    [Fact]
    public async Task UseCorsBetweenUseAuthenticationAndUseAuthorization_MinimalHosting_DoesNotReport()
    {
        // The authentication middleware passes every request on, and the 401 of authorization carries the CORS headers
        // (tests/CorsAnalyzers.BrowserTests, AuthenticationBeforeCors.cs).
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseAuthentication();
            app.UseCors();
            app.UseAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseCorsAfterUseAuthorization_WithRequireCors_ReportsRejectedPreflight()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.{|#1:UseAuthorization()|};
            app.{|#0:UseCors()|};
            app.MapGet("/orders", () => "[]").RequireAuthorization().RequireCors("Spa");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseAuthorization() and endpoints declare CORS metadata; authorization rejects the preflight OPTIONS requests of endpoints that require it before CORS answers, so every cross-origin request to them that needs a preflight (PUT, a JSON body, an Authorization header) fails, even with valid credentials, and their 401 and 403 responses carry no CORS headers. Call UseCors() before UseAuthorization()."));
    }

    [Fact]
    public async Task UseCorsAfterUseAuthorization_StartupConfigure_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.{|#1:UseAuthorization()|};
                    app.{|#0:UseCors()|};
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task UseCorsAfterUseResponseCaching_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddResponseCaching();
            var app = builder.Build();
            app.{|#1:UseResponseCaching()|};
            app.{|#0:UseCors()|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseResponseCaching(); responses served from the cache skip the CORS middleware, so they carry no CORS headers, or those of another origin. Call UseCors() before UseResponseCaching()."));
    }

    [Fact]
    public async Task UseCorsAfterUseOutputCache_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddOutputCache();
            var app = builder.Build();
            app.{|#1:UseOutputCache()|};
            app.{|#0:UseCors()|};
            app.MapGet("/", () => "hi").CacheOutput();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors()", "UseOutputCache()", CallUseCorsInMiddlewareOrderRule.CachingReason));
    }

    [Fact]
    public async Task UseCorsAfterUseEndpoints_Startup_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#1:UseEndpoints(endpoints => endpoints.MapControllers())|};
                    app.{|#0:UseCors()|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseEndpoints(); the requests it answers never reach the CORS middleware, so their responses carry no CORS headers. Call UseCors() before UseEndpoints()."));
    }

    [Fact]
    public async Task UseCorsAfterTerminalRun_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|#1:Run(context => context.Response.WriteAsync("hi"))|};
                    app.{|#0:UseCors()|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors()", "Run()", CallUseCorsInMiddlewareOrderRule.TerminalReason));
    }

    [Fact]
    public async Task WebApplicationRunAfterUseCors_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseCors();
            app.MapGet("/", () => "hi");
            app.Run("http://localhost:5000");
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DocumentedOrder_Startup_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors();
                    services.AddAuthentication();
                    services.AddAuthorization();
                    services.AddControllers();
                    services.AddResponseCaching();
                }

                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    if (env.IsDevelopment())
                    {
                        app.UseDeveloperExceptionPage();
                    }

                    app.UseRouting();
                    app.UseCors();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.UseResponseCaching();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task DocumentedOrder_MinimalHosting_MapAnywhere_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            builder.Services.AddControllers();
            var app = builder.Build();
            app.MapControllers();
            app.UseRouting();
            app.UseCors();
            app.MapGet("/", () => "hi").RequireCors("Spa");
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapControllers();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseCorsAfterUseAuthenticationInDevelopmentBlock_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            var app = builder.Build();
            if (app.Environment.IsDevelopment())
            {
                app.UseAuthentication();
            }

            app.UseCors();
            app.UseAuthentication();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseCorsInBlockAfterUseAuthorization_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
                {
                    app.UseRouting();
                    app.{|#1:UseAuthorization()|};
                    if (env.IsDevelopment())
                    {
                        app.{|#0:UseCors(policy => policy.WithOrigins("http://localhost:3000"))|};
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors(...)", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task UseCorsAfterChainedUseAuthorization_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting().{|#1:UseAuthorization()|}.{|#0:UseCors()|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task UseCorsAfterHelperThatAuthenticates_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.{|#1:UseSecurity()|};
            app.{|#0:UseCors()|};
            app.Run();

            static class SecurityExtensions
            {
                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
                {
                    app.UseAuthentication();
                    return app.UseAuthorization();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseSecurity() (which calls UseAuthorization()); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors() before UseSecurity()."));
    }

    [Fact]
    public async Task HelperThatCallsUseCorsAfterUseAuthorization_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.{|#1:UseAuthorization()|};
                    app.{|#0:UseApiCors()|};
                }
            }

            public static class CorsSetup
            {
                public static void UseApiCors(this IApplicationBuilder app) => app.UseCors("Api");
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseApiCors() (which calls UseCors) is called after UseAuthorization(); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseApiCors() before UseAuthorization()."));
    }

    [Fact]
    public async Task MisorderInsideHelper_ReportsInHelper()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    ConfigureSecurity(app);
                }

                private static void ConfigureSecurity(IApplicationBuilder pipeline)
                {
                    pipeline.{|#1:UseAuthorization()|};
                    pipeline.{|#0:UseCors()|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task HelperThatAuthorizesThroughItsLocalFunction_Reports()
    {
        // The helper's own calls are a local function's (not a member of any type): it is still followed.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.{|#1:UseSecurity()|};
            app.{|#0:UseCors()|};
            app.Run();

            static class SecurityExtensions
            {
                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app)
                {
                    Secure(app);
                    return app;

                    static void Secure(IApplicationBuilder pipeline) => pipeline.UseAuthorization();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseSecurity() (which calls UseAuthorization()); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors() before UseSecurity()."));
    }

    [Fact]
    public async Task TopLevelLocalFunctionThatAuthorizes_Reports()
    {
        // A local function of the top-level statements that calls another one: neither is a member, both are followed.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            {|#1:UseSecurity(app)|};
            app.{|#0:UseCors()|};
            app.Run();

            static void UseSecurity(IApplicationBuilder pipeline) => Authorize(pipeline);

            static void Authorize(IApplicationBuilder pipeline) => pipeline.UseAuthorization();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called after UseSecurity() (which calls UseAuthorization()); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors() before UseSecurity()."));
    }

    [Fact]
    public async Task RouteTableHelperBeforeUseCors_IsNotMiddleware_DoesNotReport()
    {
        // A helper that only maps endpoints (no middleware, no call of a method declared in source) adds nothing: its
        // body is never bound, and the pipeline after it is judged as if it were not there.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            var app = builder.Build();
            app.UseRouting();
            app.MapRoutes();
            app.UseCors("Api");
            app.UseAuthorization();
            app.Run();

            static class Routes
            {
                public static WebApplication MapRoutes(this WebApplication app)
                {
                    app.MapGet("/a", () => Results.Ok("a")).RequireCors("Api");
                    app.MapGet("/b", async (HttpContext context) => { await context.Response.WriteAsync("b"); });
                    return app;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task HelperThatCallsUseCorsFirst_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseApiSecurity();
            app.Run();

            static class SecurityExtensions
            {
                public static IApplicationBuilder UseApiSecurity(this IApplicationBuilder app)
                    => app.UseCors().UseAuthentication().UseAuthorization();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseWhenBranch_IsSeparatePipeline_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthentication();
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseCors("Api"));
            app.Map("/legacy", legacy => legacy.UseCors("Legacy"));
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MisorderInsideUseWhenBranch_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseCors();
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
            {
                api.{|#1:UseAuthorization()|};
                api.{|#0:UseCors("Api")|};
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, After("UseCors(\"Api\")", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task UseCorsBeforeUseRouting_WithEnableCorsAttribute_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|#0:UseCors()|};
                    app.{|#1:UseRouting()|};
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            [ApiController]
            [EnableCors("Spa")]
            public class OrdersController : ControllerBase
            {
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "UseCors() is called before UseRouting() and endpoints declare CORS metadata; the CORS middleware runs before an endpoint is selected, so it cannot apply the endpoints' [EnableCors], [DisableCors] and RequireCors metadata, and ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to those endpoints. Call UseCors() after UseRouting()."));
    }

    [Fact]
    public async Task UseCorsBeforeUseRouting_WithDisableCorsOnAction_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|#0:UseCors("Spa")|};
                    app.{|#1:UseRouting()|};
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            public class OrdersController : ControllerBase
            {
                [DisableCors]
                public IActionResult Get() => Ok();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, BeforeRouting("UseCors(\"Spa\")"));
    }

    [Fact]
    public async Task UseCorsBeforeUseRouting_WithRequireCors_MinimalHosting_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.{|#1:UseRouting()|};
            app.MapGet("/orders", () => "[]").RequireCors("Spa");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, BeforeRouting("UseCors()"));
    }

    [Fact]
    public async Task UseCorsBeforeUseRouting_WithEnableCorsOnLambda_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.{|#1:UseRouting()|};
            app.MapGet("/orders", [EnableCors("Spa")] () => "[]");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, BeforeRouting("UseCors()"));
    }

    [Fact]
    public async Task UseCorsBeforeUseRouting_WithoutEndpointMetadata_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseCors("Spa");
            app.UseRouting();
            app.MapGet("/orders", () => "[]");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ImplicitAuthentication_MinimalHosting_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors();
            builder.Services.{|#1:AddAuthentication()|}.AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.{|#0:UseCors("Spa")|};
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "WebApplication runs UseAuthentication() and UseAuthorization() before UseCors(\"Spa\") because AddAuthentication() registers their services and the app does not call them itself; the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call app.UseAuthentication() and app.UseAuthorization() explicitly after UseCors(\"Spa\")."));
    }

    [Fact]
    public async Task ImplicitAuthorization_OnlyAuthorizationRegistered_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAuthorizationBuilder()|}.AddPolicy("Admins", policy => policy.RequireRole("admin"));
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithMessage(
                "WebApplication runs UseAuthorization() before UseCors() because AddAuthorizationBuilder() registers their services and the app does not call it itself; the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call app.UseAuthorization() explicitly after UseCors()."));
    }

    [Fact]
    public async Task ImplicitAuthorization_RegisteredInHelper_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAppSecurity()|};
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.Run();

            static class ServiceSetup
            {
                public static IServiceCollection AddAppSecurity(this IServiceCollection services)
                {
                    services.AddAuthentication();
                    services.AddAuthorization();
                    return services;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                "WebApplication runs UseAuthentication() and UseAuthorization() before UseCors() because AddAppSecurity() registers their services and the app does not call them itself",
                CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
                "Call app.UseAuthentication() and app.UseAuthorization() explicitly after UseCors()"));
    }

    [Fact]
    public async Task ImplicitAuthorization_RegisteredByAHelperOfTheBuiltApp_DoesNotReport()
    {
        // A helper that receives the built app runs after Build(): the service collection is read-only by then, so the
        // registration throws instead of registering, and WebApplication adds no UseAuthorization() for it.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            Setup.Services = builder.Services;
            var app = builder.Build();
            app.UseCors();
            Routes.Map(app);
            app.Run();

            static class Setup
            {
                public static IServiceCollection Services = null!;
            }

            static class Routes
            {
                public static void Map(WebApplication app)
                {
                    Setup.Services.AddAuthorization();
                    app.MapGet("/", () => "hi");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // A library's `UseCompanySecurity(this IApplicationBuilder app)` may call UseAuthorization() (after UseCors here),
    // which also stops WebApplication from adding its own: "the app does not call it itself" is then unknown.
    private const string SecurityLibrary = """
        using System;
        using Microsoft.AspNetCore.Builder;

        public static class CompanySecurity
        {
            public static IApplicationBuilder UseCompanySecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();

            public static void Describe(IServiceProvider services) { }
        }
        """;

    [Fact]
    public async Task ImplicitAuthorization_BuilderHandedToALibrary_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseCors();
            app.UseCompanySecurity();
            app.MapGet("/orders", () => "[]").RequireAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, SecurityLibrary);
    }

    [Fact]
    public async Task ImplicitAuthorization_BuilderHandedToALibraryByAHelper_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseCors();
            Security.Configure(app);
            app.MapGet("/orders", () => "[]").RequireAuthorization();
            app.Run();

            static class Security
            {
                public static void Configure(IApplicationBuilder app) => app.UseCompanySecurity();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, SecurityLibrary);
    }

    // The control: the library is called with the app's services, not its builder, so it adds no middleware.
    [Fact]
    public async Task ImplicitAuthorization_LibraryCalledWithoutTheBuilder_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAuthorization()|};
            var app = builder.Build();
            app.{|#0:UseCors()|};
            CompanySecurity.Describe(app.Services);
            app.MapGet("/orders", () => "[]").RequireAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, SecurityLibrary, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                "WebApplication runs UseAuthorization() before UseCors() because AddAuthorization() registers their services and the app does not call it itself",
                CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
                "Call app.UseAuthorization() explicitly after UseCors()"));
    }

    // Half-typed code: a call that does not bind (its `using` missing, a name not typed yet) may be the one that calls
    // UseAuthorization().
    [Theory]
    [InlineData("app.{|CS1061:UseSecurity|}();")]
    [InlineData("{|CS0103:Security|}.Configure(app);")]
    [InlineData("app.{|CS1501:UseAuthorization|}(1);")]
    [InlineData("var version = {|CS0103:Versions|}.Current;")]
    public async Task ImplicitAuthorization_HalfTypedCode_DoesNotReport(string line)
        => await Verify.VerifyAnalyzerAsync("var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddAuthorization();\nvar app = builder.Build();\napp.UseCors();\n" + line + "\napp.Run();\n");

    [Fact]
    public async Task ImplicitAuthorization_WithRequireCors_ReportsRejectedPreflight()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAuthorization()|};
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.MapGet("/orders", () => "[]").RequireAuthorization().RequireCors("Spa");
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                "WebApplication runs UseAuthorization() before UseCors() because AddAuthorization() registers their services and the app does not call it itself",
                CallUseCorsInMiddlewareOrderRule.AuthorizationPreflightReason,
                "Call app.UseAuthorization() explicitly after UseCors()"));
    }

    [Fact]
    public async Task ImplicitAuthenticationOnly_MinimalHosting_DoesNotReport()
    {
        // WebApplication runs UseAuthentication() before UseCors(), which changes nothing a browser sees.
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            var app = builder.Build();
            app.UseCors();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // With the app's own UseRouting(), WebApplication adds UseAuthentication()/UseAuthorization() before it: authorization
    // sees no endpoint and writes no 401 or 403 (in the browser tests, an endpoint that requires authorization then throws
    // "contains authorization metadata, but a middleware was not found that supports authorization", CORS or not).
    [Theory]
    [InlineData("app.UseRouting();\napp.UseCors();")]
    [InlineData("app.UseCors();\napp.UseRouting();\napp.UseEndpoints(endpoints => endpoints.MapGet(\"/orders\", () => \"[]\"));")]
    public async Task ImplicitAuthorizationWithExplicitRouting_MinimalHosting_DoesNotReport(string pipeline)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            {{pipeline}}
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ExplicitAuthenticationAfterUseCors_MinimalHosting_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OnlyControllersRegistered_MinimalHosting_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddControllers();
            var app = builder.Build();
            app.UseCors();
            app.MapControllers();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AuthenticationRegistered_StartupWithoutUseAuthentication_DoesNotReport()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services) => services.AddAuthentication();

                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UseCorsAfterUseAuthorization_Net80_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.{|#1:UseAuthorization()|};
            app.{|#0:UseCors()|};
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.Net80, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task LookAlikeMethodsWithoutAspNetCore_DoNotReport()
    {
        const string source = """
            public interface IApplicationBuilder { }

            public static class LookAlikes
            {
                public static IApplicationBuilder UseAuthorization(this IApplicationBuilder app) => app;

                public static IApplicationBuilder UseCors(this IApplicationBuilder app) => app;

                public static void Configure(IApplicationBuilder app)
                {
                    app.UseAuthorization();
                    app.UseCors();
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Fact]
    public async Task UserMethodsNamedLikeMiddleware_DoNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseAuthorization("admin");
            app.UseCors();
            app.Run();

            static class Lookalike
            {
                public static IApplicationBuilder UseAuthorization(this IApplicationBuilder app, string role) => app;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("app.UseAuthorization();\napp.UseCors(")]
    [InlineData("app.UseAuthorization();\napp.UseCors(\"Spa\"")]
    [InlineData("app.UseAuthorization();\napp.")]
    [InlineData("app.UseAuthorization();\napp.UseCors(p => p.)")]
    [InlineData("app.UseAuthorization()\napp.UseCors();")]
    [InlineData("app.UseSecurity();\napp.UseCors();\nstatic class S { public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseSecurity(); }")]
    [InlineData("app.UseRouting();\napp.UseCors();\nunknown.UseAuthorization();")]
    [InlineData("builder.Services.AddAuthentication(;\napp.UseCors();")]
    [InlineData("IApplicationBuilder x = null!;\nx.UseAuthorization();\nx.UseCors();\nUseCors();")]
    public async Task HalfTypedCode_DoesNotThrow(string pipeline)
    {
        var source = "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\n" + pipeline + "\napp.Run();\n";

        var (diagnostics, exceptions) = await RunAnalyzerAsync(source);

        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    [Fact]
    public async Task HalfTypedCallAfterUseAuthorization_StillReports()
    {
        var (diagnostics, exceptions) = await RunAnalyzerAsync(
            "var builder = WebApplication.CreateBuilder(args);\nvar app = builder.Build();\napp.UseAuthorization();\napp.UseCors(\n");

        Assert.Empty(exceptions);
        Assert.Single(diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.CallUseCorsInMiddlewareOrder);
    }

    /// <summary>The diagnostic on {|#0:...|} for a UseCors that comes after the call at {|#1:...|}.</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult After(string cors, string other, string reason)
        => Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments($"{cors} is called after {other}", reason, $"Call {cors} before {other}");

    /// <summary>The diagnostic on {|#0:...|} for a UseCors that comes before the UseRouting() at {|#1:...|}.</summary>
    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult BeforeRouting(string cors)
        => Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            $"{cors} is called before UseRouting() and endpoints declare CORS metadata",
            CallUseCorsInMiddlewareOrderRule.RoutingReason,
            $"Call {cors} after UseRouting()");

    private static Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<System.Exception> Exceptions)> RunAnalyzerAsync(string source)
        => AnalyzerRunner.RunAsync(source, CorsTest<CallUseCorsInMiddlewareOrderRule, CodeFixes.Rules.ReorderUseCorsFixer>.Analyzer());
}
