using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Correct code, or code whose run-time behaviour depends on what we cannot see, on which no rule may report: hand-written
/// CORS headers whose check is written in an unusual way (a bool local, a helper, a switch that leaves, a check around
/// the lambda or local function that writes), values read where the code always overwrites them, strict origin checks,
/// lists that do match, preflight ages browsers keep. Runs the whole <see cref="CorsAnalyzer"/> (every rule) and fails,
/// listing what was reported, on any diagnostic of the rules in <see cref="Judged"/>.
/// </summary>
public partial class CorrectCodeTests
{
    private static readonly string[] Judged = { "CORS007", "CORS008", "CORS009", "CORS012", "CORS013", "CORS014", "CORS015" };

    private static Task AssertSilent(string source) => SilentRun.AssertSilentAsync(Judged, kind: null, library: null, source);
}

public partial class CorrectCodeTests
{
    private const string MiddlewarePrefix = """
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https://app.contoso.com", "https://admin.contoso.com" };

        """;

    private static Task Middleware(string body) => AssertSilent(MiddlewarePrefix + """
        app.Use(async (context, next) =>
        {
        """ + "\n" + body + "\n" + """
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H01_BoolLocalHoldingMembershipCheck() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            var ok = allowed.Contains(origin);
            if (ok)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
            }
        """);

    [Fact]
    public Task H02_BoolLocalNegatedEarlyNext() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            bool trusted = allowed.Contains(origin);
            if (!trusted)
            {
                await next(context);
                return;
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
        """);

    [Fact]
    public Task H03_CheckOnNormalisedCopy() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            var normalised = origin.ToLowerInvariant();
            if (allowed.Contains(normalised))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H04_ClampToDefaultOrigin() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (!allowed.Contains(origin))
            {
                origin = "https://app.contoso.com";
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
            context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
        """);

    [Fact]
    public Task H05_ClampWithTernaryReassignment() => Middleware("""
            string origin = context.Request.Headers.Origin.ToString();
            origin = allowed.Contains(origin) ? origin : "https://app.contoso.com";
            context.Response.Headers.AccessControlAllowOrigin = origin;
        """);

