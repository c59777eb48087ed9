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
        "ASP.NET Core requires UseCors after UseRouting (when routing is explicit) and before UseAuthentication, UseAuthorization, UseResponseCaching, UseOutputCache and the middleware that answers requests (UseEndpoints, Run). Elsewhere the CORS middleware misses requests or answers them without CORS headers, and the browser reports a CORS error.",
        HelpLinkBase + DiagnosticIds.CallUseCorsInMiddlewareOrder + ".md");

    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
