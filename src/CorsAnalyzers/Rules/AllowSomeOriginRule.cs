using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS012: a policy that allows no origin on any path: no <c>WithOrigins</c>, <c>AllowAnyOrigin</c> or
/// <c>SetIsOriginAllowed</c>, or only <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>, whose predicate matches the
/// listed origins only. ASP.NET Core builds it without complaint and never answers with CORS headers.
/// </summary>
internal sealed class AllowSomeOriginRule : PolicyRule
{
    private const string WildcardSubdomainsOnly = ": SetIsOriginAllowedToAllowWildcardSubdomains() matches only the origins listed with WithOrigins(...), and none is listed";

    public override DiagnosticDescriptor Descriptor => Descriptors.AllowSomeOrigin;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        // A CorsPolicyBuilder or CorsPolicy that is never registered may be a base other code completes.
        if (policy.Identity.Kind == PolicyKind.Built || policy.Paths.IsEmpty)
        {
            return;
        }

        var wildcardOnly = false;
        foreach (var path in policy.Paths)
        {
            if (path.HasUnknownConfiguration || path.AllowsSomeOrigin)
            {
                return;
            }

            wildcardOnly |= path.AllowsWildcardSubdomains;
        }

        // `options.GetPolicy("Api")!.Origins.Add(...)` later, or a provider of the app's own: the registered policy may
        // not be the one served.
        if (policy.Identity.Kind is PolicyKind.Named or PolicyKind.Default
            && policy.Symbols.PolicyChanges.MayChangeRegisteredPolicies(context.CancellationToken))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.AllowSomeOrigin,
            policy.Registration.NameAndArgumentsLocation(),
            policy.Identity.Describe(),
            wildcardOnly ? WildcardSubdomainsOnly : string.Empty));
    }
}
