using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// What the browser cannot show: the status of a request without an <c>Origin</c> header (curl, a same-origin GET),
/// and which CORS headers the app sent. Each outcome is the status and the response's <c>Access-Control-Allow-Origin</c>,
/// <c>"500 Allow-Origin=none"</c>; expected outcomes may use <see cref="Placeholders"/>.
/// </summary>
public static class DirectRequests
{
    /// <summary>GET /api/data without an Origin header.</summary>
    public const string NoOrigin = "no-origin";

    /// <summary>GET /api/data with the trusted page's Origin, as the browser sends it.</summary>
    public const string TrustedGet = "trusted-get";

    /// <summary>The <c>Vary</c> of the app's answer to that GET, as sent: <c>"Vary=Origin"</c>, <c>"Vary=none"</c>.</summary>
    public const string TrustedGetVary = "trusted-get-vary";

    /// <summary>The preflight the browser sends from the trusted page before its PUT with JSON.</summary>
    public const string TrustedPreflight = "trusted-preflight";

    /// <summary>The <c>Access-Control-Max-Age</c> of the app's answer to that preflight, as sent: <c>"Max-Age=1.5"</c>, <c>"Max-Age=none"</c>.</summary>
    public const string TrustedPreflightMaxAge = "trusted-preflight-max-age";

    public static async Task<IReadOnlyDictionary<string, string>> RunAsync(string api, string trustedOrigin)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return new Dictionary<string, string>
        {
            [NoOrigin] = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, api + "/api/data")),
            [TrustedGet] = await SendAsync(client, WithOrigin(new HttpRequestMessage(HttpMethod.Get, api + "/api/data"), trustedOrigin)),
            [TrustedGetVary] = await SendAsync(client, WithOrigin(new HttpRequestMessage(HttpMethod.Get, api + "/api/data"), trustedOrigin), response => "Vary=" + (Header(response, "Vary") ?? "none")),
            [TrustedPreflight] = await SendAsync(client, Preflight(api, trustedOrigin)),
            [TrustedPreflightMaxAge] = await SendAsync(client, Preflight(api, trustedOrigin), response => "Max-Age=" + (Header(response, "Access-Control-Max-Age") ?? "none")),
        };
    }

    /// <summary>A response's outcome: its status code and its Access-Control-Allow-Origin ("none" when it sent none).</summary>
    public static string Outcome(int status, string? allowOrigin) => $"{status} Allow-Origin={allowOrigin ?? "none"}";

    private static HttpRequestMessage WithOrigin(HttpRequestMessage request, string origin)
    {
        request.Headers.Add("Origin", origin);
        return request;
    }

    private static HttpRequestMessage Preflight(string api, string origin)
    {
        var request = WithOrigin(new HttpRequestMessage(HttpMethod.Options, api + "/api/data"), origin);
        request.Headers.Add("Access-Control-Request-Method", "PUT");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");
        return request;
    }

    private static Task<string> SendAsync(HttpClient client, HttpRequestMessage request)
        => SendAsync(client, request, response => Outcome((int)response.StatusCode, Header(response, "Access-Control-Allow-Origin")));

    private static async Task<string> SendAsync(HttpClient client, HttpRequestMessage request, Func<HttpResponseMessage, string> outcome)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            return outcome(response);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
