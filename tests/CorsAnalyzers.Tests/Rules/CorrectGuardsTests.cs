using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Correct code no rule may report on, from a review for false positives of hand-written guards and predicates (December
/// 2026): a guard that throws, values cleared unless trusted, a match looked up in the list, an endpoint filter that
/// forbids first, a predicate that throws for unknown origins, a host check with its dot, origins that may be none.
/// Every rule is judged.
/// </summary>
public class CorrectGuardsTests
{
    private static readonly string[] Judged = { "CORS001", "CORS002", "CORS003", "CORS004", "CORS005", "CORS006", "CORS007", "CORS008", "CORS009", "CORS010", "CORS011", "CORS012", "CORS013", "CORS014", "CORS015" };

    private static Task AssertSilent(string source, params string[] more) => SilentRun.AssertSilentAsync(Judged, kind: null, library: null, source, more);

    private const string Prefix = """
        using Microsoft.Net.Http.Headers;

        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var allowed = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "https://app.contoso.com", "https://admin.contoso.com" };

        """;

    private static Task Middleware(string body) => AssertSilent(Prefix + """
        app.Use(async (context, next) =>
        {
        """ + "\n" + body + "\n" + """
            await next(context);
        });
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task G01_ThrowWhenNotAllowed() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            if (!allowed.Contains(origin))
            {
                throw new UnauthorizedAccessException("origin");
            }

            context.Response.Headers.AccessControlAllowOrigin = origin;
            context.Response.Headers.AccessControlAllowCredentials = "true";
        """);

    [Fact]
    public Task G02_ConditionalLocalNullWhenNotAllowed() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            var allowedOrigin = allowed.Contains(origin) ? origin : null;
            if (allowedOrigin is not null)
            {
                context.Response.Headers.AccessControlAllowOrigin = allowedOrigin;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task G03_FirstOrDefaultFromList() => Middleware("""
            var requested = context.Request.Headers.Origin.ToString();
            var match = allowed.FirstOrDefault(o => string.Equals(o, requested, StringComparison.OrdinalIgnoreCase));
            if (match != null)
            {
                context.Response.Headers.AccessControlAllowOrigin = match;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task G04_ConditionalNullValueWritten() => Middleware("""
            var origin = context.Request.Headers.Origin.ToString();
            string? send = null;
            if (allowed.Contains(origin))
            {
                send = origin;
            }

            if (send != null)
            {
                context.Response.Headers.AccessControlAllowOrigin = send;
                context.Response.Headers.AccessControlAllowCredentials = "true";
            }
        """);

    [Fact]
    public Task G05_TryGetValueThenContains() => Middleware("""
            if (context.Request.Headers.TryGetValue("Origin", out var origin) && allowed.Contains(origin.ToString()))
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                context.Response.Headers["Vary"] = "Origin";
            }
        """);

    [Fact]
    public Task G06_EndpointFilterChecksThenWrites() => AssertSilent(Prefix + """
        app.MapGet("/data", () => "ok").AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var origin = http.Request.Headers.Origin.ToString();
            if (!allowed.Contains(origin))
            {
                return Results.Forbid();
            }

            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.AccessControlAllowCredentials = "true";
            return await next(context);
        });
        app.Run();
        """);

    [Fact]
    public Task G07_PredicateThatThrowsForUnknownOrigins() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var allowed = new HashSet<string> { "https://app.contoso.com" };
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p
            .SetIsOriginAllowed(origin => allowed.Contains(origin) ? true : throw new InvalidOperationException(origin))
            .AllowCredentials().AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task G08_PredicateWithUriHostSuffixDot() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p
            .SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == "https" && (uri.Host == "contoso.com" || uri.Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase)))
            .AllowCredentials().AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task G09_PolicyFromOptionsArrayWithFallbackEmpty() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(origins).AllowCredentials().AllowAnyMethod().AllowAnyHeader()));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """);
}