    [Fact]
    public Task H06_TernaryInTheValue() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            context.Response.Headers.AccessControlAllowOrigin = allowed.Contains(origin) ? origin : "https://app.contoso.com";
        """);

    [Fact]
    public Task H07_SwitchWithDefaultThatLeaves() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            switch (origin)
            {
                case "https://app.contoso.com":
                case "https://admin.contoso.com":
                    break;
                default:
                    await next(context);
                    return;
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
        """);

    [Fact]
    public Task H08_SwitchCaseWithWhenGuard() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            switch (origin)
            {
                case var o when allowed.Contains(o):
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                    break;
            }
        """);

    [Fact]
    public Task H09_GuardOutsideOnStartingCallback() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (allowed.Contains(origin))
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                    return Task.CompletedTask;
                });
            }
        """);

    [Fact]
    public Task H10_GuardInCallerWriteInLocalFunction() => Middleware("""
            if (allowed.Contains(context.Request.Headers.Origin.ToString()))
            {
                WriteCors(context);
            }

            static void WriteCors(HttpContext c)
            {
                c.Response.Headers.AccessControlAllowOrigin = c.Request.Headers.Origin;
                c.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H11_IsNotOrPattern() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (origin is not ("https://app.contoso.com" or "https://admin.contoso.com"))
            {
                await next(context);
                return;
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
        """);

    [Fact]
    public Task H12_StringEqualsIgnoreCaseWithConstant() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (string.Equals(origin, "https://app.contoso.com", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H13_UriHostEquality() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host == "app.contoso.com")
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H14_LoopOverAllowedWithEquality() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            foreach (var candidate in allowed)
            {
                if (string.Equals(candidate, origin, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                    break;
                }
            }
        """);

    [Fact]
    public Task H15_AnyWithLambda() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (allowed.Any(a => a == origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H16_ArrayIndexOf() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        string[] allowed = { "https://app.contoso.com", "https://admin.contoso.com" };
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (Array.IndexOf(allowed, origin) >= 0)
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H17_ArrayExists() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        string[] allowed = { "https://app.contoso.com", "https://admin.contoso.com" };
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (Array.Exists(allowed, a => a == origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H18_StrictHelperMethodInSource() => AssertSilent("""
        public class CorsHeadersMiddleware
        {
            private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "https://app.contoso.com" };
            private readonly RequestDelegate _next;

            public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (IsTrusted(origin))
                {
                    context.Response.Headers.AccessControlAllowOrigin = origin;
                    context.Response.Headers.AccessControlAllowCredentials = "true";
                }

                await _next(context);
            }

            private static bool IsTrusted(string origin) => Allowed.Contains(origin);
        }
        """);

    [Fact]
    public Task H19_DictionaryTryGetValue() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var tenants = new Dictionary<string, string> { ["https://a.contoso.com"] = "a" };
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.TryGetValue("Origin", out var origin) && tenants.TryGetValue(origin.ToString(), out var tenant))
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                context.Items["tenant"] = tenant;
            }

            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H20_StrictRegexGuard() => AssertSilent("""
        using System.Text.RegularExpressions;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (Regex.IsMatch(origin, @"\Ahttps://([a-z0-9-]+\.)?contoso\.com\z"))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
            }

            await next(context);
        });
        app.Run();
        """);
}

public partial class CorrectCodeTests
{
    [Fact]
    public Task H21_ReadonlyFieldInitialisedStarOverwrittenInConstructor() => AssertSilent("""
        public class StaticCorsMiddleware
        {
            private readonly RequestDelegate _next;
            private readonly string _allowOrigin = "*";

            public StaticCorsMiddleware(RequestDelegate next, IConfiguration configuration)
            {
                _next = next;
                _allowOrigin = configuration["Cors:AllowOrigin"] ?? "https://app.contoso.com";
            }

            public Task InvokeAsync(HttpContext context)
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = _allowOrigin;
                return _next(context);
            }
        }
        """);

    [Fact]
    public Task H22_LocalInitialisedStarOverwrittenByOut() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var originByTenant = new Dictionary<string, string> { ["a"] = "https://a.contoso.com" };
        app.Use(async (context, next) =>
        {
            string? allowOrigin = "*";
            if (!originByTenant.TryGetValue(context.Request.Host.Host, out allowOrigin))
            {
                await next(context);
                return;
            }

            context.Response.Headers["Access-Control-Allow-Origin"] = allowOrigin;
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H25_StarInOtherCorsHeaders() => Middleware("""
            context.Response.Headers["Access-Control-Allow-Headers"] = "*";
            context.Response.Headers["Access-Control-Allow-Methods"] = "*";
            context.Response.Headers[HeaderNames.AccessControlExposeHeaders] = "*";
            context.Response.Headers.AccessControlAllowHeaders = "*";
            context.Response.Headers.Append($"Access-Control-{"Max-Age"}", "600");
        """);

    [Fact]
    public Task H26_StarIntoRequestHeadersAndHttpRequestMessage() => Middleware("""
            context.Request.Headers["Access-Control-Allow-Origin"] = "*";
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Get, "https://upstream.contoso.com");
            request.Headers.Add("Access-Control-Allow-Origin", "*");
            request.Headers.TryAddWithoutValidation("Origin", context.Request.Headers.Origin.ToString());
        """);

    [Fact]
    public Task H27_ReadAndRemoveAllowOrigin() => Middleware("""
            var sent = context.Response.Headers["Access-Control-Allow-Origin"];
            var has = context.Response.Headers.ContainsKey(HeaderNames.AccessControlAllowOrigin);
            context.Response.Headers.Remove("Access-Control-Allow-Origin");
            context.Response.Headers["X-Seen-Origin"] = context.Request.Headers.Origin;
            context.Response.Headers[HeaderNames.Vary] = HeaderNames.Origin;
        """);

    [Fact]
    public Task H28_AllowOriginFromConfiguration() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var front = app.Configuration["Cors:FrontEnd"];
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Access-Control-Allow-Origin"] = front;
            context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H29_CorsServiceResultGuard() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Spa", p => p.WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type")));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var cors = context.RequestServices.GetRequiredService<ICorsService>();
            var policies = context.RequestServices.GetRequiredService<ICorsPolicyProvider>();
            var policy = await policies.GetPolicyAsync(context, "Spa");
            var result = cors.EvaluatePolicy(context, policy!);
            if (result.IsOriginAllowed)
            {
                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H30_HelperThatReadsTheOriginItselfGuardsEarly() => AssertSilent("""
        public class CorsHeadersMiddleware
        {
            private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "https://app.contoso.com" };
            private readonly RequestDelegate _next;

            public CorsHeadersMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                if (!IsTrustedCorsRequest(context))
                {
                    await _next(context);
                    return;
                }

                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
                await _next(context);
            }

            private static bool IsTrustedCorsRequest(HttpContext context) => Allowed.Contains(context.Request.Headers.Origin.ToString());
        }
        """);

    [Fact]
    public Task H31_PolicyDelegateGuard() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var policy = new CorsPolicyBuilder("https://app.contoso.com").Build();
        app.Use(async (context, next) =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (policy.IsOriginAllowed(origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }

            await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task H32_PatternVariableWithMembership() => Middleware("""
            if (context.Request.Headers.Origin.ToString() is { Length: > 0 } origin && allowed.Contains(origin))
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task H33_PrivateFieldAssignedInConstructorFromOptions() => AssertSilent("""
        using Microsoft.Extensions.Options;

        public sealed class CorsHeaderOptions
        {
            public string AllowOrigin { get; set; } = "https://app.contoso.com";
        }

        public class PublicHeadersMiddleware
        {
            private readonly RequestDelegate _next;
            private string _value = "*";

            public PublicHeadersMiddleware(RequestDelegate next, IOptions<CorsHeaderOptions> options)
            {
                _next = next;
                _value = options.Value.AllowOrigin;
            }

            public Task InvokeAsync(HttpContext context)
            {
                context.Response.Headers.Append("Access-Control-Allow-Origin", _value);
                return _next(context);
            }
        }
        """);
}

