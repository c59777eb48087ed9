using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CheckHandWrittenOriginsStrictlyRule,
    CorsAnalyzers.CodeFixes.Rules.HardenOriginCheckFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class CheckHandWrittenOriginsStrictlyTests
{
    private const string Guard = "The check that guards the hand-written Access-Control-Allow-Origin";

    [Fact]
    public async Task WeakCheck_InMiddlewareLambda_ReportsAtTheCheckWithTheWrite()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                if ({|#0:origin.EndsWith({|#1:"contoso.com"|})|})
                {
                    {|#2:context.Response.Headers["Access-Control-Allow-Origin"] = origin|};
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments(Guard, "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task WeakCheckOverAListOfConstants_ReportsAtTheCheckWithTheElement()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                if (Trusted.Suffixes.Any(suffix => {|#0:origin.EndsWith(suffix)|}))
                {
                    {|#2:context.Response.Headers["Access-Control-Allow-Origin"] = origin|};
                }

                await next(context);
            });
            app.Run();

            static class Trusted
            {
                public static readonly string[] Suffixes = [".fabrikam.com", {|#1:"contoso.com"|}];
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2)
                .WithArguments(Guard, "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Theory]
    [InlineData("if ([|origin.StartsWith(\"https://app.contoso.com\")|])")]
    [InlineData("if ([|origin.Contains(\"contoso\")|])")]
    [InlineData("if ([|Regex.IsMatch(origin, \"^https://app.contoso.com$\")|])")]
    [InlineData("if ([|Regex.IsMatch(origin, @\"https://app\\.contoso\\.com\")|])")]
    [InlineData("if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && [|uri.Host.EndsWith(\"contoso.com\")|])")]
    [InlineData("if ([|origin.IndexOf(\"contoso.com\") >= 0|])")]
    [InlineData("if (!string.IsNullOrEmpty(origin) && [|origin.EndsWith(\"contoso.com\", StringComparison.OrdinalIgnoreCase)|])")]
    public async Task WeakChecks_WithoutCredentials_Report(string check)
    {
        var source = $$"""
            using System.Text.RegularExpressions;

            public class CorsHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    string origin = context.Request.Headers.Origin.ToString();
                    {{check}}
                    {
                        context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
                    }

                    await _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task EarlyReturnOnFailedWeakCheck_InController_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;

            public class AccountController : Controller
            {
                public IActionResult Me()
                {
                    var origin = Request.Headers["Origin"].ToString();
                    if (![|origin.EndsWith("contoso.com")|])
                    {
                        return Forbid();
                    }

                    Response.Headers.Add("Access-Control-Allow-Origin", origin);
                    Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                    return Json(new { name = User.Identity?.Name });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WriteInElseBranchOfWeakCheck_Reports()
    {
        const string source = """
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (![|origin.Contains("contoso")|])
                {
                    context.Response.StatusCode = 403;
                }
                else
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("if (origin.EndsWith(\".contoso.com\"))")]
    [InlineData("if (origin == \"https://app.contoso.com\")")]
    [InlineData("if (new Uri(origin).Host == \"app.contoso.com\")")]
    [InlineData("if (Regex.IsMatch(origin, @\"^https://app\\.contoso\\.com$\"))")]
    [InlineData("if (Allowed.Contains(origin))")]
    [InlineData("if (origin.EndsWith(\"contoso.com\") && Allowed.Contains(origin))")]
    [InlineData("if (IsTrusted(origin))")]
    [InlineData("if (origin.EndsWith(\"contoso.com\")) return;")]
    [InlineData("if (origin.StartsWith(\"https://\")) if (origin.EndsWith(\"contoso.com\"))")]
    public async Task StrictOrUnknownChecks_DoNotReport(string check)
    {
        var source = $$"""
            using System.Text.RegularExpressions;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                {{check}}
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                }

                await next(context);
            });
            app.Run();

            partial class Program
            {
                private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };

                private static bool IsTrusted(string origin) => Allowed.Contains(origin);
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WeakCheckGuardingAConstantOrigin_DoesNotReport()
    {
        const string source = """
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                if (origin.EndsWith("contoso.com"))
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Fix_RequiresTheDot()
    {
        const string source = """
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                if ([|origin.EndsWith("contoso.com")|])
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                }

                await next(context);
            });
            app.Run();
            """;
        const string fixedSource = """
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                if (origin.EndsWith(".contoso.com") || origin.EndsWith("://contoso.com"))
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_HardensEveryGuard()
    {
        const string source = """
            public class CorsHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (![|origin.EndsWith("contoso.com")|])
                    {
                        await _next(context);
                        return;
                    }

                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    await _next(context);
                }
            }

            public class OtherMiddleware
            {
                private readonly RequestDelegate _next;

                public OtherMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && [|uri.Host.EndsWith("contoso.com")|])
                    {
                        context.Response.Headers.AccessControlAllowOrigin = origin;
                    }

                    return _next(context);
                }
            }
            """;
        const string fixedSource = """
            public class CorsHeadersMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (!(origin.EndsWith(".contoso.com") || origin.EndsWith("://contoso.com")))
                    {
                        await _next(context);
                        return;
                    }

                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    await _next(context);
                }
            }

            public class OtherMiddleware
            {
                private readonly RequestDelegate _next;

                public OtherMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Host.EndsWith(".contoso.com") || uri.Host == "contoso.com"))
                    {
                        context.Response.Headers.AccessControlAllowOrigin = origin;
                    }

                    return _next(context);
                }
            }
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public static class Checks
            {
                public static bool IsTrusted(string origin) => origin.EndsWith("contoso.com");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("app.Use(async (context, next) => { var origin = context.Request.Headers.Origin.ToString(); if (origin.EndsWith(")]
    [InlineData("app.Use(async (context, next) => { var origin = context.Request.Headers.Origin.ToString(); if (!origin.EndsWith(\"contoso.com\")) return; context.Response.Headers[\"Access-Control-Allow-Origin\"] = ")]
    [InlineData("app.Use(async (context, next) => { var origin = context.Request.Headers.Origin.ToString(); if (Regex.IsMatch(origin, \"contoso.com\")) context.Response.Headers.AccessControlAllowOrigin = origin")]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Headers.Origin.ToString().EndsWith(\"contoso.com\")) context.Response.Headers[\"Access-Control-Allow-Origin\"] = context.Request.Headers.")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = "using System.Text.RegularExpressions;\nvar app = WebApplication.Create(args);\n" + statement;

        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
    }
}
