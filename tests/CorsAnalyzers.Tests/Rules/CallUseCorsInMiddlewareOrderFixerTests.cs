using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CallUseCorsInMiddlewareOrderRule,
    CorsAnalyzers.CodeFixes.Rules.ReorderUseCorsFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class CallUseCorsInMiddlewareOrderFixerTests
{
    [Fact]
    public async Task Fix_MovesUseCorsBeforeUseAuthorization_WithItsComments()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseRouting();
            app.{|#1:UseAuthorization()|};

            // The SPA calls the API from another origin.
            app.{|#0:UseCors("Spa")|}; // keep before MapControllers

            app.MapGet("/", () => "hi");
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();

            app.UseRouting();

            // The SPA calls the API from another origin.
            app.UseCors("Spa"); // keep before MapControllers
            app.UseAuthorization();

            app.MapGet("/", () => "hi");
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, After("UseCors(\"Spa\")", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task Fix_MovesUseCorsBeforeFirstBlocker_Startup()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    app.{|#1:UseAuthorization()|};
                    app.UseResponseCaching();
                    /* CORS */
                    app.{|#0:UseCors()|};
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;
        const string fixedSource = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthentication();
                    /* CORS */
                    app.UseCors();
                    app.UseAuthorization();
                    app.UseResponseCaching();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task Fix_MovesUseCorsBeforePipelineHelper()
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
                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();
            }
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.UseCors();
            app.UseSecurity();
            app.Run();

            static class SecurityExtensions
            {
                public static IApplicationBuilder UseSecurity(this IApplicationBuilder app) => app.UseAuthentication().UseAuthorization();
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "UseCors() is called after UseSecurity() (which calls UseAuthorization())",
            CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
            "Call UseCors() before UseSecurity()"));
    }

    [Fact]
    public async Task Fix_MovesUseCorsAfterUseRouting()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    // Allow the SPA.
                    app.{|#0:UseCors()|};
                    app.{|#1:UseRouting()|};
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            [EnableCors("Spa")]
            public class OrdersController : ControllerBase
            {
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    // Allow the SPA.
                    app.UseCors();
                    app.UseAuthorization();
                    app.UseEndpoints(endpoints => endpoints.MapControllers());
                }
            }

            [EnableCors("Spa")]
            public class OrdersController : ControllerBase
            {
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "UseCors() is called before UseRouting() and endpoints declare CORS metadata",
            CallUseCorsInMiddlewareOrderRule.RoutingReason,
            "Call UseCors() after UseRouting()"));
    }

    [Fact]
    public async Task Fix_InsertsExplicitAuthenticationAndAuthorization_MinimalHosting()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAuthentication()|}.AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.{|#0:UseCors()|}; // for the SPA
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddCookie();
            builder.Services.AddAuthorization();
            var app = builder.Build();
            app.UseCors(); // for the SPA
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi").RequireAuthorization();
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "WebApplication runs UseAuthentication() and UseAuthorization() before UseCors() because AddAuthentication() registers their services and the app does not call them itself",
            CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
            "Call app.UseAuthentication() and app.UseAuthorization() explicitly after UseCors()"));
    }

    [Fact]
    public async Task Fix_InsertsUseAuthorizationAfterExistingUseAuthentication()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.{|#1:AddAuthorization()|};
            builder.Services.AddAuthentication();
            var app = builder.Build();
            app.{|#0:UseCors()|};
            app.{|#2:UseAuthentication()|};
            app.MapGet("/", () => "hi");
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthorization();
            builder.Services.AddAuthentication();
            var app = builder.Build();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGet("/", () => "hi");
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments(
            "WebApplication runs UseAuthorization() before UseCors() because AddAuthorization() registers their services and the app does not call it itself",
            CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
            "Call app.UseAuthorization() explicitly after UseCors()"));
    }

    [Fact]
    public async Task NoFix_WhenUseCorsIsInsideHelper()
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

        await Verify.VerifyCodeFixAsync(source, source, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "UseApiCors() (which calls UseCors) is called after UseAuthorization()",
            CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
            "Call UseApiCors() before UseAuthorization()"));
    }

    [Fact]
    public async Task NoFix_WhenHelperAlsoCallsUseRouting()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.{|#1:UseApiPipeline()|};
            app.{|#0:UseCors()|};
            app.Run();

            static class PipelineExtensions
            {
                public static IApplicationBuilder UseApiPipeline(this IApplicationBuilder app) => app.UseRouting().UseAuthorization();
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, null, Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
            "UseCors() is called after UseApiPipeline() (which calls UseAuthorization())",
            CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
            "Call UseCors() before UseApiPipeline()"));
    }

    [Fact]
    public async Task NoFix_WhenUseRoutingLiesBetween()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.{|#1:UseAuthorization()|};
                    app.UseRouting();
                    app.{|#0:UseCors()|};
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, null, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task NoFix_WhenStatementsAreInDifferentBlocks()
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
                        app.{|#0:UseCors()|};
                    }
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source, null, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task NoFix_WhenUseCorsIsPartOfAChain()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting().{|#1:UseAuthorization()|}.{|#0:UseCors()|};
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, source, null, After("UseCors()", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task Fix_InsideUseWhenBranch()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
            {
                api.{|#1:UseAuthorization()|};
                api.{|#0:UseCors("Api")|};
            });
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
            {
                api.UseCors("Api");
                api.UseAuthorization();
            });
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource, null, After("UseCors(\"Api\")", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
    }

    [Fact]
    public async Task FixAll_MovesEveryMisplacedUseCorsInOnePass()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            app.{|#1:UseAuthorization()|};
            // Public API.
            app.{|#0:UseCors("Public")|};
            app.{|#2:UseCors("Partners")|};
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin =>
            {
                admin.{|#4:UseResponseCaching()|};
                admin.{|#3:UseCors("Admin")|};
            });
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseRouting();
            // Public API.
            app.UseCors("Public");
            app.UseCors("Partners");
            app.UseAuthorization();
            app.UseWhen(context => context.Request.Path.StartsWithSegments("/admin"), admin =>
            {
                admin.UseCors("Admin");
                admin.UseResponseCaching();
            });
            app.Run();
            """;

        var test = new CorsTest<CallUseCorsInMiddlewareOrderRule, ReorderUseCorsFixer>(source, fixedSource)
        {
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        };
        test.ExpectedDiagnostics.Add(After("UseCors(\"Public\")", "UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(2).WithLocation(1).WithArguments(
            "UseCors(\"Partners\") is called after UseAuthorization()", CallUseCorsInMiddlewareOrderRule.AuthorizationReason, "Call UseCors(\"Partners\") before UseAuthorization()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(3).WithLocation(4).WithArguments(
            "UseCors(\"Admin\") is called after UseResponseCaching()", CallUseCorsInMiddlewareOrderRule.CachingReason, "Call UseCors(\"Admin\") before UseResponseCaching()"));
        await test.RunAsync();
    }

    private static DiagnosticResult After(string cors, string other, string reason)
        => Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments($"{cors} is called after {other}", reason, $"Call {cors} before {other}");
}