public partial class CorrectCodeTests
{
    // A full program around one policy: `policy` is the CorsPolicyBuilder.
    private static Task Policy(string configure, string extra = "") => AssertSilent("""
        using System.Text.RegularExpressions;
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
        {
        """ + "\n" + configure + "\n" + """
        }));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """ + "\n" + extra);

    private static Task Predicate(string predicate, string extra = "") => Policy(
        "    policy.SetIsOriginAllowed(" + predicate + ").AllowAnyMethod().AllowAnyHeader().AllowCredentials();", extra);

    [Fact]
    public Task P01_DocCompliantHostCheck() => Predicate("""
        origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && (uri.Host == "contoso.com" || uri.Host.EndsWith(".contoso.com"))
        """);

    [Fact]
    public Task P02_RegexDotsEscapedWithCharacterClass() => Predicate("""origin => Regex.IsMatch(origin, "^https://app[.]contoso[.]com$")""");

    [Fact]
    public Task P03_RegexAnchoredWithAz() => Predicate("""origin => Regex.IsMatch(origin, @"\Ahttps://app\.contoso\.com\z")""");

    [Fact]
    public Task P04_RegexIgnoreCaseAlternationAndPort() => Predicate("""origin => Regex.IsMatch(origin, @"^https://(www|app)\.contoso\.com(:\d+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)""");

    [Fact]
    public Task P05_StartsWithSchemeEndsWithDotDomain() => Predicate("""origin => origin.StartsWith("https://") && origin.EndsWith(".contoso.com")""");

    [Fact]
    public Task P06_ContainsSchemeSeparatorLocalhostColon() => Predicate("""origin => origin.Contains("://localhost:")""");

    [Fact]
    public Task P07_ContainsDotDomainColon() => Predicate("""origin => origin.Contains(".contoso.com:")""");

    [Fact]
    public Task P08_StartsWithPlusLengthCheck() => Predicate("""origin => origin.StartsWith("https://app.contoso.com") && (origin.Length == 23 || origin[23] == ':')""");

    [Fact]
    public Task P09_EarlyReturnListThenEndsWith() => Predicate("IsTrusted", """
        static bool IsTrusted(string origin)
        {
            string[] allowed = ["https://app.contoso.com", "https://admin.contoso.com"];
            if (!allowed.Contains(origin))
            {
                return false;
            }

            return origin.EndsWith("contoso.com");
        }
        """);

    [Fact]
    public Task P10_SwitchExpressionOnHost() => Predicate("""
        origin => new Uri(origin).Host switch
        {
            "contoso.com" => true,
            var host when host.EndsWith(".contoso.com") => true,
            _ => false,
        }
        """);

