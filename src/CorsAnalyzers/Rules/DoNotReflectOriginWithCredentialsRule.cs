using CorsAnalyzers.Headers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS009: a function that sends the request's <c>Origin</c> back in <c>Access-Control-Allow-Origin</c> without checking
/// it, and <c>Access-Control-Allow-Credentials: true</c>. Reported on the origin write, with the credentials write as
/// additional location. A reflection guarded by a membership check is fine; one guarded by another check
/// (<see cref="GuardKind.OtherCheck"/>) is left to the origin-check rule (CORS013), which judges the condition.
/// </summary>
internal sealed class DoNotReflectOriginWithCredentialsRule : HeaderRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.DoNotReflectOriginWithCredentials;

    public override void Analyze(OperationAnalysisContext context, HeaderBody body)
    {
        if (body.Credentials is null)
        {
            return;
        }

        foreach (var guard in body.GetOriginGuards())
        {
            if (guard.Kind == GuardKind.None && body.CredentialsFor(guard.Write) is { } credentials)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, guard.Write.Location, additionalLocations: new[] { credentials.Location }));
            }
        }
    }
}
