using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Pipeline;

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

    /// <summary>The pipeline calls of the whole body (or top-level program) that contains <paramref name="invocation"/>.</summary>
    public static PipelineBlock Around(PipelineModel model, IInvocationOperation invocation, ISymbol containingSymbol, CancellationToken cancellationToken)
    {
        var root = (IOperation)invocation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        // Every call of the body, lambdas included (a branch's pipeline is built in one). A stack of our own, not
        // DescendantsAndSelf's nested iterators: a top-level program of a thousand endpoints is walked on every edit.
        var collector = new PipelineCollector(model, containingSymbol);
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IInvocationOperation call)
            {
                collector.Add(call, cancellationToken);
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return new PipelineBlock(model, collector, ImmutableArray.Create(root));
    }

    public PipelineSymbols Symbols => _model.Symbols;

    /// <inheritdoc cref="PipelineCollector.GetRegistrations"/>
    public (RegisteredServices Services, IInvocationOperation? ExplicitCall) GetRegistrations(CancellationToken cancellationToken)
        => _collector.GetRegistrations(cancellationToken);

    /// <summary>
    /// True when endpoints carry CORS metadata: <c>[EnableCors]</c>/<c>[DisableCors]</c> on a type or method of the
    /// compilation, or, in this body, <c>RequireCors(...)</c>, such an attribute on a lambda, or <c>new EnableCorsAttribute(...)</c>.
    /// </summary>
    public bool UsesEndpointCorsMetadata(CancellationToken cancellationToken)
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
