using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>Base of the rules that judge a policy: each policy in source is modelled once and handed to <see cref="AnalyzePolicy"/>.</summary>
public abstract class CorsPolicyAnalyzer : CorsAnalyzer
{
    private protected sealed override void AnalyzeCompilation(CompilationStartAnalysisContext context, CorsSymbols symbols)
    {
        // Registered per operation block, so that a finding anywhere in the member that configures the policy (a later
        // `policy.Origins.Add(...)` statement, say) is a local diagnostic: the IDE shows and fixes only local ones.
        context.RegisterOperationBlockStartAction(blockContext =>
        {
            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    if (PolicyDiscovery.FromInvocation((IInvocationOperation)operationContext.Operation, symbols) is { } policy)
                    {
                        AnalyzePolicy(operationContext, policy);
                    }
                },
                OperationKind.Invocation);

            blockContext.RegisterOperationAction(
                operationContext =>
                {
                    if (PolicyDiscovery.FromCreation((IObjectCreationOperation)operationContext.Operation, symbols) is { } policy)
                    {
                        AnalyzePolicy(operationContext, policy);
                    }
                },
                OperationKind.ObjectCreation);
        });
    }

    private protected abstract void AnalyzePolicy(OperationAnalysisContext context, CorsPolicyModel policy);
}
