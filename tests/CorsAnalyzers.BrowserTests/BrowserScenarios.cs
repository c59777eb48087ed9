using System;
using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.BrowserTests.Infrastructure;
using static CorsAnalyzers.BrowserTests.Infrastructure.Outcomes;

namespace CorsAnalyzers.BrowserTests;

/// <summary>
/// The table: for every diagnostic of the package and every distinct message, an app that gets it and what the
/// browser shows before and after the fix. A rule without a row fails <see cref="BrowserScenarioTableTests"/>.
/// </summary>
public static class BrowserScenarios
{
    private const string AllowedOrigins = """
        root = true

        [*.cs]
        cors_analyzers.allowed_origins = TRUSTED_ORIGIN
        """;

    private const string ExposedHeaders = """
        root = true

        [*.cs]
        cors_analyzers.exposed_headers = X-Total
        """;

    /// <summary>/api/secure as the documented order serves it: the 401 reaches the front end, a valid token gets the data.</summary>
    private static IReadOnlyDictionary<string, string> SecureWorks { get; } = Secure("401 ", "200 secret:alice", "200 secret:alice");

    private static IReadOnlyDictionary<string, string> SecureBlocked { get; } = Secure(Blocked, Blocked, Blocked);

    private static IReadOnlyDictionary<string, string> TrustedOriginAllowed { get; } = Direct("200 Allow-Origin=TRUSTED_ORIGIN", "204 Allow-Origin=TRUSTED_ORIGIN");

    /// <summary>A policy without credentials: every request is read except the credentialed one, which has no Access-Control-Allow-Credentials.</summary>
    private static IReadOnlyDictionary<string, string> AnyOriginReads { get; } = Requests("200 user:anon", Blocked, "200 saved", "200 user:anon", "200 X-Total=42");

    /// <summary>A page on a *.localhost name, allowed with credentials: every request is read, the credentialed one without the session cookie (it belongs to 127.0.0.1's pages).</summary>
    private static IReadOnlyDictionary<string, string> OtherHostReads { get; } = Requests("200 user:anon", "200 user:anon", "200 saved", "200 user:anon", "200 X-Total=42");

    /// <summary>
    /// A hand-written header, asked without a browser: the GET carries <paramref name="allowOrigin"/>, and the
    /// preflight reaches routing, which answers 405 (no endpoint for OPTIONS) with the same header.
    /// </summary>
    private static IReadOnlyDictionary<string, string> HandWritten(string allowOrigin, string vary = "Vary=none") => new Dictionary<string, string>
    {
        [DirectRequests.TrustedGet] = "200 Allow-Origin=" + allowOrigin,
        [DirectRequests.TrustedGetVary] = vary,
        [DirectRequests.TrustedPreflight] = "405 Allow-Origin=" + allowOrigin,
    };

    /// <summary>The CORS middleware with the trusted origin's policy, asked without a browser: it answers the preflight itself.</summary>
    private static IReadOnlyDictionary<string, string> Middleware(string vary) => new Dictionary<string, string>
    {
        [DirectRequests.TrustedGet] = "200 Allow-Origin=TRUSTED_ORIGIN",
        [DirectRequests.TrustedGetVary] = vary,
        [DirectRequests.TrustedPreflight] = "204 Allow-Origin=TRUSTED_ORIGIN",
    };

    /// <summary>What the app answers the trusted origin's GET and its PUT's preflight, asked without a browser.</summary>
    private static IReadOnlyDictionary<string, string> Direct(string get, string preflight) => new Dictionary<string, string>
    {
        [DirectRequests.TrustedGet] = get,
        [DirectRequests.TrustedPreflight] = preflight,
    };

    /// <summary>The Access-Control-Max-Age the app sends the trusted origin's preflight, asked without a browser.</summary>
    private static IReadOnlyDictionary<string, string> MaxAge(string seconds) => new Dictionary<string, string>
    {
        [DirectRequests.TrustedPreflight] = "204 Allow-Origin=TRUSTED_ORIGIN",
        [DirectRequests.TrustedPreflightMaxAge] = "Max-Age=" + seconds,
    };

    /// <summary>What the app answers a GET from <see cref="BrowserScenario.OtherOrigin"/>, asked without a browser.</summary>
    private static IReadOnlyDictionary<string, string> OtherOriginGet(string outcome) => new Dictionary<string, string> { [DirectRequests.OtherGet] = outcome };

    /// <summary>Outcomes of the page's other requests (put-lower, patch, patch-lower, custom, ...; see Infrastructure/page.html).</summary>
    private static IReadOnlyDictionary<string, string> Extra(params (string Request, string Outcome)[] outcomes)
        => outcomes.ToDictionary(outcome => outcome.Request, outcome => outcome.Outcome);

