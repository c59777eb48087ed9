using System.Collections.Immutable;
using CorsAnalyzers.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// Base of the rules that judge middleware order: each method body's pipeline calls are collected while the driver
/// walks the body, then handed to <see cref="AnalyzeBlock"/> once, when the body ends. Nothing is registered when the
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
        context.RegisterOperationBlockStartAction(blockContext =>
        {
            var collector = new PipelineCollector(model, blockContext.OwningSymbol);
            blockContext.RegisterOperationAction(
                operationContext => collector.Add((IInvocationOperation)operationContext.Operation, operationContext.CancellationToken),
                OperationKind.Invocation);
            blockContext.RegisterOperationBlockEndAction(endContext =>
            {
                if (collector.HasCors)
                {
                    AnalyzeBlock(endContext, new PipelineBlock(model, collector, endContext.OperationBlocks));
                }
            });
        });
    }

    private protected abstract void AnalyzeBlock(OperationBlockAnalysisContext context, PipelineBlock block);
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