    [Fact]
    public Task P11_HostEndsWithConcatenatedDotDomain() => Predicate("""origin => new Uri(origin).Host.EndsWith("." + Domains.Root) || new Uri(origin).Host == Domains.Root""",
        """
        static class Domains { public const string Root = "contoso.com"; }
        """);

    [Fact]
    public Task P12_ListPatternOnLabels() => Predicate("""origin => new Uri(origin).Host.Split('.') is [.., "contoso", "com"]""");

    [Fact]
    public Task P13_IgnorePatternWhitespace() => Predicate("""origin => Regex.IsMatch(origin, @"^ https:// app \. contoso \. com $", RegexOptions.IgnorePatternWhitespace)""");

    [Fact]
    public Task P14_DevelopmentOnlyLocalhostPrefix() => Policy("""
            var dev = builder.Environment.IsDevelopment();
            policy.SetIsOriginAllowed(origin => dev && origin.StartsWith("http://localhost:")).AllowAnyMethod().AllowAnyHeader();
        """);

    [Fact]
    public Task P15_StartsWithThenEqualsLength() => Predicate("""origin => origin.StartsWith("https://app.contoso.com") && origin.Length == "https://app.contoso.com".Length""");

    [Fact]
    public Task P16_EndsWithAndListIntersection() => Predicate("""origin => origin.EndsWith("contoso.com") && Allowed.Origins.Contains(origin)""",
        """
        static class Allowed { public static readonly HashSet<string> Origins = new() { "https://app.contoso.com" }; }
        """);

    [Fact]
    public Task P17_IfChainOfStrictChecks() => Predicate("IsTrusted", """
        static bool IsTrusted(string origin)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
            {
                return false;
            }

            if (uri.IsLoopback)
            {
                return true;
            }

            return uri.Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase);
        }
        """);

    [Fact]
    public Task P18_GetLeftPartAuthorityEquality() => Predicate("""origin => new Uri(origin).GetLeftPart(UriPartial.Authority) == "https://app.contoso.com" """);

    [Fact]
    public Task P19_EndsWithDotDomainWithPort() => Predicate("""origin => origin.EndsWith(".contoso.com:8443") || origin.EndsWith(".contoso.com")""");

    [Fact]
    public Task P20_TrimmedHostCheck() => Predicate("""origin => new Uri(origin).Host.TrimEnd('.').EndsWith(".contoso.com")""");

    [Fact]
    public Task P21_CompiledRegexField() => Predicate("""origin => Checks.Trusted.IsMatch(origin)""", """
        static class Checks { public static readonly Regex Trusted = new(@"^https://([a-z0-9-]+\.)*contoso\.com$", RegexOptions.Compiled); }
        """);

    [Fact]
    public Task P22_NotEndsWithLookalikeNegation() => Predicate("""origin => !(origin.StartsWith("http://") || !origin.EndsWith(".contoso.com"))""");

    [Fact]
    public Task P23_HostFromAuthorityEquality() => Predicate("""origin => new Uri(origin).Authority.Equals("app.contoso.com", StringComparison.OrdinalIgnoreCase)""");

    [Fact]
    public Task P24_IdnHostEndsWith() => Predicate("""origin => new Uri(origin).IdnHost.EndsWith(".contoso.com")""");
}


public partial class CorrectCodeTests
{
    private const string Origins = """    policy.WithOrigins("https://app.contoso.com");""";

