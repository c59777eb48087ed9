using System.Collections.Immutable;
using CorsAnalyzers.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS011: the CORS pieces of the app do not fit together: endpoint CORS metadata while no pipeline adds the CORS
/// middleware (every request to the endpoint throws); the default policy applied while none is defined (no CORS
/// headers); the CORS middleware added while nothing registers the CORS services (the app fails at startup). Each is
/// judged only when the registry sees every place that could make it right.
/// </summary>
internal sealed class WireCorsServicesAndMiddlewareRule : RegistryRule
{
    public override DiagnosticDescriptor Descriptor => Descriptors.CorsMetadataWithoutMiddleware;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDescriptors { get; } = ImmutableArray.Create(
        Descriptors.CorsMetadataWithoutMiddleware,
        Descriptors.NoDefaultPolicy,
        Descriptors.NoCorsServices);

    public override void Analyze(CompilationAnalysisContext context, CorsRegistry registry)
    {
        ReportMetadataWithoutMiddleware(context, registry);
        ReportMissingDefaultPolicy(context, registry);
        ReportMissingServices(context, registry);
    }

    private static void ReportMetadataWithoutMiddleware(CompilationAnalysisContext context, CorsRegistry registry)
    {
        if (registry.AddsCorsMiddleware || !registry.WholePipelineVisible)
        {
            return;
        }

        foreach (var site in registry.EndpointMetadata)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CorsMetadataWithoutMiddleware, site.Location, site.Description));
        }
    }

    private static void ReportMissingDefaultPolicy(CompilationAnalysisContext context, CorsRegistry registry)
    {
        if (!registry.PolicyNamesKnown)
        {
            return;
        }

        var named = string.Empty;
        foreach (var definition in registry.Definitions)
        {
            if (definition.IsDefault)
            {
                return;
            }

            named = named.Length == 0 ? " such as '" + definition.Name + "'" : named;
        }

        // UseCors() with endpoints that carry their own metadata ([EnableCors("x")], RequireCors("x")) still serves those,
        // and a package may give endpoints metadata we cannot see (a base controller's [EnableCors("x")]).
        // [EnableCors] without a name gets the middleware's own policy (UseCors("x"), UseCors(policy => ...)): the default
        // one only under UseCors() alone.
        bool? endpointsMayCarryMetadata = null;
        foreach (var use in registry.Uses)
        {
            if (!use.UsesDefault
                || (use.Kind == PolicyUseKind.Middleware && (endpointsMayCarryMetadata ??= EndpointsMayCarryMetadata(registry)))
                || (use.Kind == PolicyUseKind.Attribute && !registry.CorsMiddlewareAppliesOnlyTheDefaultPolicy))
            {
                continue;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.NoDefaultPolicy,
                use.Location,
                use.Kind == PolicyUseKind.Middleware ? "UseCors()" : "[EnableCors]",
                named));
        }
    }

    private static bool EndpointsMayCarryMetadata(CorsRegistry registry)
    {
        foreach (var _ in registry.EndpointMetadata)
        {
            return true;
        }

        return registry.EndpointMetadataMayBeUnseen();
    }

    private static void ReportMissingServices(CompilationAnalysisContext context, CorsRegistry registry)
    {
        if (registry.RegistersCorsServices || !registry.AllServiceRegistrationsVisible)
        {
            return;
        }

        foreach (var location in registry.CorsMiddlewareCalls)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NoCorsServices, location, "UseCors"));
        }
    }
}
