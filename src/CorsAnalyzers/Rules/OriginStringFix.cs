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

    /// <summary>The fix for <paramref name="finding"/>, with the location it edits; none when the right origin cannot be known.</summary>
    internal static (ImmutableDictionary<string, string?> Properties, Location? Target) For(OriginFinding finding)
    {
        var origin = finding.Origin;
        var properties = ImmutableDictionary<string, string?>.Empty;
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
