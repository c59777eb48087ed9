using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS005: an origin string no browser ever sends (a trailing slash or path, no scheme, a default port, a wildcard
/// ASP.NET Core does not expand, a <c>"*"</c> among real origins, ...). The policy looks right and rejects the site.
/// </summary>
internal sealed class DoNotListOriginsThatNeverMatchRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.DoNotListOriginsThatNeverMatch;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        foreach (var finding in policy.OriginFindings)
        {
            if (finding.Problem.Kind == OriginProblemKind.NullOrigin)
            {
                continue;
            }

            var (properties, target) = OriginStringFix.For(finding);
            var (location, additionalLocations) = OriginStringFix.Locations(finding, target);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DoNotListOriginsThatNeverMatch,
                location,
                additionalLocations,
                properties,
                policy.Identity.Describe(),
                finding.Origin.Value,
                CorsPolicyModel.ConditionalSuffix(finding.OnEveryPath) + finding.Origin.Place,
                Reason(finding.Problem, finding.Origin)));
        }
    }

    private static string Reason(OriginProblem problem, PolicyValue origin)
    {
        var write = problem.Canonical is { } canonical ? $"; write '{canonical}'" : string.Empty;
        var isVerbatim = origin.IsVerbatim;
        return problem.Kind switch
        {
            OriginProblemKind.CommaJoined when origin.Setting is not null && OriginStringFix.CanSplit(origin) => "it is a comma-joined list passed as one origin, and ASP.NET Core compares the whole string with the request's Origin. Split it with .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)",
            OriginProblemKind.CommaJoined when origin.Setting is not null => "it is a comma-joined list read as one origin, and ASP.NET Core compares the whole string with the request's Origin. List each origin as its own array element",
            OriginProblemKind.CommaJoined => "it is a comma-joined list passed as one origin, and ASP.NET Core compares the whole string with the request's Origin. Pass each origin as its own argument",
            OriginProblemKind.AnyAmongOthers => "'*' means any origin only when it is the policy's only origin, next to other origins it is compared as text. Remove it, or use AllowAnyOrigin() alone if every origin is meant",
            OriginProblemKind.Whitespace => "browsers send no whitespace in an origin" + (write.Length > 0 ? write : "; write the origin as scheme://host[:port]"),
            OriginProblemKind.MissingScheme => "browsers always send the scheme; write the origin as 'https://host' or 'http://host'",
            OriginProblemKind.UnsupportedScheme => $"browsers never send the '{problem.Scheme}' scheme as an origin (file: pages send 'null'); list the http or https origin of the page that makes the request",
            OriginProblemKind.PathQueryOrFragment => "browsers send an origin without a path, query, fragment or trailing slash" + write,
            OriginProblemKind.DefaultPort => "browsers leave out the scheme's default port" + write,
            OriginProblemKind.UpperCase => "CorsPolicy.Origins is compared case-sensitively and browsers send lowercase origins" + write,
            OriginProblemKind.WildcardSubdomainNotEnabled when isVerbatim => "ASP.NET Core expands a '*.' wildcard only after SetIsOriginAllowedToAllowWildcardSubdomains(), which a CorsPolicy object cannot call; build the policy with CorsPolicyBuilder",
            OriginProblemKind.WildcardSubdomainNotEnabled => "ASP.NET Core expands a '*.' wildcard only after SetIsOriginAllowedToAllowWildcardSubdomains(); add that call to the policy",
            OriginProblemKind.MisplacedWildcard => "ASP.NET Core expands a wildcard only as the first label of the host ('https://*.contoso.com'); list the origins instead",
            _ => "it is not a scheme://host[:port] origin",
        };
    }
}
