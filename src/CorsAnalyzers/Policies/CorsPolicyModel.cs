using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// One CORS policy in source: which policy it is, and what it allows on each path through the code
/// that configures it. Rules ask it questions; they never walk code themselves.
/// </summary>
internal sealed class CorsPolicyModel
{
    private readonly CorsSymbols _symbols;
    private ImmutableArray<OriginFinding> _originFindings;
    private ImmutableArray<PredicateCheckFinding> _weakOriginChecks;

    public CorsPolicyModel(CorsSymbols symbols, PolicyIdentity identity, IOperation registration, ImmutableArray<PolicyState> paths, bool isPolicyObject = false, bool isReplaced = false)
    {
        _symbols = symbols;
        Identity = identity;
        Registration = registration;
        Paths = paths;
        IsPolicyObject = isPolicyObject;
        IsReplaced = isReplaced;
    }

    /// <summary>
    /// True when a later <c>AddPolicy</c> with the same name (or <c>AddDefaultPolicy</c>) certainly replaces this policy
    /// (<see cref="PolicyReplacement"/>): ASP.NET Core still builds it when it is added, but no request ever meets it.
    /// </summary>
    public bool IsReplaced { get; }

    /// <summary>
    /// True when the code configures a <c>new CorsPolicy()</c> through its members (<c>Origins.Add</c>, <c>SupportsCredentials</c>),
    /// false for a <c>CorsPolicyBuilder</c>: fixes write members there, builder calls here.
    /// </summary>
    public bool IsPolicyObject { get; }

    public PolicyIdentity Identity { get; }

    /// <summary>The compilation's symbols, for the fix contracts of rules that read the model's findings.</summary>
    public CorsSymbols Symbols => _symbols;

    /// <summary>The operation that registers or creates the policy (<c>AddPolicy</c>, <c>UseCors</c>, <c>new CorsPolicyBuilder()</c>, ...).</summary>
    public IOperation Registration { get; }

    /// <summary>The policy as built along each distinct path; paths that throw are not included.</summary>
    public ImmutableArray<PolicyState> Paths { get; }

    /// <summary>Every constant origin of the policy that never matches, once per place it is written (see <see cref="OriginFindings.Find"/>).</summary>
    /// <remarks>Computed once, when the first rule asks (CORS005 and CORS006 both read it).</remarks>
    public ImmutableArray<OriginFinding> OriginFindings
    {
        get
        {
            if (_originFindings.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _originFindings, Policies.OriginFindings.Find(this));
            }

            return _originFindings;
        }
    }

    /// <summary>
    /// The checks of the policy's origin predicates (<c>SetIsOriginAllowed</c>, <c>CorsPolicy.IsOriginAllowed</c>) that an
    /// attacker's origin passes (see <see cref="OriginChecks"/>), for each predicate in effect on a path we know end to end.
    /// </summary>
    /// <remarks>Computed once, when the first rule asks, and only for policies that have a predicate.</remarks>
    public ImmutableArray<PredicateCheckFinding> WeakOriginChecks
    {
        get
        {
            if (_weakOriginChecks.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _weakOriginChecks, FindWeakOriginChecks());
            }

            return _weakOriginChecks;
        }
    }

    /// <summary>The paths on which <paramref name="condition"/> holds; <paramref name="onEveryPath"/> tells whether that is all of them.</summary>
    public ImmutableArray<PolicyState> PathsWhere(Func<PolicyState, bool> condition, out bool onEveryPath)
    {
        var builder = ImmutableArray.CreateBuilder<PolicyState>();
        foreach (var path in Paths)
        {
            if (condition(path))
            {
                builder.Add(path);
            }
        }

        onEveryPath = builder.Count == Paths.Length;
        return builder.ToImmutable();
    }

    /// <summary>The message fragment that says a finding holds only on some paths.</summary>
    public static string ConditionalSuffix(bool onEveryPath) => onEveryPath ? string.Empty : " on some code paths";

    private ImmutableArray<PredicateCheckFinding> FindWeakOriginChecks()
    {
        ImmutableArray<PredicateCheckFinding>.Builder? findings = null;
        for (var i = 0; i < Paths.Length; i++)
        {
            var call = Paths[i].OriginPredicateCall;
            if (call is null || !IsJudged(Paths[i]) || IndexOfPredicate(call) != i)
            {
                continue;
            }

            // The predicate is the argument of SetIsOriginAllowed(...) or the value assigned to IsOriginAllowed.
            var predicate = call switch
            {
                IInvocationOperation { Arguments.Length: 1 } invocation => invocation.Arguments[0].Value,
                ISimpleAssignmentOperation assignment => assignment.Value,
                _ => null,
            };
            if (predicate is null)
            {
                continue;
            }

            var checks = OriginChecks.InPredicate(predicate, _symbols.OriginChecks);
            if (checks.IsEmpty)
            {
                continue;
            }

            var onEveryPath = true;
            foreach (var path in Paths)
            {
                onEveryPath &= IsJudged(path) && path.OriginPredicateCall == call;
            }

            findings ??= ImmutableArray.CreateBuilder<PredicateCheckFinding>();
            foreach (var check in checks)
            {
                findings.Add(new PredicateCheckFinding(check, onEveryPath));
            }
        }

        return findings?.ToImmutable() ?? ImmutableArray<PredicateCheckFinding>.Empty;
    }

    /// <summary>A custom predicate decides on this path: no <c>"*"</c> list overrides it, and no code we cannot see may replace it.</summary>
    private static bool IsJudged(PolicyState path)
        => path.OriginPredicate == OriginPredicateKind.Custom && !path.AllowsAnyOrigin && !path.HasUnknownConfiguration;

    private int IndexOfPredicate(IOperation call)
    {
        for (var i = 0; i < Paths.Length; i++)
        {
            if (Paths[i].OriginPredicateCall == call && IsJudged(Paths[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A weak check in a policy's origin predicate, and whether that predicate is in effect on every path.</summary>
internal sealed class PredicateCheckFinding
{
    public PredicateCheckFinding(WeakOriginCheck check, bool onEveryPath)
    {
        Check = check;
        OnEveryPath = onEveryPath;
    }

    public WeakOriginCheck Check { get; }

    public bool OnEveryPath { get; }
}
