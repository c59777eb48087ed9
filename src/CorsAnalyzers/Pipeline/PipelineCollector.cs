using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// Gathers, for one method body (an operation block), the pipeline calls made on each builder and the service
/// registrations. Fed every invocation of one body, in any order; calls are sorted by position afterwards.
/// </summary>
internal sealed class PipelineCollector
{
    private readonly PipelineModel _model;
    private readonly ISymbol _owningSymbol;
    private readonly List<(ISymbol Receiver, PipelineCall Call)> _calls = new();
    private readonly List<IInvocationOperation> _registrations = new();
    private readonly List<IInvocationOperation> _sourceCalls = new();

    public PipelineCollector(PipelineModel model, ISymbol owningSymbol)
    {
        _model = model;
        _owningSymbol = owningSymbol;
    }

    /// <summary>True when the body calls <c>RequireCors(...)</c> on an endpoint.</summary>
    public bool RequiresCorsOnEndpoints { get; private set; }

    /// <summary>Where the call's name starts (<c>UseCors</c> in <c>app.UseRouting().UseCors()</c>): calls run in this order.</summary>
    public static int CallPosition(IInvocationOperation invocation)
        => invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax memberAccess }
            ? memberAccess.Name.SpanStart
            : invocation.Syntax.SpanStart;

    public void Add(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        var symbols = _model.Symbols;
        var method = invocation.TargetMethod;
        var role = _model.GetRole(method);
        var kind = role.Middleware;
        if (kind != MiddlewareKind.None)
        {
            if (ResolveInScope(invocation, PipelineModel.ThisArgument(invocation)) is { } receiver)
            {
                _calls.Add((receiver, new PipelineCall(kind, invocation, CallPosition(invocation), 0, MiddlewareKinds.None)));
            }

            return;
        }

        if (role.IsRegistration)
        {
            _registrations.Add(invocation);
            return;
        }

        if (role.IsRequireCors)
        {
            RequiresCorsOnEndpoints = true;
            return;
        }

        if (!role.IsInSource)
        {
            return;
        }

        _sourceCalls.Add(invocation);
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter
                || !symbols.IsApplicationBuilder(parameter.Type)
                || ResolveInScope(invocation, argument.Value) is not { } receiver)
            {
                continue;
            }

            var kinds = _model.GetHelperKinds(method, parameter.Ordinal, invocation.SemanticModel, cancellationToken);
            for (var step = 0; step < kinds.Length; step++)
            {
                _calls.Add((receiver, new PipelineCall(kinds[step], invocation, CallPosition(invocation), step, kinds)));
            }
        }
    }

    /// <summary>One pipeline per builder, its calls in the order they run.</summary>
    public ImmutableArray<MiddlewarePipeline> GetPipelines()
    {
        var byReceiver = new Dictionary<ISymbol, List<PipelineCall>>(SymbolEqualityComparer.Default);
        var receivers = new List<ISymbol>();
        foreach (var (receiver, call) in _calls)
        {
            if (!byReceiver.TryGetValue(receiver, out var calls))
            {
                calls = new List<PipelineCall>();
                byReceiver.Add(receiver, calls);
                receivers.Add(receiver);
            }

            calls.Add(call);
        }

        var pipelines = ImmutableArray.CreateBuilder<MiddlewarePipeline>(receivers.Count);
        foreach (var receiver in receivers)
        {
            var calls = byReceiver[receiver];
            calls.Sort((x, y) => x.Position != y.Position ? x.Position.CompareTo(y.Position) : x.Step.CompareTo(y.Step));
            var type = receiver switch
            {
                ILocalSymbol local => local.Type,
                IParameterSymbol parameter => parameter.Type,
                _ => null,
            };
            if (type is not null)
            {
                pipelines.Add(new MiddlewarePipeline(receiver, type, calls.ToImmutableArray()));
            }
        }

        return pipelines.ToImmutable();
    }

    /// <summary>
    /// The services the body registers (itself or through methods declared in source), and the first call that
    /// registers authentication or authorization explicitly (the helper call when a helper does it).
    /// </summary>
    public (RegisteredServices Services, IInvocationOperation? ExplicitCall) GetRegistrations(CancellationToken cancellationToken)
    {
        var services = RegisteredServices.None;
        IInvocationOperation? explicitCall = null;
        foreach (var invocation in _registrations)
        {
            var role = _model.GetRole(invocation.TargetMethod);
            var isExplicit = role.IsExplicitRegistration;
            services |= role.Services;
            if (isExplicit && (explicitCall is null || CallPosition(invocation) < CallPosition(explicitCall)))
            {
                explicitCall = invocation;
            }
        }

        foreach (var invocation in _sourceCalls)
        {
            var (registered, isExplicit) = _model.GetHelperRegistrations(invocation.TargetMethod, invocation.SemanticModel, cancellationToken);
            services |= registered;
            if (isExplicit && (explicitCall is null || CallPosition(invocation) < CallPosition(explicitCall)))
            {
                explicitCall = invocation;
            }
        }

        return (services, explicitCall);
    }

    /// <summary>
    /// The builder a call adds to, when it is a local or parameter of the function the call is written in: a lambda's
    /// own builder parameter (a <c>UseWhen</c>/<c>Map</c> branch) is its own pipeline; an outer builder used inside a
    /// lambda is not ordered with the outer calls.
    /// </summary>
    private ISymbol? ResolveInScope(IInvocationOperation invocation, IOperation? builder)
    {
        var receiver = _model.ResolveBuilder(builder);
        if (receiver is null || !_model.Symbols.IsApplicationBuilder(receiver switch
        {
            ILocalSymbol local => local.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        }))
        {
            return null;
        }

        return SymbolEqualityComparer.Default.Equals(receiver.ContainingSymbol, EnclosingFunction(invocation)) ? receiver : null;
    }

    private ISymbol EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation function:
                    return function.Symbol;
                case ILocalFunctionOperation localFunction:
                    return localFunction.Symbol;
            }
        }

        return _owningSymbol;
    }
}
