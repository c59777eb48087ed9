using System.Collections.Generic;
using System.Linq;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// What the browser must show for one run of a scenario app: either the app fails at startup (and prints
/// <see cref="StartupFailure"/>), or, per page origin, the outcome of each request the page makes
/// (<c>"200 user:alice"</c>, <c>"401 "</c>, <c>"blocked"</c>; see Infrastructure/page.html). Requests a scenario
/// does not list are not compared. <see cref="Direct"/> are requests the test makes itself, without a browser (see
/// <see cref="DirectRequests"/>); <see cref="Logged"/> is text the app must have printed once they all ran.
/// <see cref="Preflights"/> is how many preflights (OPTIONS requests) the app logged for the trusted page's repeated
/// PUT (<see cref="BrowserScenario.RepeatedPutPauses"/>): fewer than PUTs means the browser kept a preflight.
/// </summary>
public sealed record Outcomes(
    IReadOnlyDictionary<string, string>? Trusted = null,
    IReadOnlyDictionary<string, string>? Attacker = null,
    IReadOnlyDictionary<string, string>? Sandboxed = null,
    string? StartupFailure = null,
    IReadOnlyDictionary<string, string>? Direct = null,
    string? Logged = null,
    int? Preflights = null)
{
    public const string Blocked = "blocked";

    /// <summary>The page's five front-end requests, every one rejected by the browser.</summary>
    public static IReadOnlyDictionary<string, string> AllBlocked { get; } = Requests(Blocked, Blocked, Blocked, Blocked, Blocked);

    /// <summary>A policy that allows the origin, credentials, any method and header and exposes X-Total.</summary>
    public static IReadOnlyDictionary<string, string> AllAllowed { get; } = Requests("200 user:anon", "200 user:alice", "200 saved", "200 user:anon", "200 X-Total=42");

    /// <summary>The outcomes of get, credentialed, put, authorization and exposed, in that order.</summary>
    public static IReadOnlyDictionary<string, string> Requests(string get, string credentialed, string put, string authorization, string exposed)
        => new Dictionary<string, string>
        {
            ["get"] = get,
            ["credentialed"] = credentialed,
            ["put"] = put,
            ["authorization"] = authorization,
            ["exposed"] = exposed,
        };

    /// <summary>The protected endpoint's outcomes: anonymous GET, GET with a valid token, PUT with a valid token.</summary>
    public static IReadOnlyDictionary<string, string> Secure(string anonymous, string token, string put)
        => new Dictionary<string, string>
        {
            ["secure"] = anonymous,
            ["secure-token"] = token,
            ["secure-put"] = put,
        };

    public static IReadOnlyDictionary<string, string> With(IReadOnlyDictionary<string, string> first, IReadOnlyDictionary<string, string> second)
        => first.Concat(second).ToDictionary(pair => pair.Key, pair => pair.Value);
}
