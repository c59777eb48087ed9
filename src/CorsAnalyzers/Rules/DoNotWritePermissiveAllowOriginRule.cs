using System.Collections.Immutable;
using CorsAnalyzers.Headers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS008: a hand-written <c>Access-Control-Allow-Origin</c> that sends <c>*</c>, <c>*</c> among other values, or the
/// request's own <c>Origin</c> unchecked. A reflection that also sends credentials is CORS009's, not this rule's.
/// </summary>
internal sealed class DoNotWritePermissiveAllowOriginRule : HeaderRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.WriteAnyOriginByHand;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDescriptors { get; } = ImmutableArray.Create(
        Descriptors.WriteAnyOriginByHand,
        Descriptors.WriteWildcardAmongOriginsByHand,
        Descriptors.WriteRequestOriginByHand);

    public override void Analyze(OperationAnalysisContext context, HeaderBody body)
    {
        foreach (var write in body.AllowOriginWrites)
        {
            var descriptor = body.ValueOf(write) switch
            {
                AllowOriginValue.AnyOrigin => Descriptors.WriteAnyOriginByHand,
                AllowOriginValue.WildcardAmongOthers => Descriptors.WriteWildcardAmongOriginsByHand,
                AllowOriginValue.RequestOrigin when body.CredentialsFor(write) is null && IsUnchecked(body, write) => Descriptors.WriteRequestOriginByHand,
                _ => null,
            };
            if (descriptor is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, write.Location));
            }
        }
    }

    private static bool IsUnchecked(HeaderBody body, HeaderWrite write)
    {
        foreach (var guard in body.GetOriginGuards())
        {
            if (guard.Write == write)
            {
                return guard.Kind == GuardKind.None;
            }
        }

        return false;
    }
}
