using System.Collections.Immutable;
using CorsAnalyzers.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// Base of the rules that judge where <c>UseCors</c> stands: for each call that adds the CORS middleware (directly or
/// through a helper declared in source), the pipeline calls of the method body around it are collected once and handed
/// to <see cref="AnalyzeUseCors"/>. Bodies without such a call are never walked. Nothing is registered when the
/// compilation has no <c>IApplicationBuilder</c>.
/// </summary>
public abstract class PipelineAnalyzer : CorsAnalyzer
{
    private protected sealed override void AnalyzeCompilation(CompilationStartAnalysisContext context, CorsSymbols symbols)
    {
        if (!PipelineSymbols.TryCreate(context.Compilation, symbols, out var pipelineSymbols))
        {
            return;
        }

        var model = new PipelineModel(context.Compilation, pipelineSymbols);
        context.RegisterOperationAction(
            operationContext =>
            {
                var invocation = (IInvocationOperation)operationContext.Operation;
                if (!model.MayAddCors(invocation, operationContext.CancellationToken))
                {
                    return;
                }

                var root = (IOperation)invocation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                var collector = new PipelineCollector(model, operationContext.ContainingSymbol);
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation call)
                    {
                        collector.Add(call, operationContext.CancellationToken);
                    }
                }

                var block = new PipelineBlock(model, collector, ImmutableArray.Create(root));
                foreach (var pipeline in block.Pipelines)
                {
                    foreach (var call in pipeline.Calls)
                    {
                        if (call.Kind == MiddlewareKind.Cors && call.Invocation == invocation)
                        {
                            AnalyzeUseCors(operationContext, block, pipeline, call);
                        }
                    }
                }
            },
            OperationKind.Invocation);
    }

    /// <summary>Judges one <c>UseCors</c> (or one helper call that adds it) on its pipeline.</summary>
    private protected abstract void AnalyzeUseCors(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors);
}

/// <summary>What one method body does to its pipelines, with the facts a rule may ask about lazily.</summary>
internal sealed class PipelineBlock
{
    private readonly PipelineModel _model;
    private readonly PipelineCollector _collector;
    private readonly ImmutableArray<IOperation> _operations;

    public PipelineBlock(PipelineModel model, PipelineCollector collector, ImmutableArray<IOperation> operations)
    {
        _model = model;
        _collector = collector;
        _operations = operations;
        Pipelines = collector.GetPipelines();
    }

    public ImmutableArray<MiddlewarePipeline> Pipelines { get; }

    public PipelineSymbols Symbols => _model.Symbols;

    /// <inheritdoc cref="PipelineCollector.GetRegistrations"/>
    public (RegisteredServices Services, IInvocationOperation? ExplicitCall) GetRegistrations(System.Threading.CancellationToken cancellationToken)
        => _collector.GetRegistrations(cancellationToken);

    /// <summary>
    /// True when endpoints carry CORS metadata: <c>[EnableCors]</c>/<c>[DisableCors]</c> on a type or method of the
    /// compilation, or, in this body, <c>RequireCors(...)</c>, such an attribute on a lambda, or <c>new EnableCorsAttribute(...)</c>.
    /// </summary>
    public bool UsesEndpointCorsMetadata(System.Threading.CancellationToken cancellationToken)
    {
        if (_collector.RequiresCorsOnEndpoints)
        {
            return true;
        }

        foreach (var root in _operations)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAnonymousFunctionOperation function:
                        foreach (var attribute in function.Symbol.GetAttributes())
                        {
                            if (Symbols.IsCorsMetadata(attribute.AttributeClass))
                            {
                                return true;
                            }
                        }

                        break;
                    case IObjectCreationOperation creation when Symbols.IsCorsMetadata(creation.Type):
                        return true;
                }
            }
        }

        return _model.DeclaresCorsMetadataAttributes(cancellationToken);
    }
}