    [Fact]
    public Task M01_LowerCaseSafelistedMethods() => Policy(Origins + """
            policy.WithMethods("get", "post", "head").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task M02_MixedCaseSafelistedMethods() => Policy(Origins + """
            policy.WithMethods("Get", "Post", "Head").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task M03_LowerCaseHeaderNames() => Policy(Origins + """
            policy.WithMethods("GET", "PUT").WithHeaders("content-type", "x-api-key").WithExposedHeaders("x-total-count");
        """);

    [Fact]
    public Task M04_CommaJoinedSplitAtRunTime() => Policy(Origins + """
            policy.WithMethods("GET,PUT,DELETE".Split(',')).WithHeaders("Content-Type, Authorization".Split(", "));
        """);

    [Fact]
    public Task M05_SplitWithTrimEntries() => Policy(Origins + """
            policy.WithMethods("GET, PUT".Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                .WithHeaders("Content-Type , Authorization".Split(',', StringSplitOptions.TrimEntries));
        """);

    [Fact]
    public Task M06_HttpMethodsAndHeaderNamesFields() => Policy(Origins + """
            policy.WithMethods(HttpMethods.Get, HttpMethods.Patch, HttpMethods.Delete).WithHeaders(HeaderNames.ContentType, HeaderNames.Authorization);
        """);

    [Fact]
    public Task M07_StarAmongHeadersWithoutCredentials() => Policy(Origins + """
            policy.WithMethods("GET", "PUT").WithHeaders("*", "X-Api-Key").WithExposedHeaders("*");
        """);

    [Fact]
    public Task M08_StarAloneWithCredentials() => Policy(Origins + """
            policy.WithMethods("*").WithHeaders("*").AllowCredentials();
        """);

    [Fact]
    public Task M09_ExposedStarCredentialsWithdrawn() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").WithExposedHeaders("*").AllowCredentials().DisallowCredentials();
        """);

    [Fact]
    public Task M10_StarAmongHeadersOverriddenByAllowAnyHeader() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("*", "X-Api-Key").AllowAnyHeader().AllowCredentials();
        """);

    [Fact]
    public Task M11_CommaJoinedOverriddenByAllowAnyMethod() => Policy(Origins + """
            policy.WithMethods("GET,POST").AllowAnyMethod().WithHeaders("Content-Type");
        """);

    [Fact]
    public Task M12_MethodsFromConfiguration() => Policy(Origins + """
            policy.WithMethods(builder.Configuration.GetSection("Cors:Methods").Get<string[]>() ?? ["GET"])
                .WithHeaders(builder.Configuration["Cors:Headers"]!.Split(','));
        """);

    [Fact]
    public Task M13_CredentialsOnlyInDevelopmentButStarAlone() => Policy(Origins + """
            policy.WithMethods("GET", "PUT").WithHeaders("*");
            if (builder.Environment.IsDevelopment())
            {
                policy.AllowCredentials();
            }
        """);

    [Fact]
    public Task M14_ExposedStarThenClearedOnPolicyObject() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var policy = new CorsPolicyBuilder("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type").WithExposedHeaders("*").AllowCredentials().Build();
        policy.ExposedHeaders.Clear();
        policy.ExposedHeaders.Add("X-Total-Count");
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """);

    [Fact]
    public Task T01_TenMinutes() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        """);

    [Fact]
    public Task T02_FractionalArgumentsThatAreWholeSeconds() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(0.5));
            policy.SetPreflightMaxAge(TimeSpan.FromHours(0.1));
            policy.SetPreflightMaxAge(TimeSpan.FromDays(1.0 / 144));
            policy.SetPreflightMaxAge(TimeSpan.FromMinutes(1.0 / 6));
        """);

    [Fact]
    public Task T03_ConstantExpressionDoubleArithmetic() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromSeconds(0.1 * 3000));
        """);

    [Fact]
    public Task T04_SubTickFraction() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromSeconds(300.000000001));
        """);

    [Fact]
    public Task T05_OverriddenByLaterValue() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromHours(1)).SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        """);

    [Fact]
    public Task T06_RunTimeValues() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromSeconds(builder.Configuration.GetValue("Cors:MaxAge", 600)));
        """);

    [Fact]
    public Task T07_Net9Overloads() => Policy(Origins + """
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(9, 59));
            policy.SetPreflightMaxAge(TimeSpan.FromSeconds(599, 1000));
            policy.SetPreflightMaxAge(new TimeSpan(0, 0, 9, 60, 0));
            policy.SetPreflightMaxAge(TimeSpan.FromTicks(TimeSpan.TicksPerMinute * 10));
            policy.SetPreflightMaxAge(TimeSpan.FromMilliseconds(600_000));
        """);

    [Fact]
    public Task T08_ClearedWithPolicyObject() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var policy = new CorsPolicyBuilder("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromDays(1)).Build();
        policy.PreflightMaxAge = TimeSpan.FromMinutes(10);
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """);
}


