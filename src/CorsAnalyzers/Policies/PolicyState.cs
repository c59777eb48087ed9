using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

internal enum OriginPredicateKind
{
    /// <summary>No predicate: an origin is allowed when it is in the origin list.</summary>
    None,

    /// <summary><c>SetIsOriginAllowed</c> with a predicate that returns true for every origin.</summary>
    AcceptsAll,

    /// <summary><c>SetIsOriginAllowed</c> with a predicate that looks at the origin.</summary>
    Custom,

    /// <summary><c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>.</summary>
    WildcardSubdomains,
}

/// <summary>
/// A CORS policy as ASP.NET Core would build it along one path through the code that configures it.
/// Immutable: every builder call makes a new state. Each part keeps the operation that set it.
/// </summary>
internal sealed class PolicyState
{
    public static PolicyState Empty { get; } = new(
        ImmutableArray<PolicyValue>.Empty,
        OriginPredicateKind.None,
        originPredicateCall: null,
        credentialsCall: null,
        ImmutableArray<PolicyValue>.Empty,
        ImmutableArray<PolicyValue>.Empty,
        ImmutableArray<PolicyValue>.Empty,
        preflightMaxAgeCall: null,
        hasUnknownConfiguration: false);

    private PolicyState(
        ImmutableArray<PolicyValue> origins,
        OriginPredicateKind originPredicate,
        IOperation? originPredicateCall,
        IOperation? credentialsCall,
        ImmutableArray<PolicyValue> methods,
        ImmutableArray<PolicyValue> headers,
        ImmutableArray<PolicyValue> exposedHeaders,
        IOperation? preflightMaxAgeCall,
        bool hasUnknownConfiguration,
        Assumption? assumptions = null)
    {
        Origins = origins;
        OriginPredicate = originPredicate;
        OriginPredicateCall = originPredicateCall;
        CredentialsCall = credentialsCall;
        Methods = methods;
        Headers = headers;
        ExposedHeaders = exposedHeaders;
        PreflightMaxAgeCall = preflightMaxAgeCall;
        HasUnknownConfiguration = hasUnknownConfiguration;
        Assumptions = assumptions;
    }

    /// <summary>The origin list in order, as <c>CorsPolicy.Origins</c> would hold it.</summary>
    public ImmutableArray<PolicyValue> Origins { get; }

    public OriginPredicateKind OriginPredicate { get; }

    /// <summary>The <c>SetIsOriginAllowed*</c> call that set <see cref="OriginPredicate"/>.</summary>
    public IOperation? OriginPredicateCall { get; }

    /// <summary>The <c>AllowCredentials()</c> call in effect, or null when credentials are not allowed.</summary>
    public IOperation? CredentialsCall { get; }

    public ImmutableArray<PolicyValue> Methods { get; }

    public ImmutableArray<PolicyValue> Headers { get; }

    public ImmutableArray<PolicyValue> ExposedHeaders { get; }

    public IOperation? PreflightMaxAgeCall { get; }

    /// <summary>The builder was handed to code we cannot see (another assembly, a delegate): it may hold more than this state says.</summary>
    public bool HasUnknownConfiguration { get; }

    /// <summary>What the conditions this path went through were (<c>if (dev)</c> taken), so a later <c>if (!dev)</c> is not.</summary>
    public Assumption? Assumptions { get; }

    public bool AllowsCredentials => CredentialsCall is not null;

    /// <summary>ASP.NET Core's <c>CorsPolicy.AllowAnyOrigin</c>: the origin list is exactly <c>"*"</c>.</summary>
    public bool AllowsAnyOrigin => Origins.Length == 1 && Origins[0].IsAny;

    /// <summary>The <c>"*"</c> entry that makes this an any-origin policy, or null.</summary>
    public PolicyValue? AnyOrigin => AllowsAnyOrigin ? Origins[0] : null;

    /// <summary>True when some origin can pass: an origin list or a predicate.</summary>
    public bool AllowsSomeOrigin => !Origins.IsEmpty || OriginPredicate is OriginPredicateKind.AcceptsAll or OriginPredicateKind.Custom;

    public bool AllowsWildcardSubdomains => OriginPredicate == OriginPredicateKind.WildcardSubdomains;

    public PolicyState WithOrigins(ImmutableArray<PolicyValue> origins)
        => new(origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, Headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithOriginPredicate(OriginPredicateKind kind, IOperation call)
        => new(Origins, kind, call, CredentialsCall, Methods, Headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithCredentials(IOperation? call)
        => new(Origins, OriginPredicate, OriginPredicateCall, call, Methods, Headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithMethods(ImmutableArray<PolicyValue> methods)
        => new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, methods, Headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithHeaders(ImmutableArray<PolicyValue> headers)
        => new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithExposedHeaders(ImmutableArray<PolicyValue> exposedHeaders)
        => new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, Headers, exposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, Assumptions);

    public PolicyState WithPreflightMaxAge(IOperation call)
        => new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, Headers, ExposedHeaders, call, HasUnknownConfiguration, Assumptions);

    /// <summary>One of the four string lists (<see cref="PolicyMember.Origins"/>, Methods, Headers, ExposedHeaders).</summary>
    public ImmutableArray<PolicyValue> GetList(PolicyMember list) => list switch
    {
        PolicyMember.Origins => Origins,
        PolicyMember.Methods => Methods,
        PolicyMember.Headers => Headers,
        PolicyMember.ExposedHeaders => ExposedHeaders,
        _ => ImmutableArray<PolicyValue>.Empty,
    };

    public PolicyState WithList(PolicyMember list, ImmutableArray<PolicyValue> values) => list switch
    {
        PolicyMember.Origins => WithOrigins(values),
        PolicyMember.Methods => WithMethods(values),
        PolicyMember.Headers => WithHeaders(values),
        PolicyMember.ExposedHeaders => WithExposedHeaders(values),
        _ => this,
    };

    public PolicyState WithUnknownConfiguration()
        => HasUnknownConfiguration ? this : new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, Headers, ExposedHeaders, PreflightMaxAgeCall, true, Assumptions);

    /// <summary>This path with <paramref name="key"/> assumed <paramref name="value"/>.</summary>
    public PolicyState Assume(string key, bool value)
        => new(Origins, OriginPredicate, OriginPredicateCall, CredentialsCall, Methods, Headers, ExposedHeaders, PreflightMaxAgeCall, HasUnknownConfiguration, new Assumption(key, value, Assumptions));

    /// <summary>The value this path assumed for <paramref name="key"/>, or null.</summary>
    public bool? Assumed(string key)
    {
        for (var assumption = Assumptions; assumption is not null; assumption = assumption.Next)
        {
            if (assumption.Key == key)
            {
                return assumption.Value;
            }
        }

        return null;
    }
}

/// <summary>One condition a path went through and which way (a list, newest first).</summary>
internal sealed class Assumption
{
    public Assumption(string key, bool value, Assumption? next)
    {
        Key = key;
        Value = value;
        Next = next;
    }

    public string Key { get; }

    public bool Value { get; }

    public Assumption? Next { get; }
}
