using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules;

/// <summary>
/// What the CORS015 fix writes, passed in <see cref="Diagnostic.Properties"/>: present only for a max age that is not a
/// whole number of seconds; the expression to replace is the diagnostic's location.
/// </summary>
public static class SetPreflightMaxAgeThatBrowsersKeepFix
{
    /// <summary>The max age rounded to whole seconds (invariant digits), written as <c>TimeSpan.FromSeconds(...)</c>.</summary>
    public const string WholeSecondsKey = "WholeSeconds";
}
