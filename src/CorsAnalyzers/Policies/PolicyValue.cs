using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

/// <summary>One origin, method or header in a policy, and where it was said.</summary>
internal sealed class PolicyValue
{
    public const string Any = "*";

    public PolicyValue(string? value, IOperation source, IOperation call, bool isVerbatim = false)
    {
        Value = value;
        Source = source;
        Call = call;
        IsVerbatim = isVerbatim;
    }

    /// <summary>The constant text, or null when the value is only known at run time (configuration, parameters).</summary>
    public string? Value { get; }

    /// <summary>The operation that gave the value: a literal or constant, or the call itself for <c>AllowAny*()</c>.</summary>
    public IOperation Source { get; }

    /// <summary>The builder call (or <c>new CorsPolicyBuilder(...)</c>) that added the value.</summary>
    public IOperation Call { get; }

    /// <summary>
    /// Added to a <c>CorsPolicy</c> list as written (<c>policy.Origins.Add(...)</c>). <c>CorsPolicyBuilder.WithOrigins</c>
    /// lowercases origins (and canonicalises IDN hosts); a verbatim origin is compared with the request's Origin as is.
    /// </summary>
    public bool IsVerbatim { get; }

    public bool IsConstant => Value is not null;

    public bool IsAny => Value == Any;
}
