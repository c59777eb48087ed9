using System;
using System.Collections.Immutable;
using CorsAnalyzers.Headers;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Registry;
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
        new UseDefinedPolicyNameRule(),
        new WireCorsServicesAndMiddlewareRule(),
        new AllowSomeOriginRule(),
        new ListMethodsAndHeadersAsBrowsersMatchThemRule(),
        new SetPreflightMaxAgeThatBrowsersKeepRule(),
        new DoNotWritePermissiveAllowOriginRule(),
        new DoNotReflectOriginWithCredentialsRule(),
        new AllowAnyOriginOnlyForPublicApisRule(),
        new CheckOriginsStrictlyRule(),
        new CheckHandWrittenOriginsStrictlyRule());

    // Every set of operation kinds a compilation may register, built once: adding a kind at run time instantiated
    // ImmutableArray<OperationKind>.Add, code the precompiled image does not hold (the JIT compiled it in every build).
    private static readonly ImmutableArray<OperationKind> Invocations = ImmutableArray.Create(OperationKind.Invocation);
    private static readonly ImmutableArray<OperationKind> InvocationsAndAssignments = ImmutableArray.Create(OperationKind.Invocation, OperationKind.SimpleAssignment);
    private static readonly ImmutableArray<OperationKind> InvocationsCreationsAndInvalid = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.Invalid);
    private static readonly ImmutableArray<OperationKind> InvocationsCreationsAssignmentsAndInvalid = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.SimpleAssignment, OperationKind.Invalid);

    private readonly RuleSet _rules;

    public CorsAnalyzer()
        : this(AllRules)
    {
    }

    /// <summary>An analyzer that runs only <paramref name="rules"/> (tests of one rule).</summary>
    internal CorsAnalyzer(ImmutableArray<CorsRule> rules)
    {
        _rules = RuleSet.Create(rules);
        SupportedDiagnostics = _rules.Descriptors;
    }

    /// <summary>The rules by kind, as the host dispatches them (meta tests check every rule lands in one kind).</summary>
    internal RuleSet Rules => _rules;

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

        var rules = _rules;
        symbols.UseConfiguration(context.Compilation, context.Options, context.CancellationToken);
        var pipelineSymbols = (!rules.Pipeline.IsEmpty || !rules.Registry.IsEmpty) && PipelineSymbols.TryCreate(context.Compilation, symbols, out var created)
            ? created
            : null;
        var pipelines = pipelineSymbols is not null ? new PipelineModel(context.Compilation, pipelineSymbols) : null;
        var registry = pipelineSymbols is not null && !rules.Registry.IsEmpty
            ? new CorsRegistry(context.Compilation, new RegistrySymbols(context.Compilation, symbols, pipelineSymbols))
            : null;
        var headers = !rules.Header.IsEmpty && HeaderSymbols.TryCreate(context.Compilation, out var createdHeaders) ? createdHeaders : null;
        var policies = !rules.Policy.IsEmpty;
        var pipelineOrder = pipelines is not null && !rules.Pipeline.IsEmpty;
        if (!pipelineOrder && !policies && registry is null && headers is null)
        {
            return;
        }

        // One delegate per compilation, registered for every operation block: registering per block, so that a finding
        // anywhere in the member that configures the policy (a later `policy.Origins.Add(...)` statement, say) is a local
        // diagnostic (the IDE shows and fixes only local ones; LocalDiagnosticsTests); one delegate, so that a block costs
        // no allocation of ours. The registry is filled from the same callback: no second walk of the code.
        var filter = CreateFilter(symbols, policies, pipelines, registry, headers);
        var creations = CallFilter.Create(
            symbols.Declarers,
            policies ? new CallQuestion(PolicyDiscovery.CreationDeclarers(symbols), constructor => PolicyDiscovery.ReadsCreationsOf(constructor, symbols)) : null,
            pipeline: null,
            registry is not null ? new CallQuestion(registry.CreationDeclarers, registry.ReadsCreationsOf) : null,
            headers: null);
        Action<OperationAnalysisContext> analyzeOperation = operationContext =>
        {
            // By kind, not by type tests: one virtual call instead of interface casts, for every operation dispatched.
            var operation = operationContext.Operation;
            switch (operation.Kind)
            {
                case OperationKind.Invocation:
                    var invocation = (IInvocationOperation)operation;
                    var readers = filter.ReadersOf(invocation, out var definition);
                    if (readers == CallReaders.None)
                    {
                        break;
                    }

                    if ((readers & CallReaders.Policies) != 0 && PolicyDiscovery.FromInvocation(invocation, symbols) is { } policy)
                    {
                        AnalyzePolicy(operationContext, policy);
                    }

                    var addsCors = (readers & CallReaders.Pipeline) != 0 && pipelines!.MayAddCors(invocation, operationContext.CancellationToken);
                    if (addsCors && pipelineOrder)
                    {
                        AnalyzeUseCors(operationContext, pipelines!, invocation);
                    }

                    // The registry also hears of a helper that adds the CORS middleware, which it does not read itself.
                    if (registry is not null && (addsCors || (readers & CallReaders.Registry) != 0))
                    {
                        registry.Observe(invocation, definition, addsCors);
                    }

                    if ((readers & CallReaders.Headers) != 0 && HeaderWrites.Read(invocation, headers!) is { Header: CorsHeader.AllowOrigin } write)
                    {
                        AnalyzeHeaders(operationContext, write, headers!);
                    }

                    break;
                case OperationKind.ObjectCreation:
                    var creation = (IObjectCreationOperation)operation;
                    var creationReaders = creations.ReadersOf(creation);
                    if ((creationReaders & CallReaders.Policies) != 0 && PolicyDiscovery.FromCreation(creation, symbols, operationContext.CancellationToken) is { } createdPolicy)
                    {
                        AnalyzePolicy(operationContext, createdPolicy);
                    }

                    if ((creationReaders & CallReaders.Registry) != 0)
                    {
                        registry!.Observe(creation);
                    }

                    break;
                case OperationKind.SimpleAssignment:
                    if (HeaderWrites.Read((ISimpleAssignmentOperation)operation, headers!) is { Header: CorsHeader.AllowOrigin } assigned)
                    {
                        AnalyzeHeaders(operationContext, assigned, headers!);
                    }

                    break;
                case OperationKind.Invalid:
                    registry?.ObserveUnresolvedCode();
                    if (policies && PolicyDiscovery.FromUnresolvedInvocation((IInvalidOperation)operation, symbols) is { } unresolvedPolicy)
                    {
                        AnalyzePolicy(operationContext, unresolvedPolicy);
                    }

                    break;
            }
        };

        // Hand-written headers are mostly indexer and property assignments (`Response.Headers["..."] = "*"`), which are
        // not invocations, and a middleware or filter that writes them need contain no call at all: assignments are the
        // one more kind dispatched, and only when a header rule runs. The filter is a type check of the assigned property
        // (IHeaderDictionary's own), so an assignment costs one dispatch and no allocation; walking every block at its end
        // instead would visit every operation of the compilation.
        //
        // Invalid operations exist only in code that does not compile: an AddPolicy whose lambda holds an unresolved name
        // (half-typed code) is one, and its policy is still modelled; and the registry then knows that some of the app's
        // code does not bind, so no fact about the whole app holds. Compiling code dispatches nothing more.
        var kinds = (policies || registry is not null, headers is not null) switch
        {
            (true, true) => InvocationsCreationsAssignmentsAndInvalid,
            (true, false) => InvocationsCreationsAndInvalid,
            (false, true) => InvocationsAndAssignments,
            _ => Invocations,
        };

        context.RegisterOperationBlockStartAction(blockContext => blockContext.RegisterOperationAction(analyzeOperation, kinds));
        if (registry is not null)
        {
            context.RegisterCompilationEndAction(endContext =>
            {
                foreach (var rule in rules.Registry)
                {
                    rule.Analyze(endContext, registry);
                }
            });
        }
    }

    /// <summary>The invocations any model of this compilation reads: each model answers for the methods it knows.</summary>
    private static CallFilter CreateFilter(CorsSymbols symbols, bool policies, PipelineModel? pipelines, CorsRegistry? registry, HeaderSymbols? headers)
        => CallFilter.Create(
            symbols.Declarers,
            policies ? new CallQuestion(PolicyDiscovery.CallDeclarers(symbols), definition => PolicyDiscovery.ReadsCallsTo(definition, symbols)) : null,
            pipelines is not null ? new CallQuestion(PipelineModel.CallDeclarers(symbols), pipelines.ReadsCallsTo) : null,
            registry is not null ? new CallQuestion(CorsRegistry.CallDeclarers, registry.ReadsCallsTo) : null,
            headers is not null ? new CallQuestion(HeaderWrites.CallDeclarers(headers, symbols.Declarers), definition => HeaderWrites.ReadsCallsTo(definition, headers)) : null);

    private void AnalyzePolicy(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        foreach (var rule in _rules.Policy)
        {
            if (!policy.IsReplaced || rule.JudgesReplacedPolicies)
            {
                rule.Analyze(context, policy);
            }
        }
    }

    private void AnalyzeHeaders(OperationAnalysisContext context, HeaderWrite write, HeaderSymbols symbols)
    {
        if (HeaderBody.ForFirstWrite(write, symbols) is not { } body)
        {
            return;
        }

        foreach (var rule in _rules.Header)
        {
            rule.Analyze(context, body);
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
                    foreach (var rule in _rules.Pipeline)
                    {
                        rule.Analyze(context, block, pipeline, call);
                    }
                }
            }
        }
    }
}
