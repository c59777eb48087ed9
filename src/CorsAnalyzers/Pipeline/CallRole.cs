using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// What a call to one method is to the pipeline model: ASP.NET Core middleware, a service registration, <c>RequireCors</c>,
/// a method declared in source (a helper to follow), or nothing. Decided once per method definition
/// (<see cref="PipelineModel.GetRole"/>): a top-level program of a thousand endpoints calls the same few methods thousands
/// of times, and the pipeline is collected from it on every edit.
/// </summary>
internal sealed class CallRole
{
    public static readonly CallRole None = new(MiddlewareKind.None, RegisteredServices.None, isRegistration: false, isExplicit: false, isRequireCors: false, isInSource: false);

    private CallRole(MiddlewareKind middleware, RegisteredServices services, bool isRegistration, bool isExplicit, bool isRequireCors, bool isInSource)
    {
        Middleware = middleware;
        Services = services;
        IsRegistration = isRegistration;
        IsExplicitRegistration = isExplicit;
        IsRequireCors = isRequireCors;
        IsInSource = isInSource;
    }

    /// <summary>The middleware the call adds (<see cref="MiddlewareKind.None"/> for every other role).</summary>
    public MiddlewareKind Middleware { get; }

    /// <summary>True for one of ASP.NET Core's <see cref="PipelineSymbols.RegistrationMethods"/>.</summary>
    public bool IsRegistration { get; }

    /// <summary>The services a registration adds.</summary>
    public RegisteredServices Services { get; }

    /// <summary>True when a registration says the app uses authentication or authorization (not as MVC's side effect).</summary>
    public bool IsExplicitRegistration { get; }

    /// <summary>True for <c>RequireCors</c> on an endpoint.</summary>
    public bool IsRequireCors { get; }

    /// <summary>True for an ordinary method or local function declared in source: a helper whose body can be followed.</summary>
    public bool IsInSource { get; }

    /// <summary>The role of calls to <paramref name="definition"/> (unreduced, not constructed), in the order the model asks.</summary>
    public static CallRole Of(IMethodSymbol definition, PipelineSymbols symbols)
    {
        var middleware = symbols.GetMiddleware(definition);
        if (middleware != MiddlewareKind.None)
        {
            return new CallRole(middleware, RegisteredServices.None, isRegistration: false, isExplicit: false, isRequireCors: false, isInSource: false);
        }

        if (symbols.TryGetRegistration(definition, out var services, out var isExplicit))
        {
            return new CallRole(MiddlewareKind.None, services, isRegistration: true, isExplicit, isRequireCors: false, isInSource: false);
        }

        if (symbols.IsRequireCors(definition))
        {
            return new CallRole(MiddlewareKind.None, RegisteredServices.None, isRegistration: false, isExplicit: false, isRequireCors: true, isInSource: false);
        }

        return PipelineModel.IsInSource(definition)
            ? new CallRole(MiddlewareKind.None, RegisteredServices.None, isRegistration: false, isExplicit: false, isRequireCors: false, isInSource: true)
            : None;
    }
}
