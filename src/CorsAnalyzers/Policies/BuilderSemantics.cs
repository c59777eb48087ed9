using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static CorsAnalyzers.Policies.PolicyPaths;

namespace CorsAnalyzers.Policies;

/// <summary>
/// What ASP.NET Core does to a policy for each <c>CorsPolicyBuilder</c> call, <c>CorsPolicy</c> constructor, property
/// assignment and list change: <c>AllowAnyOrigin</c> replaces the origins, <c>WithOrigins</c> appends, <c>SetIsOriginAllowed*</c>
/// replaces the predicate, <c>DisallowCredentials</c> undoes <c>AllowCredentials</c>, and so on. Applied to every path.
/// </summary>
internal static class BuilderSemantics
{
    public static ImmutableArray<PolicyState> Apply(CorsSymbols symbols, BuilderMethod method, IInvocationOperation call, ImmutableArray<PolicyState> states)
    {
        switch (method)
        {
            case BuilderMethod.WithOrigins:
                var result = ImmutableArray<PolicyState>.Empty;
                foreach (var origins in ValueReader.ReadOriginLists(call, call.Arguments, symbols))
                {
                    result = Union(result, Map(states, state => state.WithOrigins(state.Origins.AddRange(origins))));
                }

                return result;
            case BuilderMethod.AllowAnyOrigin:
                var anyOrigin = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithOrigins(anyOrigin));
            case BuilderMethod.SetIsOriginAllowed:
                var kind = call.Arguments.Length == 1 && OriginPredicates.AcceptsEveryOrigin(call.Arguments[0].Value)
                    ? OriginPredicateKind.AcceptsAll
                    : OriginPredicateKind.Custom;
                return Map(states, state => state.WithOriginPredicate(kind, call));
            case BuilderMethod.SetIsOriginAllowedToAllowWildcardSubdomains:
                return Map(states, state => state.WithOriginPredicate(OriginPredicateKind.WildcardSubdomains, call));
            case BuilderMethod.AllowCredentials:
                return Map(states, state => state.WithCredentials(call));
            case BuilderMethod.DisallowCredentials:
                return Map(states, state => state.WithCredentials(null));
            case BuilderMethod.WithMethods:
                var methods = ValueReader.ReadValues(call, call.Arguments);
                return Map(states, state => state.WithMethods(state.Methods.AddRange(methods)));
            case BuilderMethod.AllowAnyMethod:
                var anyMethod = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithMethods(anyMethod));
            case BuilderMethod.WithHeaders:
                var headers = ValueReader.ReadValues(call, call.Arguments);
                return Map(states, state => state.WithHeaders(state.Headers.AddRange(headers)));
            case BuilderMethod.AllowAnyHeader:
                var anyHeader = ImmutableArray.Create(new PolicyValue(PolicyValue.Any, call, call));
                return Map(states, state => state.WithHeaders(anyHeader));
            case BuilderMethod.WithExposedHeaders:
                var exposed = ValueReader.ReadValues(call, call.Arguments);
                return Map(states, state => state.WithExposedHeaders(state.ExposedHeaders.AddRange(exposed)));
            case BuilderMethod.SetPreflightMaxAge:
                return Map(states, state => state.WithPreflightMaxAge(call));
            default:
                return states;
        }
    }

    /// <summary>
    /// What a builder call the compiler could not resolve (<c>policy.WithOrigins(AppSettings.AllowCors)</c> while
    /// <c>AppSettings</c> does not bind) would be: the method every candidate names, when its receiver is the followed
    /// builder (<see cref="PolicyAliases"/> follows a chain through such calls). Only in code that parses: a call cut short
    /// while typing is not guessed at.
    /// </summary>
    public static BuilderMethod? UnresolvedBuilderCall(CorsSymbols symbols, PolicyAliases followed, IInvalidOperation call)
    {
        if (call.SemanticModel is not { } model || call.Syntax.ContainsDiagnostics)
        {
            return null;
        }

        IOperation? receiver = null;
        foreach (var child in call.ChildOperations)
        {
            receiver = child;
            break;
        }

        if (receiver is null || !followed.RefersToFollowed(receiver))
        {
            return null;
        }

        BuilderMethod? method = null;
        foreach (var candidate in model.GetSymbolInfo(call.Syntax).CandidateSymbols)
        {
            var kind = candidate is IMethodSymbol candidateMethod ? symbols.GetBuilderMethod(candidateMethod) : BuilderMethod.None;
            if (kind == BuilderMethod.None || (method is not null && method != kind))
            {
                return null;
            }

            method = kind;
        }

        return method;
    }

    /// <summary>
    /// An unresolved <c>WithOrigins(...)</c> (or <c>WithMethods</c>, <c>WithHeaders</c>, <c>WithExposedHeaders</c>) adds values
    /// we cannot read; <c>AllowAnyMethod()</c>/<c>AllowAnyHeader()</c> on an unresolved chain allow any; any other unresolved
    /// builder call may change anything.
    /// </summary>
    public static ImmutableArray<PolicyState> ApplyUnresolved(BuilderMethod method, IInvalidOperation call, ImmutableArray<PolicyState> states)
    {
        var unknown = new PolicyValue(null, call, call);
        var any = new PolicyValue(PolicyValue.Any, call, call);
        return method switch
        {
            BuilderMethod.WithOrigins => Map(states, state => state.WithOrigins(state.Origins.Add(unknown))),
            BuilderMethod.WithMethods => Map(states, state => state.WithMethods(state.Methods.Add(unknown))),
            BuilderMethod.WithHeaders => Map(states, state => state.WithHeaders(state.Headers.Add(unknown))),
            BuilderMethod.WithExposedHeaders => Map(states, state => state.WithExposedHeaders(state.ExposedHeaders.Add(unknown))),
            BuilderMethod.AllowAnyMethod => Map(states, state => state.WithMethods(ImmutableArray.Create(any))),
            BuilderMethod.AllowAnyHeader => Map(states, state => state.WithHeaders(ImmutableArray.Create(any))),
            _ => Map(states, state => state.WithUnknownConfiguration()),
        };
    }

    /// <summary><c>new CorsPolicyBuilder("https://a")</c> calls WithOrigins; <c>new CorsPolicyBuilder(policy)</c> copies a policy we cannot see.</summary>
    public static PolicyState ApplyConstructor(IObjectCreationOperation creation, PolicyState state)
    {
        if (creation.Arguments.Length == 0)
        {
            return state;
        }

        if (creation.Arguments[0].Parameter?.Type is IArrayTypeSymbol)
        {
            return state.WithOrigins(state.Origins.AddRange(ValueReader.ReadValues(creation, creation.Arguments)));
        }

        return state.WithUnknownConfiguration();
    }

    /// <summary><c>policy.SupportsCredentials = true</c>, <c>policy.IsOriginAllowed = ...</c>, <c>policy.Origins[0] = ...</c>, ...</summary>
    public static ImmutableArray<PolicyState> Assign(CorsSymbols symbols, IPropertyReferenceOperation property, ISimpleAssignmentOperation assignment, ImmutableArray<PolicyState> states)
    {
        if (property.Property.IsIndexer)
        {
            return Map(states, state => state.WithUnknownConfiguration());
        }

        switch (symbols.GetPolicyMember(property.Property))
        {
            case PolicyMember.SupportsCredentials:
                return assignment.Value.WalkDownConversions().ConstantValue switch
                {
                    { HasValue: true, Value: true } => Map(states, state => state.WithCredentials(assignment)),
                    { HasValue: true, Value: false } => Map(states, state => state.WithCredentials(null)),
                    _ => Map(states, state => state.WithUnknownConfiguration()),
                };
            case PolicyMember.IsOriginAllowed:
                var kind = OriginPredicates.AcceptsEveryOrigin(assignment.Value) ? OriginPredicateKind.AcceptsAll : OriginPredicateKind.Custom;
                return Map(states, state => state.WithOriginPredicate(kind, assignment));
            case PolicyMember.PreflightMaxAge:
                return Map(states, state => state.WithPreflightMaxAge(assignment));
            default:
                return states;
        }
    }

    /// <summary><c>policy.Origins.Add("https://a")</c>, <c>policy.Methods.Clear()</c>, or a change we do not follow.</summary>
    public static ImmutableArray<PolicyState> ApplyToList(PolicyMember list, CollectionMethod method, IInvocationOperation call, ImmutableArray<PolicyState> states)
    {
        switch (method)
        {
            case CollectionMethod.Add when call.Arguments.Length == 1:
                var element = call.Arguments[0].Value;
                var value = new PolicyValue(element.ConstantValue is { HasValue: true, Value: string text } ? text : null, element, call, isVerbatim: true);
                return Map(states, state => state.WithList(list, state.GetList(list).Add(value)));
            case CollectionMethod.Clear:
                return Map(states, state => state.WithList(list, ImmutableArray<PolicyValue>.Empty));
            default:
                return Map(states, state => state.WithUnknownConfiguration());
        }
    }
}
