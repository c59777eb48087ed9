using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Rules;

/// <summary>
/// What the "use explicit origins" fix must rewrite, passed from the analyzer to the fixer in <see cref="Diagnostic.Properties"/>
/// so the fixer never analyses again.
/// </summary>
public static class OriginFix
{
    public const string KindKey = "OriginFix";

    /// <summary>Rewrite the reported call (<c>AllowAnyOrigin()</c>, <c>SetIsOriginAllowed(...)</c>) into <c>WithOrigins(...)</c>.</summary>
    public const string ReplaceCall = nameof(ReplaceCall);

    /// <summary>Replace the <c>"*"</c> value at the diagnostic's last additional location with the explicit origins.</summary>
    public const string ReplaceValue = nameof(ReplaceValue);

    /// <summary>No fix for <c>policy.Origins.Add("*")</c>: its argument is one origin, not a list to widen.</summary>
    /// <remarks>None either for a <c>"*"</c> in a settings file or a part of a split string: the code holds no literal to replace.</remarks>
    internal static ImmutableDictionary<string, string?> For(PolicyValue anyOrigin)
        => anyOrigin.IsVerbatim || !anyOrigin.IsWrittenInCode
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(KindKey, anyOrigin.Source == anyOrigin.Call ? ReplaceCall : ReplaceValue);

    internal static ImmutableDictionary<string, string?> ForCall { get; } = ImmutableDictionary<string, string?>.Empty.Add(KindKey, ReplaceCall);
}