public partial class CorrectCodeTests
{
    private static Task Program(string services, string extra = "") => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        """ + "\n" + services + "\n" + """
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """ + "\n" + extra);

    [Fact]
    public Task O01_OriginsInHelperMethod() => Program("""
        builder.Services.AddCors(options => options.AddPolicy("Api", policy => AddFrontEnds(policy.AllowAnyMethod().AllowAnyHeader())));
        static void AddFrontEnds(CorsPolicyBuilder policy) => policy.WithOrigins("https://app.contoso.com");
        """);

    [Fact]
    public Task O02_OriginsInExtensionMethod() => Program("""
        builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.AllowFrontEnd().AllowAnyMethod().AllowAnyHeader()));
        """, """
        static class CorsExtensions
        {
            public static CorsPolicyBuilder AllowFrontEnd(this CorsPolicyBuilder policy) => policy.WithOrigins("https://app.contoso.com");
        }
        """);

    [Fact]
    public Task O03_PolicyObjectCollectionInitializer() => Program("""
        var policy = new CorsPolicy
        {
            Origins = { "https://app.contoso.com" },
            Methods = { "GET", "PUT" },
            Headers = { "Content-Type" },
        };
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        """);

    [Fact]
    public Task O04_BuilderConstructorOrigins() => Program("""
        builder.Services.AddCors(options => options.AddPolicy("Api", new CorsPolicyBuilder("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type").Build()));
        """);

    [Fact]
    public Task O05_BuilderCopiesAnotherPolicy() => Program("""
        var basePolicy = new CorsPolicyBuilder("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type").Build();
        builder.Services.AddCors(options => options.AddPolicy("Api", new CorsPolicyBuilder(basePolicy).AllowCredentials().Build()));
        """);

    [Fact]
    public Task O06_OriginsAddedInALoop() => Program("""
        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
        {
            foreach (var origin in origins)
            {
                policy.WithOrigins(origin);
            }

            policy.WithMethods("GET").WithHeaders("Content-Type");
        }));
        """);

    [Fact]
    public Task O07_ActionVariableInvokedInsidePolicy() => Program("""
        Action<CorsPolicyBuilder> withOrigins = p => p.WithOrigins("https://app.contoso.com");
        builder.Services.AddCors(options => options.AddPolicy("Api", policy =>
        {
            withOrigins(policy);
            policy.WithMethods("GET").WithHeaders("Content-Type");
        }));
        """);

    [Fact]
    public Task O09_OriginsAddedAfterRegistrationSameObject() => Program("""
        var policy = new CorsPolicy();
        policy.Methods.Add("GET");
        policy.Headers.Add("Content-Type");
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        policy.Origins.Add("https://app.contoso.com");
        """);

    [Fact]
    public Task O10_IsOriginAllowedAssignedOnPolicyObject() => Program("""
        var allowed = new HashSet<string> { "https://app.contoso.com" };
        var policy = new CorsPolicy { IsOriginAllowed = o => allowed.Contains(o) };
        policy.Methods.Add("GET");
        policy.Headers.Add("Content-Type");
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        """);

    [Fact]
    public Task O11_CombinedDelegates() => Program("""
        Action<CorsPolicyBuilder> configure = p => p.WithOrigins("https://app.contoso.com");
        configure += p => p.WithMethods("GET").WithHeaders("Content-Type");
        builder.Services.AddCors(options => options.AddPolicy("Api", configure));
        """);

    [Fact]
    public Task O13_OriginsFromConstructorParameterOfOptionsSetup() => AssertSilent("""
        using Microsoft.Extensions.Options;

        public sealed class CorsSetup : IConfigureOptions<CorsOptions>
        {
            private readonly string[] _origins;

            public CorsSetup(IConfiguration configuration) => _origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];

            public void Configure(CorsOptions options) => options.AddPolicy("Api", policy =>
            {
                if (_origins.Length > 0)
                {
                    policy.WithOrigins(_origins);
                }

                policy.WithMethods("GET").WithHeaders("Content-Type");
            });
        }
        """);

    [Fact]
    public Task A01_AcceptAllReplacedByWildcardSubdomains() => Policy("""
            policy.SetIsOriginAllowed(_ => true).WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains().WithMethods("GET").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task A02_AcceptAllReplacedByStrictPredicate() => Policy("""
            policy.SetIsOriginAllowed(_ => true).WithMethods("GET").WithHeaders("Content-Type");
            policy.SetIsOriginAllowed(origin => origin == "https://app.contoso.com");
        """);

    [Fact]
    public Task A03_AllowAnyOriginThenOrigins() => Policy("""
            policy.AllowAnyOrigin().WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task A04_PredicateThatThrowsForUntrusted() => Predicate("IsTrusted", """
        static bool IsTrusted(string origin)
        {
            if (origin != "https://app.contoso.com")
            {
                throw new InvalidOperationException("Untrusted origin " + origin);
            }

            return true;
        }
        """);

    [Fact]
    public Task A05_ReadonlyFieldOriginsOverwrittenInConstructor() => AssertSilent("""
        using Microsoft.Extensions.Options;

        public sealed class CorsSetup : IConfigureOptions<CorsOptions>
        {
            private readonly string[] _origins = ["*"];

            public CorsSetup(IConfiguration configuration)
            {
                _origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? ["https://app.contoso.com"];
            }

            public void Configure(CorsOptions options)
                => options.AddPolicy("Api", policy => policy.WithOrigins(_origins).WithMethods("GET").WithHeaders("Content-Type"));
        }
        """);

    [Fact]
    public Task A07_ListOriginsClearedBeforeUse() => Policy("""
            var origins = new List<string> { "*" };
            origins.Clear();
            origins.AddRange(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? []);
            policy.WithOrigins(origins.ToArray()).WithMethods("GET").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task A08_PolicyObjectOriginsClearedAfterAllowAnyOrigin() => Program("""
        var policy = new CorsPolicyBuilder().AllowAnyOrigin().WithMethods("GET").WithHeaders("Content-Type").Build();
        policy.Origins.Clear();
        policy.Origins.Add("https://app.contoso.com");
        builder.Services.AddCors(options => options.AddPolicy("Api", policy));
        """);

}

