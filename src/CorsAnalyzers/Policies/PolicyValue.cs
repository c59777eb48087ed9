using CorsAnalyzers.Configuration;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

/// <summary>One origin, method or header in a policy, and where it was said.</summary>
internal sealed class PolicyValue
{
    public const string Any = "*";

    public PolicyValue(string? value, IOperation source, IOperation call, bool isVerbatim = false, bool isPart = false)
    {
        Value = value;
        Source = source;
        Call = call;
        IsVerbatim = isVerbatim;
        IsPart = isPart;
    }

    private PolicyValue(ConfigurationValue? setting, bool isMissing, IOperation source, IOperation call)
        : this(setting?.Value, source, call)
    {
        Setting = setting;
        IsMissing = isMissing;
    }

    /// <summary>A value read from a settings file (<paramref name="setting"/>) by the code at <paramref name="source"/>.</summary>
    public static PolicyValue FromSetting(ConfigurationValue setting, IOperation source, IOperation call) => new(setting, isMissing: false, source, call);

    /// <summary>A configuration key that no settings file holds: null when no other source (environment, secrets) sets it.</summary>
    public static PolicyValue Missing(IOperation source, IOperation call) => new(null, isMissing: true, source, call);

    /// <summary>Where a settings file gives the value; null for a value written in code.</summary>
    public ConfigurationValue? Setting { get; }

    /// <summary>Read from a configuration key no settings file holds (unknown, and null unless another source sets it).</summary>
    public bool IsMissing { get; }

    /// <summary>Where the value is written: in its settings file, or in code.</summary>
    public Location Location => Setting?.Location ?? Source.Syntax.GetLocation();

    /// <summary>What tells this value from another read by the same code: its place in a settings file, or the code.</summary>
    public object Identity => Setting is not null ? (Setting.File.Path, Setting.Leaf.Key, Setting.Value, Source) : IsPart ? (Source, Value) : Source;

    /// <summary>
    /// A part of what <see cref="Source"/> says (<c>"https://a,https://b".Split(',')</c>): a fix cannot rewrite or remove
    /// <see cref="Source"/> for it.
    /// </summary>
    public bool IsPart { get; }

    /// <summary>Written in code as one whole value: a fix may edit <see cref="Source"/>.</summary>
    public bool IsWrittenInCode => Setting is null && !IsPart;

    /// <summary>" in appsettings.Production.json (the Production environment)" for a value from a settings file; else empty.</summary>
    public string Place => Setting?.File.Describe() ?? string.Empty;

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