    public static IReadOnlyList<BrowserScenario> All { get; } = new BrowserScenario[]
    {
        new(
            "Correct policy: the trusted origin works, the attacker's and Origin: null are blocked",
            "CorrectPolicy.cs",
            null,
            null,
            new(Trusted: AllAllowed, Attacker: AllBlocked, Sandboxed: AllBlocked)),

        // CORS001: "ASP.NET Core throws InvalidOperationException when it builds it".
        new(
            "CORS001 AllowAnyOrigin with AllowCredentials: the app fails at startup",
            "AnyOriginWithCredentials.cs",
            DiagnosticIds.DoNotCombineAnyOriginWithCredentials,
            "Policy 'web' allows any origin together with credentials; ASP.NET Core throws InvalidOperationException when it builds it. List the trusted origins with WithOrigins(...) instead.",
            new(StartupFailure: "System.InvalidOperationException: The CORS protocol does not allow specifying a wildcard (any) origin and credentials at the same time."),
            new(Trusted: AllAllowed, Attacker: AllBlocked),
            AllowedOrigins),

        // CORS002: "any web site can then make authenticated requests and read the responses".
        new(
            "CORS002 SetIsOriginAllowed(origin => true) with AllowCredentials: the attacker reads alice's data",
            "EveryOriginWithCredentials.cs",
            DiagnosticIds.DoNotAllowEveryOriginWithCredentials,
            "Policy 'web' allows credentials and its SetIsOriginAllowed predicate accepts every origin; any web site can then make authenticated requests and read the responses. List the trusted origins with WithOrigins(...) or check the origin in the predicate.",
            new(Trusted: AllAllowed, Attacker: AllAllowed),
            new(Trusted: AllAllowed, Attacker: AllBlocked),
            AllowedOrigins),

        // CORS003 with a protected endpoint (/api/secure, RequireAuthorization, the Token scheme of ScenarioApi.cs).
        new(
            "CORS003 documented order (UseCors, UseAuthentication, UseAuthorization): 401 readable, token works",
            "DocumentedOrderWithAuthorization.cs",
            null,
            null,
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 UseAuthentication, UseCors, UseAuthorization: behaves like the documented order",
            "AuthenticationBeforeCors.cs",
            null,
            null,
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 UseAuthorization before UseCors, policy from the middleware: the 401 is a CORS error, tokens work",
            "AuthorizationBeforeCors.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors(\"web\") is called after UseAuthorization(); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors(\"web\") before UseAuthorization().",
            new(Trusted: With(AllAllowed, Secure(Blocked, "200 secret:alice", "200 secret:alice")), Attacker: With(AllBlocked, SecureBlocked)),
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 UseAuthorization before UseCors, endpoints with RequireCors: every preflight is rejected, even with a token",
            "AuthorizationBeforeCorsWithRequireCors.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors() is called after UseAuthorization() and endpoints declare CORS metadata; authorization rejects the preflight OPTIONS requests of endpoints that require it before CORS answers, so every cross-origin request to them that needs a preflight (PUT, a JSON body, an Authorization header) fails, even with valid credentials, and their 401 and 403 responses carry no CORS headers. Call UseCors() before UseAuthorization().",
            new(Trusted: With(AllAllowed, Secure(Blocked, Blocked, Blocked)), Attacker: With(AllBlocked, SecureBlocked)),
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 minimal hosting, no UseAuthentication/UseAuthorization: WebApplication runs them before UseCors",
            "ImplicitAuthorizationBeforeCors.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "WebApplication runs UseAuthentication() and UseAuthorization() before UseCors(\"web\") because AddAuthentication() registers their services and the app does not call them itself; the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call app.UseAuthentication() and app.UseAuthorization() explicitly after UseCors(\"web\").",
            new(Trusted: With(AllAllowed, Secure(Blocked, "200 secret:alice", "200 secret:alice")), Attacker: With(AllBlocked, SecureBlocked)),
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 UseCors before UseRouting with RequireCors: every request to the endpoints throws, also without an Origin",
            "CorsBeforeRouting.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors() is called before UseRouting() and endpoints declare CORS metadata; the CORS middleware runs before an endpoint is selected, so it cannot apply the endpoints' [EnableCors], [DisableCors] and RequireCors metadata, and ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to those endpoints. Call UseCors() after UseRouting().",
            new(
                Trusted: AllBlocked,
                Attacker: AllBlocked,
                Direct: new Dictionary<string, string>
                {
                    [DirectRequests.NoOrigin] = "500 Allow-Origin=none",
                    [DirectRequests.TrustedGet] = "500 Allow-Origin=none",
                    [DirectRequests.TrustedPreflight] = "500 Allow-Origin=none",
                },
                Logged: "System.InvalidOperationException: Endpoint HTTP: GET /api/data/ => Data contains CORS metadata, but a middleware was not found that supports CORS."),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),

        new(
            "CORS003 Startup: UseAuthorization before UseCors, policy from the middleware: the 401 is a CORS error, tokens work",
            "StartupAuthorizationBeforeCors.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors(\"web\") is called after UseAuthorization(); the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status. Call UseCors(\"web\") before UseAuthorization().",
            new(Trusted: With(AllAllowed, Secure(Blocked, "200 secret:alice", "200 secret:alice")), Attacker: With(AllBlocked, SecureBlocked)),
            new(Trusted: With(AllAllowed, SecureWorks), Attacker: With(AllBlocked, SecureBlocked))),
        new(
            "CORS003 Startup: UseCors after UseEndpoints: the endpoints answer first, every request is blocked",
            "StartupCorsAfterUseEndpoints.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors(\"web\") is called after UseEndpoints(); the requests it answers never reach the CORS middleware, so their responses carry no CORS headers. Call UseCors(\"web\") before UseEndpoints().",
            new(Trusted: AllBlocked, Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        new(
            "CORS003 UseResponseCaching before UseCors: a response cached for another client reaches the trusted origin without CORS headers",
            "ResponseCachingBeforeCors.cs",
            DiagnosticIds.CallUseCorsInMiddlewareOrder,
            "UseCors(\"web\") is called after UseResponseCaching(); responses served from the cache skip the CORS middleware, so they carry no CORS headers, or those of another origin. Call UseCors(\"web\") before UseResponseCaching().",
            new(Trusted: new Dictionary<string, string> { ["get"] = "200 user:anon", ["cached"] = Blocked }, Attacker: new Dictionary<string, string> { ["cached"] = Blocked }),
            new(Trusted: new Dictionary<string, string> { ["get"] = "200 user:anon", ["cached"] = "200 cached" }, Attacker: new Dictionary<string, string> { ["cached"] = Blocked }),
            WarmUp: "/api/cached"),
        // CORS004: "the browser rejects the preflight of ...".
        new(
            "CORS004 WithOrigins only: simple GETs work, PUT with JSON and the Authorization header are rejected",
            "NoMethodsOrHeaders.cs",
            DiagnosticIds.ConfigureMethodsAndHeaders,
            "Policy 'web' allows origins but configures no methods and no request headers; the browser rejects the preflight of PUT, PATCH and DELETE requests and of requests with a JSON Content-Type, an Authorization header or any custom header. Add WithMethods(...) and WithHeaders(...), or AllowAnyMethod() and AllowAnyHeader().",
            new(Trusted: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=42"), Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),

        new(
            "CORS004 no methods: PUT is rejected, the Authorization header on a GET passes",
            "NoMethods.cs",
            DiagnosticIds.ConfigureMethodsAndHeaders,
            "Policy 'web' allows origins but configures no methods; the browser rejects the preflight of PUT, PATCH and DELETE requests. Add WithMethods(...) or AllowAnyMethod().",
            new(Trusted: Requests("200 user:anon", "200 user:alice", Blocked, "200 user:anon", "200 X-Total=42"), Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        new(
            "CORS004 no request headers: a JSON body and the Authorization header are rejected",
            "NoHeaders.cs",
            DiagnosticIds.ConfigureMethodsAndHeaders,
            "Policy 'web' allows origins but configures no request headers; the browser rejects the preflight of requests with a JSON Content-Type, an Authorization header or any custom header. Add WithHeaders(...) or AllowAnyHeader().",
            new(Trusted: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=42"), Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        // CORS005: "never matches".
        new(
            "CORS005 origin with a trailing slash: the trusted origin is blocked too",
            "OriginWithTrailingSlash.cs",
            DiagnosticIds.DoNotListOriginsThatNeverMatch,
            "Policy 'web' lists origin 'TRUSTED_ORIGIN/', which never matches: browsers send an origin without a path, query, fragment or trailing slash; write 'TRUSTED_ORIGIN'",
            new(Trusted: AllBlocked, Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),

        new(
            "CORS005 origin with a leading space: the trusted origin is blocked too",
            "OriginWithWhitespace.cs",
            DiagnosticIds.DoNotListOriginsThatNeverMatch,
            "Policy 'web' lists origin ' TRUSTED_ORIGIN', which never matches: browsers send no whitespace in an origin; write 'TRUSTED_ORIGIN'",
            new(Trusted: AllBlocked, Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        new(
            "CORS005 origin without a scheme: the trusted origin is blocked too",
            "OriginWithoutScheme.cs",
            DiagnosticIds.DoNotListOriginsThatNeverMatch,
            "Policy 'web' lists origin '127.0.0.1:TRUSTED_PORT', which never matches: browsers always send the scheme; write the origin as 'https://host' or 'http://host'",
            new(Trusted: AllBlocked, Attacker: AllBlocked)),
        new(
            "CORS005 '*' next to an origin: it allows no other origin",
            "AnyAmongOtherOrigins.cs",
            DiagnosticIds.DoNotListOriginsThatNeverMatch,
            "Policy 'web' lists origin '*', which never matches: '*' means any origin only when it is the policy's only origin, next to other origins it is compared as text. Remove it, or use AllowAnyOrigin() alone if every origin is meant",
            new(Trusted: AllAllowed, Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        new(
            "CORS005 upper-case scheme in a CorsPolicy object: the trusted origin is blocked too",
            "UpperCaseOriginInPolicyObject.cs",
            DiagnosticIds.DoNotListOriginsThatNeverMatch,
            "Policy 'web' lists origin 'HTTP://127.0.0.1:TRUSTED_PORT', which never matches: CorsPolicy.Origins is compared case-sensitively and browsers send lowercase origins; write 'TRUSTED_ORIGIN'",
            new(Trusted: AllBlocked, Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        // CORS006: "sandboxed iframes ... send 'Origin: null', so any site can use this policy".
        new(
            "CORS006 the null origin: a sandboxed iframe on the attacker's site reads the responses",
            "NullOrigin.cs",
            DiagnosticIds.DoNotAllowNullOrigin,
            "Policy 'web' allows the 'null' origin; sandboxed iframes, file: pages and cross-origin redirects of any site send 'Origin: null', so any site can use this policy. Remove 'null' and list the real origins.",
            new(Trusted: AllAllowed, Attacker: AllBlocked, Sandboxed: Requests("200 user:anon", "200 user:anon", "200 saved", "200 user:anon", "200 X-Total=42")),
            new(Trusted: AllAllowed, Attacker: AllBlocked, Sandboxed: AllBlocked)),
        // CORS007: "scripts on every web site can call it and read the responses" of requests without credentials; a
        // credentialed request gets no Access-Control-Allow-Credentials, so the browser rejects it, for the trusted origin too.
        new(
            "CORS007 AllowAnyOrigin without credentials: every site reads the responses, credentialed requests fail",
            "AnyOriginWithoutCredentials.cs",
            DiagnosticIds.AllowAnyOriginOnlyForPublicApis,
            "Policy 'web' allows any origin; scripts on every web site can call it and read the responses. That is fine for a public API that uses no cookies or other credentials; otherwise list the trusted origins with WithOrigins(...).",
            new(Trusted: AnyOriginReads, Attacker: AnyOriginReads, Sandboxed: AnyOriginReads),
            new(Trusted: AnyOriginReads, Attacker: AllBlocked, Sandboxed: AllBlocked),
            AllowedOrigins),
        new(
            "CORS007 SetIsOriginAllowed(origin => true) without credentials: every site reads the responses, credentialed requests fail",
            "EveryOriginWithoutCredentials.cs",
            DiagnosticIds.AllowAnyOriginOnlyForPublicApis,
            "Policy 'web' allows any origin; scripts on every web site can call it and read the responses. That is fine for a public API that uses no cookies or other credentials; otherwise list the trusted origins with WithOrigins(...).",
            new(Trusted: AnyOriginReads, Attacker: AnyOriginReads, Sandboxed: AnyOriginReads),
            new(Trusted: AnyOriginReads, Attacker: AllBlocked, Sandboxed: AllBlocked),
            AllowedOrigins),
        // CORS008: what every site can read when the header is written by hand, and what the middleware adds
        // (preflight answers, Vary: Origin; asked directly). The hand-written middleware runs before routing, so its
        // header also reaches the 405 that routing answers a preflight with, which the browser rejects for its status.
        new(
            "CORS008 hand-written '*': every site reads simple GETs; credentialed and preflighted requests fail",
            "AnyOriginByHand.cs",
            DiagnosticIds.DoNotWritePermissiveAllowOrigin,
            "Access-Control-Allow-Origin is written by hand as '*'; the scripts of every web site can read these responses when they send no credentials. The CORS middleware also answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin, which hand-written headers usually miss: define a policy with the trusted origins (AddCors) and call UseCors instead.",
            new(
                Trusted: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Attacker: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Direct: HandWritten("*"))),
        new(
            "CORS008 hand-written '*' next to an origin: no script reads anything, not even the listed origin's",
            "AnyAmongOriginsByHand.cs",
            DiagnosticIds.DoNotWritePermissiveAllowOrigin,
            "Access-Control-Allow-Origin is written by hand with '*' among other values; browsers accept one origin or '*' alone, so they let no script read these responses. The CORS middleware sends the one origin that matches, answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin: define a policy with the trusted origins (AddCors) and call UseCors instead.",
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: HandWritten("TRUSTED_ORIGIN,*"))),
        new(
            "CORS008 hand-written request Origin, unchecked: the attacker reads simple GETs; credentialed and preflighted requests fail",
            "RequestOriginByHand.cs",
            DiagnosticIds.DoNotWritePermissiveAllowOrigin,
            "Access-Control-Allow-Origin is written by hand with the request's Origin, unchecked; the scripts of every web site can read these responses when they send no credentials. The CORS middleware checks the origin against a policy, answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin, which hand-written headers usually miss: define a policy with the trusted origins (AddCors) and call UseCors instead.",
            new(
                Trusted: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Attacker: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Direct: HandWritten("TRUSTED_ORIGIN"))),
        // System.Net.Http's headers are HttpClient's: an HttpResponseMessage an endpoint returns is serialized as JSON,
        // and no ASP.NET Core API sends its headers, so CORS008 and CORS009 do not read them.
        new(
            "CORS008 '*' added to an HttpResponseMessage an endpoint returns: never sent, every site is blocked",
            "HttpResponseMessageByHand.cs",
            null,
            null,
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "405 Allow-Origin=none"))),
        new(
            "CORS008 hand-written request Origin checked against a list: the trusted origin reads simple GETs, the attacker nothing",
            "CheckedOriginByHand.cs",
            null,
            null,
            new(Trusted: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"), Attacker: AllBlocked, Direct: HandWritten("TRUSTED_ORIGIN"))),
        // The middleware sends Vary: Origin only when the policy allows more than one origin (ASP.NET Core's
        // CorsService: Origins.Count > 1 or SetIsOriginAllowed), so the messages say when.
        new(
            "CORS008 the UseCors equivalent of the docs (one origin, GET and POST, Content-Type): the middleware answers the preflight, no Vary: Origin",
            "DefaultPolicyForHandWrittenOrigin.cs",
            null,
            null,
            new(
                Trusted: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Attacker: AllBlocked,
                Direct: Middleware("Vary=none"))),
        new(
            "CORS008 the UseCors equivalent with two origins: the middleware sends the one that matches and Vary: Origin",
            "TwoOriginsPolicyForHandWrittenOrigin.cs",
            null,
            null,
            new(
                Trusted: Requests("200 user:anon", Blocked, Blocked, Blocked, "200 X-Total=null"),
                Attacker: AllBlocked,
                Direct: Middleware("Vary=Origin"))),
        // CORS009: "any web site can make authenticated requests (with the user's cookies) and read the responses".
        new(
            "CORS009 hand-written request Origin with credentials: the attacker reads alice's data",
            "RequestOriginWithCredentialsByHand.cs",
            DiagnosticIds.DoNotReflectOriginWithCredentials,
            "Access-Control-Allow-Origin is written by hand with the request's Origin, unchecked, and Access-Control-Allow-Credentials: true is sent too; any web site can make authenticated requests (with the user's cookies) and read the responses. Check the origin against a list of trusted origins, or define a policy with WithOrigins(...) and AllowCredentials() and call UseCors instead.",
            new(
                Trusted: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=null"),
                Attacker: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=null"),
                Direct: HandWritten("TRUSTED_ORIGIN"))),
        new(
            "CORS009 hand-written request Origin with credentials, checked against a list: only the trusted origin reads alice's data",
            "CheckedOriginWithCredentialsByHand.cs",
            null,
            null,
            new(
                Trusted: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=null"),
                Attacker: AllBlocked,
                Direct: HandWritten("TRUSTED_ORIGIN", "Vary=Origin"))),
        new(
            "CORS009 the UseCors equivalent of the docs (one origin, credentials, GET and POST, Content-Type): only the trusted origin reads alice's data",
            "CredentialsPolicyForHandWrittenOrigin.cs",
            null,
            null,
            new(
                Trusted: Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=null"),
                Attacker: AllBlocked,
                Direct: Middleware("Vary=none"))),
        // CORS010: "ASP.NET Core finds no policy of that name, so the responses carry no CORS headers and browsers block the cross-origin calls".
        new(
            "CORS010 UseCors(\"Fronted\") with policy 'Frontend' defined: no CORS headers, every call is blocked",
            "UndefinedPolicyName.cs",
            DiagnosticIds.UseDefinedPolicyName,
            "UseCors uses CORS policy 'Fronted', which no AddPolicy defines; ASP.NET Core finds no policy of that name, so the responses carry no CORS headers and browsers block the cross-origin calls. Use a defined name ('Frontend').",
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "405 Allow-Origin=none")),
            new(Trusted: AllAllowed, Attacker: AllBlocked, Direct: TrustedOriginAllowed)),
        new(
            "CORS010 RequireCors(\"api\") with policy 'Api' defined: names are case-sensitive, every call is blocked",
            "PolicyNameInOtherCase.cs",
            DiagnosticIds.UseDefinedPolicyName,
            "RequireCors uses CORS policy 'api', which no AddPolicy defines; ASP.NET Core finds no policy of that name, so the responses carry no CORS headers and browsers block the cross-origin calls. Use a defined name ('Api').",
            // With endpoint metadata the CORS middleware passes the preflight on: the PUT handler runs for it (no body, 500).
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "500 Allow-Origin=none"), Logged: "at ScenarioApi.SaveAsync(HttpRequest request)"),
            new(Trusted: AllAllowed, Attacker: AllBlocked, Direct: TrustedOriginAllowed)),
        // CORS011, one scenario per message.
        new(
            "CORS011 RequireCors without UseCors: every request to the endpoints throws, also without an Origin",
            "CorsMetadataWithoutMiddleware.cs",
            DiagnosticIds.WireCorsServicesAndMiddleware,
            "RequireCors(\"Api\") gives endpoints CORS metadata, but no pipeline of the app calls UseCors(); ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to them. Call app.UseCors() after UseRouting().",
            new(
                Trusted: AllBlocked,
                Attacker: AllBlocked,
                Direct: new Dictionary<string, string>
                {
                    [DirectRequests.NoOrigin] = "500 Allow-Origin=none",
                    [DirectRequests.TrustedGet] = "500 Allow-Origin=none",
                    [DirectRequests.TrustedPreflight] = "500 Allow-Origin=none",
                },
                Logged: "System.InvalidOperationException: Endpoint HTTP: GET /api/data/ => Data contains CORS metadata, but a middleware was not found that supports CORS.")),
        new(
            "CORS011 [EnableCors] on a minimal API without UseCors: every GET throws, also without an Origin",
            "EnableCorsWithoutMiddleware.cs",
            DiagnosticIds.WireCorsServicesAndMiddleware,
            "[EnableCors(\"Api\")] gives endpoints CORS metadata, but no pipeline of the app calls UseCors(); ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to them. Call app.UseCors() after UseRouting().",
            new(
                Trusted: AllBlocked,
                Attacker: AllBlocked,
                Direct: new Dictionary<string, string> { [DirectRequests.NoOrigin] = "500 Allow-Origin=none", [DirectRequests.TrustedGet] = "500 Allow-Origin=none" },
                Logged: "System.InvalidOperationException: Endpoint HTTP: GET /api/data contains CORS metadata, but a middleware was not found that supports CORS.")),
        new(
            "CORS011 [ApiCors], a subclass of EnableCorsAttribute, on a minimal API without UseCors: every GET throws, also without an Origin",
            "CorsAttributeSubclassWithoutMiddleware.cs",
            DiagnosticIds.WireCorsServicesAndMiddleware,
            "[ApiCors] gives endpoints CORS metadata, but no pipeline of the app calls UseCors(); ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to them. Call app.UseCors() after UseRouting().",
            new(
                Trusted: AllBlocked,
                Attacker: AllBlocked,
                Direct: new Dictionary<string, string> { [DirectRequests.NoOrigin] = "500 Allow-Origin=none", [DirectRequests.TrustedGet] = "500 Allow-Origin=none" },
                Logged: "System.InvalidOperationException: Endpoint HTTP: GET /api/data contains CORS metadata, but a middleware was not found that supports CORS.")),
        new(
            "CORS011 UseCors() without a default policy, endpoints with the app's own [ApiCors] metadata: its policy applies, the trusted origin works",
            "UseCorsWithCorsAttributeSubclass.cs",
            null,
            null,
            new(Trusted: AllAllowed, Attacker: AllBlocked, Direct: TrustedOriginAllowed)),
        new(
            "CORS011 UseMiddleware<CorsMiddleware>() (what UseCors() does) with RequireCors: the endpoints' policy applies, the trusted origin works",
            "CorsMiddlewareByUseMiddleware.cs",
            null,
            null,
            new(Trusted: AllAllowed, Attacker: AllBlocked, Direct: TrustedOriginAllowed)),
        new(
            "CORS011 UseCors() with named policies only: no default policy, no CORS headers, every call is blocked",
            "UseCorsWithoutDefaultPolicy.cs",
            DiagnosticIds.WireCorsServicesAndMiddleware,
            "UseCors() applies the default CORS policy, but no AddDefaultPolicy defines one; ASP.NET Core finds no policy, so the responses carry no CORS headers and browsers block the cross-origin calls. Define it with options.AddDefaultPolicy(...) or name a defined policy such as 'web'.",
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "405 Allow-Origin=none"))),
        new(
            "CORS011 UseCors with AddRazorPages and no AddCors: the app fails at startup",
            "UseCorsWithoutCorsServices.cs",
            DiagnosticIds.WireCorsServicesAndMiddleware,
            "UseCors adds the CORS middleware, but nothing registers the CORS services; the app fails at startup because the middleware needs ICorsService ('Unable to resolve service for type ... ICorsService'). Call builder.Services.AddCors(...).",
            new(StartupFailure: "System.InvalidOperationException: Unable to resolve service for type 'Microsoft.AspNetCore.Cors.Infrastructure.ICorsService' while attempting to activate 'Microsoft.AspNetCore.Cors.Infrastructure.CorsMiddleware'.")),
        // CORS012: "the CORS middleware never sends Access-Control-Allow-Origin for it, so browsers block every cross-origin call".
        new(
            "CORS012 methods, headers and credentials but no origin: no Access-Control-Allow-Origin, every call is blocked",
            "PolicyWithoutOrigin.cs",
            DiagnosticIds.AllowSomeOrigin,
            "Policy 'web' allows no origin; the CORS middleware never sends Access-Control-Allow-Origin for it, so browsers block every cross-origin call it is meant to allow. List the trusted origins with WithOrigins(...).",
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "204 Allow-Origin=none"))),
        new(
            "CORS012 SetIsOriginAllowedToAllowWildcardSubdomains alone: no Access-Control-Allow-Origin, every call is blocked",
            "WildcardSubdomainsWithoutOrigins.cs",
            DiagnosticIds.AllowSomeOrigin,
            "Policy 'web' allows no origin: SetIsOriginAllowedToAllowWildcardSubdomains() matches only the origins listed with WithOrigins(...), and none is listed; the CORS middleware never sends Access-Control-Allow-Origin for it, so browsers block every cross-origin call it is meant to allow. List the trusted origins with WithOrigins(...).",
            new(Trusted: AllBlocked, Attacker: AllBlocked, Direct: Direct("200 Allow-Origin=none", "204 Allow-Origin=none"))),
        // CORS013: "a page on that origin can call the API and read its responses". The pages are on *.localhost names
        // (Chromium resolves them to the loopback address): the attacker's host has the same shape as the origin the
        // message names, and the test sends the named origin itself. The API stays on 127.0.0.1, so pages on those names
        // send no session cookie.
        new(
            "CORS013 Host.EndsWith(\"app.localhost\"): a page on evilapp.localhost reads the responses; after the fix only app.localhost",
            "HostSuffixWithoutDot.cs",
            DiagnosticIds.CheckOriginsStrictly,
            "Policy 'web' also accepts origin 'https://evilapp.localhost': EndsWith(\"app.localhost\") does not require a dot before the domain; a page on that origin can call the API and read its responses. Compare the host exactly or require a dot before the domain for subdomains, and anchor patterns (^...$) with escaped dots.",
            new(Trusted: OtherHostReads, Attacker: OtherHostReads, Direct: OtherOriginGet("200 Allow-Origin=https://evilapp.localhost")),
            new(Trusted: OtherHostReads, Attacker: AllBlocked, Direct: OtherOriginGet("200 Allow-Origin=none")),
            TrustedHost: "app.localhost",
            AttackerHost: "evilapp.localhost",
            OtherOrigin: "https://evilapp.localhost"),
        new(
            "CORS013 origin.StartsWith(\"http://127.0.0.1\"): a page on 127.0.0.1.localhost reads the responses",
            "OriginPrefixWithoutHostEnd.cs",
            DiagnosticIds.CheckOriginsStrictly,
            "Policy 'web' also accepts origin 'http://127.0.0.1.evil.io': StartsWith(\"http://127.0.0.1\") lets the host go on after it; a page on that origin can call the API and read its responses. Compare the host exactly or require a dot before the domain for subdomains, and anchor patterns (^...$) with escaped dots.",
            new(Trusted: AllAllowed, Attacker: OtherHostReads, Direct: OtherOriginGet("200 Allow-Origin=http://127.0.0.1.evil.io")),
            AttackerHost: "127.0.0.1.localhost",
            OtherOrigin: "http://127.0.0.1.evil.io"),
        // CORS014: each reason, as the browser matches the lists ASP.NET Core sends.
        new(
            "CORS014 WithMethods(\"GET,PATCH\", \"PUT\"): the quoted item invalidates the preflight, even PUT and the Authorization header fail",
            "JoinedMethods.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists method 'GET,PATCH': ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a method name, so no request matches it and Chromium rejects the whole preflight response. Pass each method as its own argument",
            new(Trusted: With(Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=42"), Extra(("patch", Blocked))), Attacker: AllBlocked),
            new(Trusted: With(AllAllowed, Extra(("patch", "200 patched"))), Attacker: AllBlocked)),
        new(
            "CORS014 WithHeaders(\"Content-Type, Authorization\"): the quoted item invalidates the preflight, even a PATCH without headers fails",
            "JoinedRequestHeaders.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists request header 'Content-Type, Authorization': ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a request header name, so no request matches it and Chromium rejects the whole preflight response. Pass each request header as its own argument",
            new(Trusted: With(Requests("200 user:anon", "200 user:alice", Blocked, Blocked, "200 X-Total=42"), Extra(("patch", Blocked))), Attacker: AllBlocked),
            new(Trusted: With(AllAllowed, Extra(("patch", "200 patched"))), Attacker: AllBlocked)),
        new(
            "CORS014 WithExposedHeaders(\"X-Total,X-Count\"): scripts cannot read X-Total",
            "JoinedExposedHeaders.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists exposed header 'X-Total,X-Count': ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a header name, so browsers expose none of these headers. Pass each header as its own argument",
            new(Trusted: Requests("200 user:anon", "200 user:alice", "200 saved", "200 user:anon", "200 X-Total=null"), Attacker: AllBlocked),
            new(Trusted: AllAllowed, Attacker: AllBlocked)),
        new(
            "CORS014 WithMethods(\"put\"): PUT fails, also when the code writes method \"put\"",
            "LowerCaseStandardMethod.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists method 'put': browsers always send PUT in upper case and compare methods case-sensitively, so it never matches. Write 'PUT'",
            new(Trusted: With(Requests("200 user:anon", "200 user:alice", Blocked, "200 user:anon", "200 X-Total=42"), Extra(("put-lower", Blocked), ("patch", "200 patched"))), Attacker: AllBlocked),
            new(Trusted: With(AllAllowed, Extra(("put-lower", "200 saved"), ("patch", "200 patched"))), Attacker: AllBlocked)),
        new(
            "CORS014 WithMethods(\"patch\"): method \"patch\" passes, \"PATCH\" fails; after the fix the other way round",
            "LowerCaseOtherMethod.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists method 'patch': browsers compare methods case-sensitively and upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it allows only requests whose code writes 'patch', not 'PATCH'. Write 'PATCH'",
            new(Trusted: With(AllAllowed, Extra(("patch", Blocked), ("patch-lower", "200 patched"))), Attacker: AllBlocked),
            new(Trusted: With(AllAllowed, Extra(("patch", "200 patched"), ("patch-lower", Blocked))), Attacker: AllBlocked)),
        new(
            "CORS014 WithHeaders(\"*\", \"Content-Type\") with credentials: a custom header passes without credentials, fails with them",
            "AnyAmongRequestHeadersWithCredentials.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists request header '*': ASP.NET Core treats '*' as any request header only when it is the only one and otherwise sends it as written, and on requests with credentials, which this policy allows, browsers read it as a request header name rather than a wildcard. Remove '*', or use AllowAnyHeader() alone",
            // Chromium 156 still lets '*' cover Authorization on requests without credentials (the Fetch standard does not).
            new(Trusted: With(AllAllowed, Extra(("custom", "200 user:anon"), ("custom-credentialed", Blocked))), Attacker: AllBlocked)),
        new(
            "CORS014 WithExposedHeaders(\"*\") with credentials: X-Total is readable without credentials, hidden with them",
            "AnyExposedHeaderWithCredentials.cs",
            DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
            "Policy 'web' lists exposed header '*': ASP.NET Core sends '*' as written, and on requests with credentials, which this policy allows, browsers read it as a header name rather than a wildcard, so scripts see only the CORS-safelisted response headers. List the headers to expose",
            new(Trusted: With(AllAllowed, Extra(("exposed-credentialed", "200 X-Total=null"))), Attacker: AllBlocked),
            new(Trusted: With(AllAllowed, Extra(("exposed-credentialed", "200 X-Total=42"))), Attacker: AllBlocked),
            ExposedHeaders),
        // CORS015: the header ASP.NET Core sends (asked directly) and, for a fractional value, how long Chromium keeps the
        // preflight: a PUT repeated after 3 s and 6 s is preflighted again only once 5 s (Chromium's default) have passed.
        new(
            "CORS015 SetPreflightMaxAge(FromMilliseconds(1500)): sent as '1.5', Chromium keeps the preflight its default 5 s",
            "FractionalPreflightMaxAge.cs",
            DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep,
            "Policy 'web' sets a preflight max age of 1.5 s; ASP.NET Core sends 'Access-Control-Max-Age: 1.5', which is not a whole number of seconds, so Chromium and Safari keep the preflight for their default 5 s and Firefox does not keep it at all. Use a whole number of seconds",
            new(Trusted: With(AllAllowed, Extra(("repeated-put", "200 200 200"))), Attacker: AllBlocked, Direct: MaxAge("1.5"), Preflights: 2),
            new(Trusted: With(AllAllowed, Extra(("repeated-put", "200 200 200"))), Attacker: AllBlocked, Direct: MaxAge("2"), Preflights: 3),
            RepeatedPutPauses: new[] { 3000, 3000 }),
        new(
            "CORS015 SetPreflightMaxAge(FromHours(3)): sent as '10800', Chromium keeps the preflight",
            "LongPreflightMaxAge.cs",
            DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep,
            "Policy 'web' sets a preflight max age of 10800 s; browsers keep a preflight for at most 7200 s (Chromium), 86400 s (Firefox) and 600 s (Safari), so it is kept 7200 s in Chromium, 10800 s in Firefox and 600 s in Safari",
            new(Trusted: With(AllAllowed, Extra(("repeated-put", "200 200"))), Attacker: AllBlocked, Direct: MaxAge("10800"), Preflights: 1),
            RepeatedPutPauses: new[] { 0 }),
    };

    public static BrowserScenario Get(string name) => All.Single(scenario => scenario.Name == name);

    /// <summary>The names of the scenarios of <paramref name="id"/> (null: the correct-code scenarios).</summary>
    public static TheoryData<string> NamesFor(string? id)
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All.Where(scenario => scenario.Id == id))
        {
            data.Add(scenario.Name);
        }

        return data;
    }
}
