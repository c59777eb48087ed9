using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

/// <summary>The endpoints every scenario app serves (the requests of Infrastructure/page.html).</summary>
public static class ScenarioApi
{
    /// <summary>GET, PUT and PATCH /api/data; GET answers with the session cookie's user and an X-Total header.</summary>
    public static RouteGroupBuilder MapScenarioApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/data");
        api.MapGet("", Data);
        api.MapPut("", SaveAsync);
        api.MapPatch("", () => "patched");
        return api;
    }

    public static string Data(HttpContext context)
    {
        context.Response.Headers["X-Total"] = "42";
        return "user:" + (context.Request.Cookies["session"] ?? "anon");
    }

    public static async Task<string> SaveAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        return "saved";
    }

    /// <summary>GET /api/cached: a response every cache may keep for a minute.</summary>
    public static string Cached(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=60";
        return "cached";
    }

    public static string Secret(ClaimsPrincipal user) => "secret:" + user.Identity!.Name;
}

/// <summary>A tiny bearer-style scheme: "Authorization: Bearer alice" signs in alice; anything else is anonymous (401 on challenge).</summary>
public sealed class TokenHandler : AuthenticationHandler<AuthenticationSchemeOptions>
{
    public const string Scheme = "Token";

    public TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : base(options, logger, encoder)
    {
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.Authorization.ToString() != "Bearer alice")
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var identity = new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, "alice") }, Scheme);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme)));
    }
}
