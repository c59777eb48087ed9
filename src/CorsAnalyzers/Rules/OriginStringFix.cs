using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// What the CORS005/CORS006 fixes do with a reported origin, passed in <see cref="Diagnostic.Properties"/>; the place to
/// edit is the diagnostic's first additional location.
/// </summary>
public static class OriginStringFix
{
    public const string KindKey = "OriginStringFix";

    /// <summary>The canonical origin, for <see cref="Rewrite"/>.</summary>
    public const string CanonicalKey = "CanonicalOrigin";

    /// <summary>Rewrite the string literal at the additional location to the value under <see cref="CanonicalKey"/>.</summary>
    public const string Rewrite = nameof(Rewrite);

    /// <summary>Append <c>.SetIsOriginAllowedToAllowWildcardSubdomains()</c> to the builder call at the additional location.</summary>
    public const string AddWildcardSubdomains = nameof(AddWildcardSubdomains);

    /// <summary>Remove the origin at the additional location from its list.</summary>
    public const string Remove = nameof(Remove);

    /// <summary>
    /// Append <c>.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)</c> to the configuration
    /// read at the additional location: a settings file's comma-joined string passed as one origin.
    /// </summary>
    public const string SplitJoined = nameof(SplitJoined);

    /// <summary>The fix for <paramref name="finding"/>, with the location it edits; none when the right origin cannot be known.</summary>
    internal static (ImmutableDictionary<string, string?> Properties, Location? Target) For(OriginFinding finding)
    {
        var origin = finding.Origin;
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (finding.Problem.Kind == OriginProblemKind.CommaJoined && CanSplit(origin))
        {
            return (properties.Add(KindKey, SplitJoined), origin.Source.Syntax.GetLocation());
        }

        if (!origin.IsWrittenInCode)
        {
            // A value in a settings file is fixed there; a part of a split string has no literal of its own.
            return (properties, null);
        }

        switch (finding.Problem.Kind)
        {
            case OriginProblemKind.NullOrigin or OriginProblemKind.AnyAmongOthers:
                return (properties.Add(KindKey, Remove), origin.Source.Syntax.GetLocation());

            case OriginProblemKind.WildcardSubdomainNotEnabled when !origin.IsVerbatim:
                return (properties.Add(KindKey, AddWildcardSubdomains), origin.Call.Syntax.GetLocation());

            default:
                if (finding.Problem.Canonical is { } canonical && FindLiteral(origin.Source) is { } literal)
                {
                    return (properties.Add(KindKey, Rewrite).Add(CanonicalKey, canonical), literal.GetLocation());
                }

                return (properties, null);
        }
    }

    /// <summary>A comma-joined settings value read as one string (<c>config["Cors:Origins"]</c>): splitting the read fixes it.</summary>
    internal static bool CanSplit(PolicyValue origin)
        => origin.Setting is not null && !origin.Setting.IsPart && origin.Source.Type?.SpecialType == SpecialType.System_String;

    /// <summary>
    /// Where a finding is reported. A value written in code: there, with the fix's target. A value in a settings file: in
    /// that file (line and column of the JSON string), with the code that reads it as additional location; except a
    /// comma-joined string the code reads as one origin, which the code must split: reported at the read (the fix edits it,
    /// and only a diagnostic in a C# file gets a light bulb or a <c>dotnet format</c> fix), with the JSON value after it.
    /// </summary>
    internal static (Location Location, Location[]? AdditionalLocations) Locations(OriginFinding finding, Location? target)
    {
        var origin = finding.Origin;
        if (origin.Setting is not { } setting)
        {
            return (origin.Source.Syntax.GetLocation(), target is null ? null : new[] { target });
        }

        var code = origin.Source.Syntax.GetLocation();
        return target is not null
            ? (code, new[] { target, setting.Location })
            : (setting.Location, new[] { code });
    }

    /// <summary>The string literal that holds the value: the operation itself, or the initializer of the constant it names.</summary>
    private static LiteralExpressionSyntax? FindLiteral(IOperation source)
    {
        source = source.WalkDownConversions();

        ISymbol? constant = source switch
        {
            IFieldReferenceOperation { Field: { IsConst: true } field } => field,
            ILocalReferenceOperation { Local: { IsConst: true } local } => local,
            _ => null,
        };
        if (constant is null)
        {
            return source.Syntax as LiteralExpressionSyntax;
        }

        return constant.DeclaringSyntaxReferences.Length == 1
            && constant.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
            ? literal
            : null;
    }
}