public partial class CorrectCodeTests
{
    [Fact]
    public Task E02_NestedThrowInPredicate() => Predicate("IsTrusted", """
        static bool IsTrusted(string origin)
        {
            if (origin.EndsWith("contoso.com"))
            {
                if (!origin.EndsWith(".contoso.com") && origin != "https://contoso.com")
                {
                    throw new InvalidOperationException("Look-alike origin " + origin);
                }

                return true;
            }

            return false;
        }
        """);

    [Fact]
    public Task E03_UseWhenGuard() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var allowed = new HashSet<string> { "https://app.contoso.com" };
        app.UseWhen(
            context => allowed.Contains(context.Request.Headers.Origin.ToString()),
            branch => branch.Use(async (context, next) =>
            {
                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
                context.Response.Headers.Vary = "Origin";
                await next(context);
            }));
        app.Run();
        """);

    [Fact]
    public Task E04_StringValuesEqualityWithConstant() => Middleware("""
            if (context.Request.Headers.Origin == "https://app.contoso.com")
            {
                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task E08_ExposedStarInOtherPolicyThanCredentials() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Public", p => p.WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("*", "X-Api-Key").WithExposedHeaders("*"));
            options.AddPolicy("Account", p => p.WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("Content-Type").AllowCredentials());
        });
        var app = builder.Build();
        app.UseCors("Public");
        app.MapGet("/", () => "ok").RequireCors("Account");
        app.Run();
        """);

    [Fact]
    public Task E09_DevelopmentPredicate() => Policy("""
            policy.SetIsOriginAllowed(_ => builder.Environment.IsDevelopment()).WithMethods("GET").WithHeaders("Content-Type");
        """);

    [Fact]
    public Task E10_MaxAgeThroughConstant() => Policy(Origins + """
            const double minutes = 10;
            policy.WithMethods("GET").WithHeaders("Content-Type").SetPreflightMaxAge(TimeSpan.FromMinutes(minutes));
        """);

    [Fact]
    public Task E11_BuilderMutatedAfterBuild() => Program("""
        var corsBuilder = new CorsPolicyBuilder().WithMethods("GET").WithHeaders("Content-Type");
        var built = corsBuilder.Build();
        corsBuilder.WithOrigins("https://app.contoso.com");
        builder.Services.AddCors(options => options.AddPolicy("Api", built));
        """);

    [Fact]
    public Task E12_StaticReadonlyOriginsSetInStaticConstructor() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("Api", p => p.WithOrigins(Front.Origins).WithMethods("GET").WithHeaders("Content-Type")));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();

        static class Front
        {
            public static readonly string[] Origins = ["*"];

            static Front()
            {
                Origins = (Environment.GetEnvironmentVariable("FRONT_ORIGINS") ?? "https://app.contoso.com").Split(';');
            }
        }
        """);
}
