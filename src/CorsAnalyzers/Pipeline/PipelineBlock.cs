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
        // Every call of the body, lambdas included (a branch's pipeline is built in one), from the body's one walk.
        var body = BodyOperations.Of(invocation);
        var collector = new PipelineCollector(model, containingSymbol);
        foreach (var call in body.Invocations)
        {
            collector.Add(call, cancellationToken);
        }

        return new PipelineBlock(model, collector, ImmutableArray.Create(body.Root));
    }

    public PipelineSymbols Symbols => _model.Symbols;

    /// <summary>
    /// True when <paramref name="pipeline"/>'s builder may get middleware the pipeline does not list: the body hands it
    /// to a method of another assembly (<c>app.UseCompanySecurity()</c>) or to a helper that does, or some code of the
    /// body does not bind (half-typed code: <c>app.UseSecurity()</c> whose <c>using</c> is missing). What is missing from
    /// the pipeline is then unknown; what is in it, and its order, is not. Ask it only before a report.
    /// </summary>
    public bool MayAddUnseenMiddleware(MiddlewarePipeline pipeline, CancellationToken cancellationToken)
    {
        foreach (var root in _operations)
        {
            var body = BodyOperations.Of(root);
            if (body.HasInvalidCode)
            {
                return true;
            }

            foreach (var invocation in body.Invocations)
            {
                if (_model.HandsBuilderToUnseenCode(invocation, pipeline.Receiver, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

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
