using System;
using System.Collections.Immutable;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// The package's one analyzer. It resolves <see cref="CorsSymbols"/> once per compilation and registers nothing when
/// the compilation does not reference ASP.NET Core's CORS types; otherwise each invocation and object creation is
/// checked against ASP.NET Core's symbols, and each policy or <c>UseCors</c> found is modelled once and handed to
/// every rule. One analyzer rather than one per rule: the compiler's cost of an analyzer is mostly the callbacks it
/// dispatches to it, and six analyzers asked the same question of every invocation in the compilation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CorsAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<CorsRule> AllRules = ImmutableArray.Create<CorsRule>(
        new DoNotCombineAnyOriginWithCredentialsRule(),
        new DoNotAllowEveryOriginWithCredentialsRule(),
        new CallUseCorsInMiddlewareOrderRule(),
        new ConfigureMethodsAndHeadersRule(),
        new DoNotListOriginsThatNeverMatchRule(),
        new DoNotAllowNullOriginRule(),
        new ListMethodsAndHeadersAsBrowsersMatchThemRule(),
        new SetPreflightMaxAgeThatBrowsersKeepRule());

    private static readonly ImmutableArray<OperationKind> Invocations = ImmutableArray.Create(OperationKind.Invocation);
    private static readonly ImmutableArray<OperationKind> InvocationsAndCreations = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

    private readonly ImmutableArray<PolicyRule> _policyRules;
    private readonly ImmutableArray<PipelineRule> _pipelineRules;

    public CorsAnalyzer()
        : this(AllRules)
    {
    }

    /// <summary>An analyzer that runs only <paramref name="rules"/> (tests of one rule).</summary>
    internal CorsAnalyzer(ImmutableArray<CorsRule> rules)
    {
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(rules.Length);
        var policyRules = ImmutableArray.CreateBuilder<PolicyRule>();
        var pipelineRules = ImmutableArray.CreateBuilder<PipelineRule>();
        foreach (var rule in rules)
        {
            descriptors.Add(rule.Descriptor);
            if (rule is PolicyRule policyRule)
            {
                policyRules.Add(policyRule);
            }
            else if (rule is PipelineRule pipelineRule)
            {
                pipelineRules.Add(pipelineRule);
            }
        }

        SupportedDiagnostics = descriptors.MoveToImmutable();
        _policyRules = policyRules.ToImmutable();
        _pipelineRules = pipelineRules.ToImmutable();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is never analysed (no Analyze flag): no callback runs in it, so every finding comes from user
        // code. Allowing the report skips the driver's per-diagnostic generated-code check, which builds the set of
        // [GeneratedCode] symbols of each file that gets a diagnostic: a tenth of the package's time in a build.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(AnalyzeCompilation);
    }

    private void AnalyzeCompilation(CompilationStartAnalysisContext context)
    {
        if (!CorsSymbols.TryCreate(context.Compilation, out var symbols))
        {
            return;
        }

        var pipelines = !_pipelineRules.IsEmpty && PipelineSymbols.TryCreate(context.Compilation, symbols, out var pipelineSymbols)
            ? new PipelineModel(context.Compilation, pipelineSymbols)
            : null;
        var policies = !_policyRules.IsEmpty;
        if (pipelines is null && !policies)
        {
            return;
        }

        // One delegate per compilation, registered for every operation block: registering per block, so that a finding
        // anywhere in the member that configures the policy (a later `policy.Origins.Add(...)` statement, say) is a local
        // diagnostic (the IDE shows and fixes only local ones; LocalDiagnosticsTests); one delegate, so that a block costs
        // no allocation of ours.
        Action<OperationAnalysisContext> analyzeOperation = operationContext =>
        {
            switch (operationContext.Operation)
            {
                case IInvocationOperation invocation:
                    if (policies && PolicyDiscovery.FromInvocation(invocation, symbols) is { } policy)
                    {
                        AnalyzePolicy(operationContext, policy);
                    }

                    if (pipelines is not null && pipelines.MayAddCors(invocation, operationContext.CancellationToken))
                    {
                        AnalyzeUseCors(operationContext, pipelines, invocation);
                    }

                    break;
                case IObjectCreationOperation creation when policies:
                    if (PolicyDiscovery.FromCreation(creation, symbols) is { } createdPolicy)
                    {
                        AnalyzePolicy(operationContext, createdPolicy);
                    }

                    break;
            }
        };
        var kinds = policies ? InvocationsAndCreations : Invocations;
        context.RegisterOperationBlockStartAction(blockContext => blockContext.RegisterOperationAction(analyzeOperation, kinds));
    }

    private void AnalyzePolicy(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        foreach (var rule in _policyRules)
        {
            rule.Analyze(context, policy);
        }
    }

    private void AnalyzeUseCors(OperationAnalysisContext context, PipelineModel model, IInvocationOperation invocation)
    {
        var block = PipelineBlock.Around(model, invocation, context.ContainingSymbol, context.CancellationToken);
        foreach (var pipeline in block.Pipelines)
        {
            foreach (var call in pipeline.Calls)
            {
                if (call.Kind == MiddlewareKind.Cors && call.Invocation == invocation)
                {
                    foreach (var rule in _pipelineRules)
                    {
                        rule.Analyze(context, block, pipeline, call);
                    }
                }
            }
        }
    }
}
