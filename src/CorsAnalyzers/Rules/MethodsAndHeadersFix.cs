namespace CorsAnalyzers.Rules;

/// <summary>What a policy is missing, passed from the CORS004 analyzer to its fixer in <c>Diagnostic.Properties</c>.</summary>
public static class MethodsAndHeadersFix
{
    /// <summary>Present ("true") when the policy configures no methods on some path.</summary>
    public const string MissingMethodsKey = "MissingMethods";

    /// <summary>Present ("true") when the policy configures no request headers on some path.</summary>
    public const string MissingHeadersKey = "MissingHeaders";
}
