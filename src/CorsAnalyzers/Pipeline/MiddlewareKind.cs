namespace CorsAnalyzers.Pipeline;

/// <summary>What an ASP.NET Core pipeline call adds to the request pipeline, as far as CORS ordering cares.</summary>
internal enum MiddlewareKind
{
    None,
    Cors,
    Routing,
    Authentication,
    Authorization,
    ResponseCaching,
    OutputCache,
    Endpoints,
    Run,
}

/// <summary>Which services a registration call adds that make <c>WebApplication</c> insert middleware on its own.</summary>
[System.Flags]
internal enum RegisteredServices
{
    None = 0,
    Authentication = 1,
    Authorization = 2,
}
