using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>CORS001: a policy whose origin list is exactly <c>"*"</c> and that allows credentials; <c>CorsPolicyBuilder.Build()</c> throws.</summary>
internal sealed class DoNotCombineAnyOriginWithCredentialsRule : PolicyRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.DoNotCombineAnyOriginWithCredentials;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        var paths = policy.PathsWhere(path => path.AllowsAnyOrigin && path.AllowsCredentials, out var onEveryPath);
        var reported = new HashSet<IOperation>();
        foreach (var path in paths)
        {
            var anyOrigin = path.AnyOrigin!;
            if (!reported.Add(anyOrigin.Source))
            {
                continue;
            }

            // Additional locations: the AllowCredentials() call, then the "*" value the fix replaces.
            var additionalLocations = anyOrigin.Source == anyOrigin.Call
                ? new[] { path.CredentialsCall!.NameAndArgumentsLocation() }
                : new[] { path.CredentialsCall!.NameAndArgumentsLocation(), anyOrigin.Source.Syntax.GetLocation() };
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DoNotCombineAnyOriginWithCredentials,
                anyOrigin.Call.NameAndArgumentsLocation(),
                additionalLocations,
                OriginFix.For(anyOrigin),
                policy.Identity.Describe(),
                CorsPolicyModel.ConditionalSuffix(onEveryPath)));
        }
    }
}
