using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules;

/// <summary>
/// What the CORS014 fix does with the reported string literal (the diagnostic's location), passed in
/// <see cref="Diagnostic.Properties"/>. Absent when no edit is certain (a constant, <c>policy.Methods.Add(...)</c> of a joined string).
/// </summary>
public static class ListMethodsAndHeadersAsBrowsersMatchThemFix
{
    public const string KindKey = "ValueFix";

    /// <summary>The value for <see cref="UpperCase"/>.</summary>
    public const string ValueKey = "Value";

    /// <summary>Split the comma-joined literal into one argument or element per item.</summary>
    public const string Split = nameof(Split);

    /// <summary>Rewrite the literal to the method under <see cref="ValueKey"/>.</summary>
    public const string UpperCase = nameof(UpperCase);

    /// <summary>Replace the exposed <c>"*"</c> with the header names to expose (configured, or a placeholder).</summary>
    public const string ListExposedHeaders = nameof(ListExposedHeaders);
}
