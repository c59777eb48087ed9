using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers;

/// <summary>
/// One rule of the package: a question asked of the policy model or of the middleware-order model. Rules are not
/// analyzers of their own: <see cref="CorsAnalyzer"/> builds each model once and hands it to every rule, so the
/// compiler dispatches one callback per operation for the whole package instead of one per rule.
/// </summary>
internal abstract class CorsRule
{
    public abstract DiagnosticDescriptor Descriptor { get; }
}

/// <summary>A rule that judges a policy: called once for each policy configured in source.</summary>
internal abstract class PolicyRule : CorsRule
{
    public abstract void Analyze(OperationAnalysisContext context, CorsPolicyModel policy);
}

/// <summary>A rule that judges where <c>UseCors</c> stands: called once for each call that adds the CORS middleware.</summary>
internal abstract class PipelineRule : CorsRule
{
    public abstract void Analyze(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors);
}
