using System.Collections.Immutable;
using CorsAnalyzers.Headers;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers;

/// <summary>
/// One rule of the package: a question asked of one of the models. Rules are not analyzers of their own:
/// <see cref="CorsAnalyzer"/> builds each model once and hands it to every rule, so the compiler dispatches one callback
/// per operation for the whole package instead of one per rule. A rule derives from exactly one kind below; the kind
/// puts it in the <see cref="RuleSet"/> list the host dispatches, so no rule can be silently ignored.
/// </summary>
internal abstract class CorsRule
{
    private protected CorsRule()
    {
    }

    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Every descriptor the rule reports: <see cref="Descriptor"/>, or one per distinct message of the same ID.</summary>
    public virtual ImmutableArray<DiagnosticDescriptor> SupportedDescriptors => ImmutableArray.Create(Descriptor);

    /// <summary>Puts the rule where the host finds the rules of its kind: the one way in.</summary>
    internal abstract void AddTo(RuleSet rules);
}

/// <summary>A rule that judges a policy: called once for each policy configured in source.</summary>
internal abstract class PolicyRule : CorsRule
{
    public abstract void Analyze(OperationAnalysisContext context, CorsPolicyModel policy);

    /// <summary>
    /// True for a rule about what happens when ASP.NET Core builds the policy, which <c>AddPolicy</c> does when it is
    /// called: it is asked of policies a later <c>AddPolicy</c> replaces (<see cref="CorsPolicyModel.IsReplaced"/>) too.
    /// Every other rule speaks of the requests a policy serves, and a replaced policy serves none.
    /// </summary>
    public virtual bool JudgesReplacedPolicies => false;

    internal sealed override void AddTo(RuleSet rules) => rules.Add(this);
}

/// <summary>A rule that judges where <c>UseCors</c> stands: called once for each call that adds the CORS middleware.</summary>
internal abstract class PipelineRule : CorsRule
{
    public abstract void Analyze(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors);

    internal sealed override void AddTo(RuleSet rules) => rules.Add(this);
}

/// <summary>
/// A rule about how the pieces of the app fit together across files (policy names, default policy, services,
/// middleware): called once, at the end of the compilation, with the <see cref="CorsRegistry"/> the operation callback
/// filled. Its descriptor carries the <c>CompilationEnd</c> tag.
/// </summary>
internal abstract class RegistryRule : CorsRule
{
    public abstract void Analyze(CompilationAnalysisContext context, CorsRegistry registry);

    internal sealed override void AddTo(RuleSet rules) => rules.Add(this);
}

/// <summary>
/// A rule about CORS headers written by hand into a response: called once for each function (method, local function,
/// lambda) that writes <c>Access-Control-Allow-Origin</c>, with the <see cref="HeaderBody"/> of that function.
/// </summary>
internal abstract class HeaderRule : CorsRule
{
    public abstract void Analyze(OperationAnalysisContext context, HeaderBody body);

    internal sealed override void AddTo(RuleSet rules) => rules.Add(this);
}

/// <summary>The package's rules sorted by kind, built once per analyzer instance.</summary>
internal sealed class RuleSet
{
    private readonly ImmutableArray<PolicyRule>.Builder _policy = ImmutableArray.CreateBuilder<PolicyRule>();
    private readonly ImmutableArray<PipelineRule>.Builder _pipeline = ImmutableArray.CreateBuilder<PipelineRule>();
    private readonly ImmutableArray<RegistryRule>.Builder _registry = ImmutableArray.CreateBuilder<RegistryRule>();
    private readonly ImmutableArray<HeaderRule>.Builder _header = ImmutableArray.CreateBuilder<HeaderRule>();

    private RuleSet()
    {
    }

    public ImmutableArray<PolicyRule> Policy { get; private set; }

    public ImmutableArray<PipelineRule> Pipeline { get; private set; }

    public ImmutableArray<RegistryRule> Registry { get; private set; }

    public ImmutableArray<HeaderRule> Header { get; private set; }

    public ImmutableArray<DiagnosticDescriptor> Descriptors { get; private set; }

    public static RuleSet Create(ImmutableArray<CorsRule> rules)
    {
        var set = new RuleSet();
        var descriptors = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(rules.Length);
        foreach (var rule in rules)
        {
            foreach (var descriptor in rule.SupportedDescriptors)
            {
                // Two rules may report one descriptor (CORS013 on policies and on hand-written headers): listed once.
                if (!descriptors.Contains(descriptor))
                {
                    descriptors.Add(descriptor);
                }
            }

            rule.AddTo(set);
        }

        set.Policy = set._policy.ToImmutable();
        set.Pipeline = set._pipeline.ToImmutable();
        set.Registry = set._registry.ToImmutable();
        set.Header = set._header.ToImmutable();
        set.Descriptors = descriptors.ToImmutable();
        return set;
    }

    /// <summary>How many rules were dispatched to a kind: a meta test checks that every rule lands in exactly one.</summary>
    public int Count => Policy.Length + Pipeline.Length + Registry.Length + Header.Length;

    internal void Add(PolicyRule rule) => _policy.Add(rule);

    internal void Add(PipelineRule rule) => _pipeline.Add(rule);

    internal void Add(RegistryRule rule) => _registry.Add(rule);

    internal void Add(HeaderRule rule) => _header.Add(rule);
}
