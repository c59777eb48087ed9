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

    // AddPolicy builds the policy when it is called: Build() throws even if a later AddPolicy would replace it.
    public override bool JudgesReplacedPolicies => true;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        var paths = policy.PathsWhere(path => path.AllowsAnyOrigin && path.AllowsCredentials, out var onEveryPath);
        var reported = new HashSet<object>();
        foreach (var path in paths)
        {
            var anyOrigin = path.AnyOrigin!;
            if (!reported.Add(anyOrigin.Identity))
            {
                continue;
            }

            // Additional locations: the AllowCredentials() call, then the "*" value the fix replaces. A "*" in a settings
            // file is reported there, with the WithOrigins(...) call that reads it and AllowCredentials() after it.
            var credentials = path.CredentialsCall!.NameAndArgumentsLocation();
            var (location, additionalLocations) = anyOrigin.Setting is { } setting
                ? (setting.Location, new[] { anyOrigin.Call.NameAndArgumentsLocation(), credentials })
                : anyOrigin.Source == anyOrigin.Call
                    ? (anyOrigin.Call.NameAndArgumentsLocation(), new[] { credentials })
                    : (anyOrigin.Call.NameAndArgumentsLocation(), new[] { credentials, anyOrigin.Source.Syntax.GetLocation() });
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DoNotCombineAnyOriginWithCredentials,
                location,
                additionalLocations,
                OriginFix.For(anyOrigin),
                policy.Identity.Describe(),
                CorsPolicyModel.ConditionalSuffix(onEveryPath) + anyOrigin.Place));
        }
    }
}
