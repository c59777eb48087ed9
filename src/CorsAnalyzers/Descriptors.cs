using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

internal static class Categories
{
    public const string Security = nameof(Security);
    public const string Usage = nameof(Usage);
}

public static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/CorsAnalyzers/CorsAnalyzers/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor DoNotCombineAnyOriginWithCredentials = new(
        DiagnosticIds.DoNotCombineAnyOriginWithCredentials,
        "Do not allow any origin together with credentials",
        "{0} allows any origin together with credentials{1}; ASP.NET Core throws InvalidOperationException when it builds it. List the trusted origins with WithOrigins(...) instead.",
        Categories.Security,
        DiagnosticSeverity.Error,
        true,
        "The CORS protocol does not allow a wildcard origin with credentials. CorsPolicyBuilder.Build() throws, so the application fails at run time the first time the policy is built.",
        HelpLinkBase + DiagnosticIds.DoNotCombineAnyOriginWithCredentials + ".md");

    public static readonly DiagnosticDescriptor DoNotAllowEveryOriginWithCredentials = new(
        DiagnosticIds.DoNotAllowEveryOriginWithCredentials,
        "Do not accept every origin with credentials",
        "{0} allows credentials and its SetIsOriginAllowed predicate accepts every origin{1}; any web site can then make authenticated requests and read the responses. List the trusted origins with WithOrigins(...) or check the origin in the predicate.",
        Categories.Security,
        DiagnosticSeverity.Error,
        true,
        "ASP.NET Core reflects the request's Origin when the predicate returns true, so a predicate that always returns true with AllowCredentials() lets every site read authenticated responses (CWE-942). ASP.NET Core does not detect this at run time.",
        HelpLinkBase + DiagnosticIds.DoNotAllowEveryOriginWithCredentials + ".md");

    public static readonly DiagnosticDescriptor CallUseCorsInMiddlewareOrder = new(
        DiagnosticIds.CallUseCorsInMiddlewareOrder,
        "Call UseCors in the documented middleware order",
        "{0}; {1}. {2}.",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "UseCors must run after UseRouting (when routing is explicit) and before UseAuthorization, UseResponseCaching, UseOutputCache and the middleware that answers requests (UseEndpoints, Run). Elsewhere the CORS middleware misses requests or answers them without CORS headers, and the browser reports a CORS error. UseCors after UseAuthentication alone is harmless and not reported.",
        HelpLinkBase + DiagnosticIds.CallUseCorsInMiddlewareOrder + ".md");

    public static readonly DiagnosticDescriptor ConfigureMethodsAndHeaders = new(
        DiagnosticIds.ConfigureMethodsAndHeaders,
        "Allow methods and headers in a policy that allows origins",
        "{0} allows origins but configures {1}; the browser rejects the preflight of {2}. Add {3}.",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "Without WithMethods/AllowAnyMethod a policy answers preflights with no allowed method, and without WithHeaders/AllowAnyHeader with no allowed request header. Simple GET and form POST requests still work, so the policy looks right until the first PUT, DELETE, JSON body or Authorization header.",
        HelpLinkBase + DiagnosticIds.ConfigureMethodsAndHeaders + ".md");

    public static readonly DiagnosticDescriptor DoNotListOriginsThatNeverMatch = new(
        DiagnosticIds.DoNotListOriginsThatNeverMatch,
        "Write origins as browsers send them",
        "{0} lists origin '{1}', which never matches{2}: {3}",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "Browsers send Origin as scheme://host[:port], lowercase, without the default port, a path or a trailing slash, and ASP.NET Core compares it with the policy's origins as text. An origin written any other way is never allowed.",
        HelpLinkBase + DiagnosticIds.DoNotListOriginsThatNeverMatch + ".md");

    public static readonly DiagnosticDescriptor DoNotAllowNullOrigin = new(
        DiagnosticIds.DoNotAllowNullOrigin,
        "Do not allow the null origin",
        "{0} allows the 'null' origin{1}; sandboxed iframes, file: pages and cross-origin redirects of any site send 'Origin: null', so any site can use this policy. Remove 'null' and list the real origins.",
        Categories.Security,
        DiagnosticSeverity.Warning,
        true,
        "The opaque origin is serialised as the string 'null'. Any page can put itself in a sandboxed iframe and send it, so allowing 'null' allows every site (CWE-942).",
        HelpLinkBase + DiagnosticIds.DoNotAllowNullOrigin + ".md");

    public static readonly DiagnosticDescriptor UseDefinedPolicyName = new(
        DiagnosticIds.UseDefinedPolicyName,
        "Use a CORS policy name that is defined",
        "{0} uses CORS policy '{1}', which no AddPolicy defines; ASP.NET Core finds no policy of that name, so the responses carry no CORS headers and browsers block the cross-origin calls. Use a defined name ({2}).",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "Policy names are compared ordinally and case-sensitively. With endpoint routing an unknown name does not throw: the CORS middleware logs 'No CORS policy found for the specified request.' at Information level and answers without CORS headers.",
        HelpLinkBase + DiagnosticIds.UseDefinedPolicyName + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor CorsMetadataWithoutMiddleware = new(
        DiagnosticIds.WireCorsServicesAndMiddleware,
        "Wire the CORS services, default policy and middleware together",
        "{0} gives endpoints CORS metadata, but no pipeline of the app calls UseCors(); ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to them. Call app.UseCors() after UseRouting().",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "Since ASP.NET Core 3.0 the endpoint middleware refuses to run an endpoint whose CORS metadata no CORS middleware has handled, unless RouteOptions.SuppressCheckForUnhandledSecurityMetadata is set.",
        HelpLinkBase + DiagnosticIds.WireCorsServicesAndMiddleware + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NoDefaultPolicy = new(
        DiagnosticIds.WireCorsServicesAndMiddleware,
        "Wire the CORS services, default policy and middleware together",
        "{0} applies the default CORS policy, but no AddDefaultPolicy defines one; ASP.NET Core finds no policy, so the responses carry no CORS headers and browsers block the cross-origin calls. Define it with options.AddDefaultPolicy(...) or name a defined policy{1}.",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "UseCors() and [EnableCors] without a name use the default policy. Without AddDefaultPolicy the CORS middleware logs 'No CORS policy found for the specified request.' and adds nothing.",
        HelpLinkBase + DiagnosticIds.WireCorsServicesAndMiddleware + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor NoCorsServices = new(
        DiagnosticIds.WireCorsServicesAndMiddleware,
        "Wire the CORS services, default policy and middleware together",
        "{0} adds the CORS middleware, but nothing registers the CORS services; the app fails at startup because the middleware needs ICorsService ('Unable to resolve service for type ... ICorsService'). Call builder.Services.AddCors(...).",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "AddCors(), AddControllers(), AddControllersWithViews() and AddMvc() register the CORS services; AddMvcCore(), AddRazorPages(), AddSignalR() and AddGrpc() do not.",
        HelpLinkBase + DiagnosticIds.WireCorsServicesAndMiddleware + ".md",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor AllowSomeOrigin = new(
        DiagnosticIds.AllowSomeOrigin,
        "Allow at least one origin in a CORS policy",
        "{0} allows no origin{1}; the CORS middleware never sends Access-Control-Allow-Origin for it, so browsers block every cross-origin call it is meant to allow. List the trusted origins with WithOrigins(...).",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "A policy allows an origin through WithOrigins, AllowAnyOrigin or SetIsOriginAllowed. SetIsOriginAllowedToAllowWildcardSubdomains() replaces the predicate with one that only matches the origins listed (including '*.' patterns), so alone it matches nothing.",
        HelpLinkBase + DiagnosticIds.AllowSomeOrigin + ".md");
    public static readonly DiagnosticDescriptor ListMethodsAndHeadersAsBrowsersMatchThem = new(
        DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem,
        "List methods and headers as browsers match them",
        "{0} lists {1} '{2}'{3}: {4}",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        true,
        "ASP.NET Core sends WithMethods, WithHeaders and WithExposedHeaders values as written, one list item per value, and browsers compare them with the request: methods case-sensitively, '*' as a wildcard only on requests without credentials. A comma-joined string, a method in the wrong case or a '*' in a policy with credentials matches nothing.",
        HelpLinkBase + DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem + ".md");

    public static readonly DiagnosticDescriptor SetPreflightMaxAgeThatBrowsersKeep = new(
        DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep,
        "Set a preflight max age that browsers keep",
        "{0} sets a preflight max age of {1}{2}; {3}",
        Categories.Usage,
        DiagnosticSeverity.Info,
        true,
        "ASP.NET Core writes Access-Control-Max-Age as the TimeSpan's TotalSeconds. Browsers cap it (Chromium 7200 s, Firefox 86400 s, Safari 600 s) and ignore a value that is not a whole number of seconds.",
        HelpLinkBase + DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep + ".md");

    // CORS008: one descriptor per value written; the three say different things about what browsers do.
    private const string WritePermissiveAllowOriginTitle = "Do not write a permissive Access-Control-Allow-Origin header by hand";
    private const string WritePermissiveAllowOriginDescription = "A hand-written Access-Control-Allow-Origin header answers only the requests that reach the code that writes it: preflight (OPTIONS) requests usually get no CORS headers, caches are not told that the answer depends on Origin (Vary: Origin), and a wildcard or a reflected origin lets every site read the responses (CWE-942). The CORS middleware (AddCors with a policy, UseCors) answers preflights and checks the origin against one policy, and sends Vary: Origin when that policy allows more than one origin.";

    public static readonly DiagnosticDescriptor WriteAnyOriginByHand = new(
        DiagnosticIds.DoNotWritePermissiveAllowOrigin,
        WritePermissiveAllowOriginTitle,
        "Access-Control-Allow-Origin is written by hand as '*'; the scripts of every web site can read these responses when they send no credentials. The CORS middleware also answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin, which hand-written headers usually miss: define a policy with the trusted origins (AddCors) and call UseCors instead.",
        Categories.Security,
        DiagnosticSeverity.Warning,
        true,
        WritePermissiveAllowOriginDescription,
        HelpLinkBase + DiagnosticIds.DoNotWritePermissiveAllowOrigin + ".md");

    public static readonly DiagnosticDescriptor WriteWildcardAmongOriginsByHand = new(
        DiagnosticIds.DoNotWritePermissiveAllowOrigin,
        WritePermissiveAllowOriginTitle,
        "Access-Control-Allow-Origin is written by hand with '*' among other values; browsers accept one origin or '*' alone, so they let no script read these responses. The CORS middleware sends the one origin that matches, answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin: define a policy with the trusted origins (AddCors) and call UseCors instead.",
        Categories.Security,
        DiagnosticSeverity.Warning,
        true,
        WritePermissiveAllowOriginDescription,
        HelpLinkBase + DiagnosticIds.DoNotWritePermissiveAllowOrigin + ".md");

    public static readonly DiagnosticDescriptor WriteRequestOriginByHand = new(
        DiagnosticIds.DoNotWritePermissiveAllowOrigin,
        WritePermissiveAllowOriginTitle,
        "Access-Control-Allow-Origin is written by hand with the request's Origin, unchecked; the scripts of every web site can read these responses when they send no credentials. The CORS middleware checks the origin against a policy, answers preflight requests and, when the policy allows more than one origin, sends Vary: Origin, which hand-written headers usually miss: define a policy with the trusted origins (AddCors) and call UseCors instead.",
        Categories.Security,
        DiagnosticSeverity.Warning,
        true,
        WritePermissiveAllowOriginDescription,
        HelpLinkBase + DiagnosticIds.DoNotWritePermissiveAllowOrigin + ".md");

    public static readonly DiagnosticDescriptor DoNotReflectOriginWithCredentials = new(
        DiagnosticIds.DoNotReflectOriginWithCredentials,
        "Do not reflect the request's origin with credentials",
        "Access-Control-Allow-Origin is written by hand with the request's Origin, unchecked, and Access-Control-Allow-Credentials: true is sent too; any web site can make authenticated requests (with the user's cookies) and read the responses. Check the origin against a list of trusted origins, or define a policy with WithOrigins(...) and AllowCredentials() and call UseCors instead.",
        Categories.Security,
        DiagnosticSeverity.Error,
        true,
        "Browsers share a credentialed response with the page's script when Access-Control-Allow-Origin equals the page's origin and Access-Control-Allow-Credentials is 'true'. Sending back whatever Origin the request carries satisfies that for every site: the same hole as SetIsOriginAllowed(_ => true) with AllowCredentials() (CORS002), written by hand (CWE-942).",
        HelpLinkBase + DiagnosticIds.DoNotReflectOriginWithCredentials + ".md");

    public static readonly DiagnosticDescriptor AllowAnyOriginOnlyForPublicApis = new(
        DiagnosticIds.AllowAnyOriginOnlyForPublicApis,
        "Allow any origin only for a public API",
        "{0} allows any origin{1}; scripts on every web site can call it and read the responses. That is fine for a public API that uses no cookies or other credentials; otherwise list the trusted origins with WithOrigins(...).",
        Categories.Security,
        DiagnosticSeverity.Info,
        true,
        "Without credentials browsers send no cookies on these requests, so an any-origin policy exposes only what an anonymous caller may read. An API that trusts its network location (an intranet or localhost service) or is meant for its own front end is readable by every site its users visit (CWE-942).",
        HelpLinkBase + DiagnosticIds.AllowAnyOriginOnlyForPublicApis + ".md");

    public static readonly DiagnosticDescriptor CheckOriginsStrictly = new(
        DiagnosticIds.CheckOriginsStrictly,
        "Check origins strictly",
        "{0} also accepts origin '{1}'{2}: {3}; a page on that origin can call the API and read its responses. Compare the host exactly or require a dot before the domain for subdomains, and anchor patterns (^...$) with escaped dots.",
        Categories.Security,
        DiagnosticSeverity.Warning,
        true,
        "ASP.NET Core reflects any origin the predicate accepts in Access-Control-Allow-Origin. A substring, prefix or suffix test, or a loose regular expression, accepts look-alike domains anyone can register (CWE-942, CWE-697).",
        HelpLinkBase + DiagnosticIds.CheckOriginsStrictly + ".md");
}
