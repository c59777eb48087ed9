using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotWritePermissiveAllowOriginRule,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace CorsAnalyzers.Tests.Rules;

public class DoNotWritePermissiveAllowOriginTests
{
    private static DiagnosticResult AnyOrigin(int location) => Verify.Diagnostic(Descriptors.WriteAnyOriginByHand).WithLocation(location);

    private static DiagnosticResult WildcardAmongOthers(int location) => Verify.Diagnostic(Descriptors.WriteWildcardAmongOriginsByHand).WithLocation(location);

    private static DiagnosticResult RequestOrigin(int location) => Verify.Diagnostic(Descriptors.WriteRequestOriginByHand).WithLocation(location);

    [Fact]
    public async Task IndexerInMiddlewareLambda_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "*"|};
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, AnyOrigin(0));
    }

    [Theory]
    [InlineData("Response.Headers.{|#0:Add(\"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:Append(\"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:TryAdd(\"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:AppendCommaSeparatedValues(\"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:SetCommaSeparatedValues(\"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("HeaderDictionaryExtensions.{|#0:Append(Response.Headers, \"Access-Control-Allow-Origin\", \"*\")|}")]
    [InlineData("{|#0:Response.Headers.AccessControlAllowOrigin = \"*\"|}")]
    [InlineData("{|#0:Response.Headers[\"access-control-allow-origin\"] = \"*\"|}")]
    [InlineData("Response.Headers.{|#0:Add(HeaderNames.AccessControlAllowOrigin, \"*\")|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, Star)|}")]
    [InlineData("Response.Headers.{|#0:Add(\"\"\"Access-Control-Allow-Origin\"\"\", \"\"\"*\"\"\")|}")]
    [InlineData("Response.Headers.{|#0:Add($\"{AccessControl}-{AllowOrigin}\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:Add($\"\"\"{AccessControl}-{AllowOrigin}\"\"\", Star)|}")]
    [InlineData("Response.Headers.{|#0:Add(\"Access-Control-\" + \"Allow-Origin\", \"*\")|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, new StringValues(\"*\"))|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, new StringValues(Star))|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, new SV(\"*\"))|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, $\"{Star}\")|}")]
    [InlineData("Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, \" * \")|}")]
    [InlineData("Response.Headers.{|#0:Add(\"Access-Control-Allow-Origin\", new[] { \"*\" })|}")]
    public async Task AnyOrigin_InController_Reports(string write)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Primitives;
            using Microsoft.Net.Http.Headers;
            using SV = Microsoft.Extensions.Primitives.StringValues;

            [ApiController]
            public class ValuesController : ControllerBase
            {
                private const string Star = "*";
                private const string AccessControl = "Access-Control";
                private const string AllowOrigin = "Allow-Origin";

                [HttpGet("/values")]
                public string Get()
                {
                    {{write}};
                    return "ok";
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AnyOrigin(0));
    }

    [Fact]
    public async Task NamesAndValuesInLocals_Report()
    {
        const string source = """"
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Net.Http.Headers;

            [ApiController]
            public class ValuesController : ControllerBase
            {
                [HttpGet("/values")]
                public void Get()
                {
                    const string name = "Access-Control-Allow-Origin";
                    Response.Headers.{|#0:Add(name, "*")|};

                    const string accessControl = "Access-Control";
                    const string allowOrigin = "Allow-Origin";
                    const string interpolated = $"{accessControl}-{allowOrigin}";
                    Response.Headers.{|#1:Add(interpolated, "*")|};

                    string prefix = "Access-Control";
                    string suffix = "Allow-Origin";
                    Response.Headers.{|#2:Add($"{prefix}-{suffix}", "*")|};

                    var headers = Response.Headers;
                    var star = "*";
                    {|#3:headers[HeaderNames.AccessControlAllowOrigin] = star|};

                    Response.Headers.{|#4:Add($"{accessControl}-{allowOrigin}", "*")|};
                    Response.Headers.{|#5:Add($"""{prefix}-{suffix}""", "*")|};
                    const string rawStar = """*""";
                    Response.Headers.{|#6:Add("Access-Control-Allow-Origin", rawStar)|};
                    Response.Headers.{|#7:Append(HeaderNames.AccessControlAllowOrigin, $"{PrivateStar}")|};
                    Response.Headers.{|#8:Append(HeaderNames.AccessControlAllowOrigin, ReadOnlyStar)|};
                }

                private string PrivateStar = "*";

                public readonly string ReadOnlyStar = "*";
            }
            """";

        await Verify.VerifyAnalyzerAsync(source, AnyOrigin(0), AnyOrigin(1), AnyOrigin(2), AnyOrigin(3), AnyOrigin(4), AnyOrigin(5), AnyOrigin(6), AnyOrigin(7), AnyOrigin(8));
    }

    [Theory]
    [InlineData("new[] { \"https://app.contoso.com\", \"*\" }")]
    [InlineData("new StringValues(new[] { \"*\", \"https://app.contoso.com\" })")]
    [InlineData("\"*, https://app.contoso.com\"")]
    [InlineData("$\"{Star}, https://app.contoso.com\"")]
    public async Task WildcardAmongOtherValues_ReportsThatBrowsersRejectIt(string value)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Extensions.Primitives;
            using Microsoft.Net.Http.Headers;

            public class ValuesController : Controller
            {
                private const string Star = "*";

                public void Index() => Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, {{value}})|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, WildcardAmongOthers(0));
    }

    [Theory]
    [InlineData("Response.Headers.Add(\"Access-Control-Allow-Origin\", \"https://app.contoso.com\")")]
    [InlineData("Response.Headers.Add(\"Access-Control-Allow-Origin\", \"*****\")")]
    [InlineData("Response.Headers.Add(\"Access-Control-Allow-Origin\", new[] { \"https://a.contoso.com\", \"https://b.contoso.com\" })")]
    [InlineData("Response.Headers.Add(\"OtherHeader\", \"*\")")]
    [InlineData("Response.Headers.Add(HeaderNames.Age, \"*\")")]
    [InlineData("Response.Headers.Add(HeaderNames.AccessControlAllowMethods, \"*\")")]
    [InlineData("Response.Headers.Add(header, \"*\")")]
    [InlineData("Response.Headers.Add(HeaderNames.AccessControlAllowOrigin, headerValue)")]
    [InlineData("Response.Headers.Append(HeaderNames.AccessControlAllowOrigin, $\"{NonConstant}\")")]
    [InlineData("Response.Headers.Append(HeaderNames.AccessControlAllowOrigin, PublicStar)")]
    [InlineData("Request.Headers[\"Access-Control-Allow-Origin\"] = \"*\"")]
    [InlineData("_ = Request.Headers[\"Access-Control-Allow-Origin\"] == \"*\"")]
    [InlineData("var value = Response.Headers.AccessControlAllowOrigin")]
    [InlineData("Response.Headers.TryGetValue(\"Access-Control-Allow-Origin\", out var value)")]
    [InlineData("Response.Headers.Remove(\"Access-Control-Allow-Origin\")")]
    [InlineData("new Dictionary<string, string>().Add(\"Access-Control-Allow-Origin\", \"*\")")]
    [InlineData("Write(Response.Headers)")]
    public async Task OtherHeadersValuesAndReads_DoNotReport(string statement)
    {
        var source = $$"""
            using Microsoft.AspNetCore.Mvc;
            using Microsoft.Net.Http.Headers;

            public class ValuesController : Controller
            {
                private string NonConstant = GetStar();

                public string PublicStar = "*";

                public void Index(string header, string headerValue)
                {
                    {{statement}};
                }

                private static string GetStar() => "*";

                private static void Write(IHeaderDictionary headers) => headers["Access-Control-Allow-Origin"] = headers["X-Origin"];
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // System.Net.Http's headers are HttpClient's: ASP.NET Core sends none of an HttpResponseMessage's headers (an
    // endpoint that returns one gets it serialized as JSON; the browser test HttpResponseMessageByHand shows it), so a
    // test's fake handler or a message built for HttpClient is not a hand-written CORS header.
    [Fact]
    public async Task HttpResponseMessageHeaders_DoNotReport()
    {
        const string source = """
            using System.Net.Http;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/message", () =>
            {
                var response = new HttpResponseMessage();
                response.Headers.Add("Access-Control-Allow-Origin", "*");
                response.Headers.TryAddWithoutValidation("Access-Control-Allow-Origin", new[] { "*" });
                return response;
            });
            app.Run();

            public sealed class FakeCorsHandler : HttpMessageHandler
            {
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
                {
                    var response = new HttpResponseMessage(System.Net.HttpStatusCode.OK);
                    response.Headers.Add("Access-Control-Allow-Origin", "*");
                    return Task.FromResult(response);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MiddlewareClass_And_IMiddleware_Report()
    {
        const string program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddTransient<OpenCorsMiddleware>();
            var app = builder.Build();
            app.UseMiddleware<AllowAllMiddleware>();
            app.UseMiddleware<OpenCorsMiddleware>();
            app.Run();
            """;
        const string middleware = """
            using Microsoft.Net.Http.Headers;

            public class AllowAllMiddleware
            {
                private readonly RequestDelegate _next;

                public AllowAllMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    context.Response.Headers.{|#0:Append(HeaderNames.AccessControlAllowOrigin, "*")|};
                    context.Response.Headers.Append(HeaderNames.AccessControlAllowMethods, "*");
                    await _next(context);
                }
            }

            public class OpenCorsMiddleware : IMiddleware
            {
                public Task InvokeAsync(HttpContext context, RequestDelegate next)
                {
                    {|#1:context.Response.Headers.AccessControlAllowOrigin = "*"|};
                    return next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(new[] { program, middleware }, AnyOrigin(0), AnyOrigin(1));
    }

    [Fact]
    public async Task FilterAndStaticFiles_Report()
    {
        const string source = """
            using Microsoft.AspNetCore.Mvc.Filters;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.UseStaticFiles(new StaticFileOptions
            {
                OnPrepareResponse = ctx => ctx.Context.Response.Headers.{|#0:Append("Access-Control-Allow-Origin", "*")|},
            });
            app.Run();

            public class AllowCrossSiteAttribute : ActionFilterAttribute
            {
                public override void OnActionExecuting(ActionExecutingContext context)
                {
                    {|#1:context.HttpContext.Response.Headers["Access-Control-Allow-Origin"] = "*"|};
                    base.OnActionExecuting(context);
                }
            }

            public class ResultFilter : IResultFilter
            {
                public void OnResultExecuting(ResultExecutingContext context)
                {
                    var response = context.HttpContext.Response;
                    response.OnStarting(() =>
                    {
                        response.Headers.{|#2:Append("Access-Control-Allow-Origin", "*")|};
                        return Task.CompletedTask;
                    });
                }

                public void OnResultExecuted(ResultExecutedContext context)
                {
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AnyOrigin(0), AnyOrigin(1), AnyOrigin(2));
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
                        {|#0:context.Response.Headers["Access-Control-Allow-Origin"] = "*"|};
                        await next();
                    });
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AnyOrigin(0));
    }

    // A context the code makes itself (a test's fake) is never sent to a browser.
    [Theory]
    [InlineData("var context = new DefaultHttpContext();\ncontext.Response.Headers[\"Access-Control-Allow-Origin\"] = \"*\";")]
    [InlineData("var response = new DefaultHttpContext().Response;\nresponse.Headers.Append(\"Access-Control-Allow-Origin\", \"*\");")]
    public async Task AnyOriginOnAContextTheCodeMakes_DoesNotReport(string statements)
    {
        var source = $$"""
            public static class FakeRequests
            {
                public static HttpContext PublicResponse()
                {
                    {{statements}}
                    return null!;
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    // The unchecked reflection leaves before the credentialed branch: no credentials on its path, so this rule (not CORS009).
    [Fact]
    public async Task RequestOriginUncheckedOnAPathWithoutCredentials_Reports()
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
                    {|#0:context.Response.Headers.AccessControlAllowOrigin = origin|};
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

        await Verify.VerifyAnalyzerAsync(source, RequestOrigin(0));
    }

    [Theory]
    [InlineData("context.Request.Headers.Origin")]
    [InlineData("context.Request.Headers[\"Origin\"]")]
    [InlineData("context.Request.Headers[HeaderNames.Origin].ToString()")]
    [InlineData("origin")]
    public async Task RequestOriginUnchecked_Reports(string value)
    {
        var source = $$"""
            using Microsoft.Net.Http.Headers;

            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (!string.IsNullOrEmpty(origin))
                {
                    {|#0:context.Response.Headers.AccessControlAllowOrigin = {{value}}|};
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, RequestOrigin(0));
    }

    [Fact]
    public async Task RequestOriginFromTryGetValue_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                if (context.Request.Headers.TryGetValue("Origin", out var origin))
                {
                    context.Response.Headers.{|#0:Append("Access-Control-Allow-Origin", origin)|};
                }

                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, RequestOrigin(0));
    }

    [Theory]
    [InlineData("if (Allowed.Contains(origin))")]
    [InlineData("if (origin == \"https://app.contoso.com\")")]
    [InlineData("if (origin is \"https://app.contoso.com\" or \"https://admin.contoso.com\")")]
    [InlineData("if (origin.EndsWith(\".contoso.com\"))")]
    [InlineData("if (IsTrusted(origin))")]
    public async Task RequestOriginChecked_DoesNotReport(string check)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin!;
                {{check}}
                {
                    context.Response.Headers.Append("Access-Control-Allow-Origin", origin);
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
    public async Task RequestOriginCheckedBeforeWithEarlyReturn_DoesNotReport()
    {
        const string source = """
            public class CorsMiddleware
            {
                private static readonly string[] Allowed = { "https://app.contoso.com" };
                private readonly RequestDelegate _next;

                public CorsMiddleware(RequestDelegate next) => _next = next;

                public async Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers["Origin"].ToString();
                    if (!Allowed.Contains(origin))
                    {
                        await _next(context);
                        return;
                    }

                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                    await _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task RequestOriginInSwitchOverConstants_DoesNotReport_ButDefaultBranchDoes()
    {
        const string source = """
            public class CorsMiddleware
            {
                private readonly RequestDelegate _next;

                public CorsMiddleware(RequestDelegate next) => _next = next;

                public Task InvokeAsync(HttpContext context)
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    switch (origin)
                    {
                        case "https://app.contoso.com":
                        case "https://admin.contoso.com":
                            context.Response.Headers.AccessControlAllowOrigin = origin;
                            break;
                        default:
                            {|#0:context.Response.Headers.AccessControlAllowOrigin = origin|};
                            break;
                    }

                    return _next(context);
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, RequestOrigin(0));
    }

    [Fact]
    public async Task RequestOriginWithCredentials_IsLeftToCors009()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers["Origin"];
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
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
                context.Response.Headers.{|#0:Add(Microsoft.Net.Http.Headers.HeaderNames.AccessControlAllowOrigin, "*")|};
                await next(context);
            });
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.Net80, AnyOrigin(0));
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class Headers : Dictionary<string, string>
            {
                public void Open() => this["Access-Control-Allow-Origin"] = "*";
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[\"Access-Control-Allow-Origin\"] = ")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers.Append(\"Access-Control-Allow-Origin\", context.Request.Headers.")]
    [InlineData("app.Use(async (context, next) => { var o = context.Request.Headers.Origin; if (o.")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers.Add(")]
    [InlineData("app.Use(async (context, next) => { context.Response.Headers[$\"{x}\"] = $\"{")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
    {
        var source = "var app = WebApplication.Create(args);\n" + statement;

        await AnalyzerRunner.AssertNoAnalyzerExceptionAsync(source);
    }
}
