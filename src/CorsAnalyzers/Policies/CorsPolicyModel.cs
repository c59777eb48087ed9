using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

/// <summary>
/// One CORS policy in source: which policy it is, and what it allows on each path through the code
/// that configures it. Rules ask it questions; they never walk code themselves.
/// </summary>
internal sealed class CorsPolicyModel
{
    private ImmutableArray<OriginFinding> _originFindings;

    public CorsPolicyModel(PolicyIdentity identity, IOperation registration, ImmutableArray<PolicyState> paths, bool isPolicyObject = false)
    {
        Identity = identity;
        Registration = registration;
        Paths = paths;
        IsPolicyObject = isPolicyObject;
    }

    /// <summary>
    /// True when the code configures a <c>new CorsPolicy()</c> through its members (<c>Origins.Add</c>, <c>SupportsCredentials</c>),
    /// false for a <c>CorsPolicyBuilder</c>: fixes write members there, builder calls here.
    /// </summary>
    public bool IsPolicyObject { get; }

    public PolicyIdentity Identity { get; }

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
}
