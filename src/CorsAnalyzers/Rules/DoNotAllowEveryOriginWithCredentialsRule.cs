using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS002: a policy that allows credentials and whose <c>SetIsOriginAllowed</c> predicate accepts every origin.
/// ASP.NET Core reflects any Origin back with credentials; nothing stops it at run time.
/// </summary>
internal sealed class DoNotAllowEveryOriginWithCredentialsRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.DoNotAllowEveryOriginWithCredentials;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        // An any-origin list with credentials is CORS001: the policy throws before its predicate matters.
        var paths = policy.PathsWhere(
            path => path.OriginPredicate == OriginPredicateKind.AcceptsAll && path.AllowsCredentials && !path.AllowsAnyOrigin,
            out var onEveryPath);
        var reported = new HashSet<IOperation>();
        foreach (var path in paths)
        {
            var predicateCall = path.OriginPredicateCall!;
            if (!reported.Add(predicateCall))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DoNotAllowEveryOriginWithCredentials,
                predicateCall.NameAndArgumentsLocation(),
                new[] { path.CredentialsCall!.NameAndArgumentsLocation() },
                OriginFix.ForCall,
                policy.Identity.Describe(),
                CorsPolicyModel.ConditionalSuffix(onEveryPath)));
        }
    }
}
