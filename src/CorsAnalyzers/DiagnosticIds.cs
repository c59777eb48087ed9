namespace CorsAnalyzers;

/// <summary>One constant per rule. An ID is never reused, even when its rule is removed.</summary>
public static class DiagnosticIds
{
    public const string DoNotCombineAnyOriginWithCredentials = "CORS001";
    public const string DoNotAllowEveryOriginWithCredentials = "CORS002";
    public const string CallUseCorsInMiddlewareOrder = "CORS003";
    public const string ConfigureMethodsAndHeaders = "CORS004";
    public const string DoNotListOriginsThatNeverMatch = "CORS005";
    public const string DoNotAllowNullOrigin = "CORS006";
    public const string AllowAnyOriginOnlyForPublicApis = "CORS007";

    public const string DoNotWritePermissiveAllowOrigin = "CORS008";
    public const string DoNotReflectOriginWithCredentials = "CORS009";
    public const string UseDefinedPolicyName = "CORS010";
    public const string WireCorsServicesAndMiddleware = "CORS011";
    public const string AllowSomeOrigin = "CORS012";
    public const string CheckOriginsStrictly = "CORS013";
    public const string ListMethodsAndHeadersAsBrowsersMatchThem = "CORS014";
    public const string SetPreflightMaxAgeThatBrowsersKeep = "CORS015";
}
