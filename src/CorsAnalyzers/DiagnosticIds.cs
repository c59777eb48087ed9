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

    // CORS007-CORS009 and CORS013-CORS015 are reserved for the rules of the second wave that are not here yet.
    public const string UseDefinedPolicyName = "CORS010";
    public const string WireCorsServicesAndMiddleware = "CORS011";
    public const string AllowSomeOrigin = "CORS012";
    public const string CheckOriginsStrictly = "CORS013";
}
