using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotReflectOriginWithCredentialsRule,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotReflectOriginWithCredentialsTests
{
    private static DiagnosticResult Reflected(int origin, int credentials) => Verify.Diagnostic().WithLocation(origin).WithLocation(credentials);

    [Fact]
    public async Task ReflectedOriginWithCredentials_InMiddlewareLambda_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"]|};
                {|#1:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    // The credentials are sent on another path than the unchecked reflection (CORS008 reports that one).
    [Fact]
    public async Task UncheckedReflectionOnAPathWithoutCredentials_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            var allowed = new HashSet<string> { "https://app.contoso.com" };
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (context.Request.Path.StartsWithSegments("/public"))
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    await next(context);
                    return;
                }

                if (allowed.Contains(origin))
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task UncheckedReflectionAndCredentialsOnBranchesOfOneIf_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/public"))
                {
                    context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                }
                else
                {
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // Conditions that do not look at the origin, nor hand the request to code that could: the reflection is still unchecked.
    [Theory]
    [InlineData("if (context.Request.Method == \"OPTIONS\") { context.Response.StatusCode = 204; return; }", "")]
    [InlineData("if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsPost(context.Request.Method)) { await next(context); return; }", "")]
    [InlineData("if (!context.Request.Path.StartsWithSegments(\"/api\")) { await next(context); return; }", "")]
    [InlineData("var development = app.Environment.IsDevelopment();", "if (development || context.Request.Headers.ContainsKey(\"Origin\"))")]
    [InlineData("", "if (context.Request.Headers[\"X-Requested-With\"] == \"XMLHttpRequest\")")]
    public async Task ReflectedOriginBehindConditionsThatDoNotCheckIt_Reports(string before, string condition)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {{before}}
                {{condition}}
                {
                    {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"]|};
                    {|#1:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    [Theory]
    [InlineData("context.Request.Headers.Origin")]
    [InlineData("context.Request.Headers[HeaderNames.Origin]")]
    [InlineData("context.Request.Headers[\"origin\"].ToString()")]
    [InlineData("context.Request.Headers[\"origin\"].FirstOrDefault()")]
    [InlineData("context.Request.Headers.Origin.LastOrDefault()")]
    [InlineData("origin.First()")]
    [InlineData("(string)context.Request.Headers.Origin")]
    [InlineData("origin")]
    [InlineData("copy")]
    public async Task ReflectedOriginShapes_Report(string value)
    {
        var source = $$"""
            using Microsoft.Net.Http.Headers;

            public class ReflectingMiddleware
            {
                private readonly RequestDelegate _next;

                public ReflectingMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin;
                    string copy = origin.ToString();
                    if (!StringValues.IsNullOrEmpty(origin) && copy != null)
                    {
                        context.Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, {{value}})|};
                        context.Response.Headers.{|#1:Append(HeaderNames.AccessControlAllowCredentials, "true")|};
                    }

                    await _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source.Replace("StringValues.", "Microsoft.Extensions.Primitives.StringValues."), Reflected(0, 1));
    }

    // Found in a real middleware (GuPiXD/DiCore.Libs): the origin's first value reflected, the credentials sent under a flag
    // that the reflection sets.
    [Fact]
    public async Task FirstOriginValueReflectedWithCredentialsBehindAFlag_Reports()
    {
        const string source = """
            internal class CorsMiddleware
            {
                private readonly RequestDelegate next;

                public CorsMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers["origin"].FirstOrDefault();
                    var useCors = false;
                    if (origin != null)
                    {
                        context.Response.Headers.{|#0:Add("Access-Control-Allow-Origin", origin)|};
                        useCors = true;
                    }

                    if (useCors)
                    {
                        context.Response.Headers.{|#1:Add("Access-Control-Allow-Credentials", "true")|};
                    }

                    await next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    [Theory]
    [InlineData("""context.Request.Headers["origin"].FirstOrDefault()""", "if (Allowed.Contains(origin))")]
    [InlineData("""context.Request.Headers.Origin.FirstOrDefault()""", "if (origin == \"https://app.contoso.com\")")]
    [InlineData("""context.Request.Headers["Referer"].FirstOrDefault()""", "if (origin != null)")]
    public async Task FirstValueCheckedOrNotTheOrigin_DoesNotReport(string read, string check)
    {
        var source = $$"""
            internal class CorsMiddleware
            {
                private static readonly string[] Allowed = { "https://app.contoso.com" };
                private readonly RequestDelegate next;

                public CorsMiddleware(RequestDelegate next) => this.next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = {{read}};
                    {{check}}
                    {
                        context.Response.Headers.Add("Access-Control-Allow-Origin", origin);
                        context.Response.Headers.Add("Access-Control-Allow-Credentials", "true");
                    }

                    await next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TryGetValueAndTypedProperties_InIMiddleware_Report()
    {
        const string source = """
            public class ReflectingMiddleware : IMiddleware
            {
                public Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    if (context.Request.Headers.TryGetValue("Origin", out var origin) && origin.Count > 0)
                    {
                        {|#0:context.Response.Headers.AccessControlAllowOrigin = origin|};
                        {|#1:context.Response.Headers.AccessControlAllowCredentials = "true"|};
                    }

                    return next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    [Fact]
    public async Task ControllerAndFilter_Report()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public class AccountController : Controller
            {
                public IActionResult Me()
                {
                    Response.Headers.{|#0:Add("Access-Control-Allow-Origin", Request.Headers["Origin"])|};
                    Response.Headers.{|#1:Add("Access-Control-Allow-Credentials", "true")|};
                    return Json(new { name = User.Identity?.Name });
                }
            }

            public class AllowCredentialedCorsAttribute : ActionFilterAttribute
            {
                public override void OnResultExecuting(ResultExecutingContext context)
                {
                    var headers = context.HttpContext.Response.Headers;
                    string? origin = context.HttpContext.Request.Headers.Origin;
                    {|#2:headers["Access-Control-Allow-Origin"] = origin|};
                    {|#3:headers["Access-Control-Allow-Credentials"] = "true"|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1), Reflected(2, 3));
    }

    // A filter's other method that looks at the origin may end the request first (OnActionExecuting setting a result
    // keeps OnActionExecuted from running): the reflection is checked where the rule does not follow the check.
    [Fact]
    public async Task FilterWhoseOtherMethodReadsTheOrigin_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class OriginFilter : IActionFilter
            {
                private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };

                public void OnActionExecuting(ActionExecutingContext context)
                {
                    var origin = context.HttpContext.Request.Headers.Origin.ToString();
                    if (origin.Length > 0 && !Allowed.Contains(origin))
                    {
                        context.Result = new ForbidResult();
                    }
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                    var origin = context.HttpContext.Request.Headers.Origin.ToString();
                    if (origin.Length > 0)
                    {
                        context.HttpContext.Response.Headers["Access-Control-Allow-Origin"] = origin;
                        context.HttpContext.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The same filter whose other method looks only at the path: nothing there may stop an untrusted origin.
    [Fact]
    public async Task FilterWhoseOtherMethodIgnoresTheOrigin_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.AspNetCore.Mvc.Filters;

            public sealed class OriginFilter : IActionFilter
            {
                public void OnActionExecuting(ActionExecutingContext context)
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments("/internal"))
                    {
                        context.Result = new ForbidResult();
                    }
                }

                public void OnActionExecuted(ActionExecutedContext context)
                {
                    var origin = context.HttpContext.Request.Headers.Origin.ToString();
                    if (origin.Length > 0)
                    {
                        {|#0:context.HttpContext.Response.Headers["Access-Control-Allow-Origin"] = origin|};
                        {|#1:context.HttpContext.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                    }
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    [Fact]
    public async Task Startup_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.Use(async (context, next) =>
                    {
                        var origin = context.Request.Headers["Origin"].ToString();
                        {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = origin|};
                        context.Response.Headers["Access-Control-Allow-Methods"] = "GET, POST";
                        {|#1:context.Response.Headers["Access-Control-Allow-Credentials"] = "true"|};
                        await next();
                    });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, Reflected(0, 1));
    }

    [Theory]
    [InlineData("if (Allowed.Contains(origin))")]
    [InlineData("if (AllowedSet.Contains(origin))")]
    [InlineData("if (AllowedList.Contains(origin))")]
    [InlineData("if (Enumerable.Contains(Allowed, origin))")]
    [InlineData("if (origin == \"https://app.contoso.com\" || origin == \"https://admin.contoso.com\")")]
    [InlineData("if (string.Equals(origin, \"https://app.contoso.com\", StringComparison.OrdinalIgnoreCase))")]
    [InlineData("if (origin.Equals(\"https://app.contoso.com\"))")]
    [InlineData("if (origin is \"https://app.contoso.com\")")]
    [InlineData("if (!string.IsNullOrEmpty(origin) && Allowed.Contains(origin))")]
    public async Task ReflectionCheckedAgainstAList_DoesNotReport(string check)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                {{check}}
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                }

                await next(context);
            });
            app.Run();

            partial class Program
            {
                private static readonly string[] Allowed = { "https://app.contoso.com" };
                private static readonly HashSet<string> AllowedSet = new(StringComparer.OrdinalIgnoreCase) { "https://app.contoso.com" };
                private static readonly List<string> AllowedList = new() { "https://app.contoso.com" };
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ReflectionCheckedBySwitchOverConstants_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers.Origin.ToString();
                switch (origin)
                {
                    case "https://app.contoso.com":
                    case "https://admin.contoso.com":
                        context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                        context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                        break;
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ReflectionAfterEarlyReturnOnUnknownOrigin_DoesNotReport()
    {
        const string source = """
            public class CorsMiddleware
            {
                private static readonly ISet<string> Allowed = new HashSet<string> { "https://app.contoso.com" };
                private readonly RequestDelegate _next;

                public CorsMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers["Origin"].ToString();
                    if (!Allowed.Contains(origin))
                    {
                        return _next(context);
                    }

                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                    return _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("if (origin.EndsWith(\"contoso.com\"))")]
    [InlineData("if (origin.StartsWith(\"https://app.contoso.com\"))")]
    [InlineData("if (origin.Contains(\"contoso\"))")]
    [InlineData("if (Regex.IsMatch(origin, \"contoso.com\"))")]
    [InlineData("if (new Uri(origin).Host.EndsWith(\"contoso.com\"))")]
    [InlineData("if (IsTrusted(origin))")]
    public async Task ReflectionGuardedByOtherCheck_IsLeftToTheOriginCheckRule(string check)
    {
        var source = $$"""
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                {{check}}
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                }

                await next(context);
            });
            app.Run();

            partial class Program
            {
                private static bool IsTrusted(string origin) => origin.EndsWith(".contoso.com");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("\"True\"")]
    [InlineData("bool.TrueString")]
    [InlineData("\"false\"")]
    [InlineData("value")]
    public async Task CredentialsNotExactlyTrue_DoesNotReport(string credentials)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                var value = builder.Configuration["Cors:Credentials"];
                context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = {{credentials}};
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WithoutCredentials_OrCredentialsInAnotherFunction_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
                await next(context);
            });
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                context.Response.Headers["Access-Control-Allow-Origin"] = "https://app.contoso.com";
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ReadingRequestHeaders_IsNotAWrite()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Request.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
                context.Request.Headers["Access-Control-Allow-Credentials"] = "true";
                var sent = context.Response.Headers["Access-Control-Allow-Origin"];
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OnNet80_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.Headers.{|#0:Add("Access-Control-Allow-Origin", context.Request.Headers["Origin"])|};
                context.Response.Headers.{|#1:Add("Access-Control-Allow-Credentials", "true")|};
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.Net80, Reflected(0, 1));
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public static class Headers
            {
                public static void Reflect(Dictionary<string, string> request, Dictionary<string, string> response)
                {
                    response["Access-Control-Allow-Origin"] = request["Origin"];
                    response["Access-Control-Allow-Credentials"] = "true";
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("app.Use(async (context, next) => { var origin = context.Request.Headers.Origin; if (origin.")]
    [InlineData("app.Use(async (context, next) => { switch (context.Request.Headers.Origin.ToString()) { case ")]
    [InlineData("app.Use(async (context, next) => { if (context.Request.Headers.TryGetValue(\"Origin\", out var o)) context.Response.Headers[\"Access-Control-Allow-Origin\"] = ")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[\"Access-Control-Allow-Credentials\"] = \"true\"; context.Response.Headers.AccessControlAllowOrigin = context.Request.")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = "var app = WebApplication.Create(args);\n" + statement;

        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
    }
}
