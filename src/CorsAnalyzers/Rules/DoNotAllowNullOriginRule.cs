using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS006: a policy that lists the <c>"null"</c> origin. Every site can send <c>Origin: null</c> from a sandboxed
/// iframe, so the policy trusts everyone. A separate ID from CORS005 because it is a security finding, not a typo.
/// </summary>
internal sealed class DoNotAllowNullOriginRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.DoNotAllowNullOrigin;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        foreach (var finding in policy.OriginFindings)
        {
            if (finding.Problem.Kind != OriginProblemKind.NullOrigin)
            {
                continue;
            }

            var (properties, target) = OriginStringFix.For(finding);
            var (location, additionalLocations) = OriginStringFix.Locations(finding, target);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DoNotAllowNullOrigin,
                location,
                additionalLocations,
                properties,
                policy.Identity.Describe(),
                CorsPolicyModel.ConditionalSuffix(finding.OnEveryPath) + finding.Origin.Place));
        }
    }
}
