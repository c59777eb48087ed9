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

/// <summary>
/// Which services a registration call adds that matter to CORS: those that make <c>WebApplication</c> insert middleware
/// on its own, and the CORS services (<c>ICorsService</c>) the CORS middleware cannot start without.
/// </summary>
[System.Flags]
internal enum RegisteredServices
{
    None = 0,
    Authentication = 1,
    Authorization = 2,
    Cors = 4,
}

/// <summary>
/// Ordered lists of middleware as plain arrays: <c>ImmutableArray&lt;MiddlewareKind&gt;</c> made the JIT compile the
/// collection's code for our enum in every build, for lists that hold a handful of items.
/// </summary>
internal static class MiddlewareKinds
{
    public static readonly MiddlewareKind[] None = new MiddlewareKind[0];

    public static bool Contains(MiddlewareKind[] kinds, MiddlewareKind kind)
    {
        foreach (var item in kinds)
        {
            if (item == kind)
            {
                return true;
            }
        }

        return false;
    }

    public static MiddlewareKind[] Append(MiddlewareKind[] kinds, MiddlewareKind kind)
    {
        var result = new MiddlewareKind[kinds.Length + 1];
        kinds.CopyTo(result, 0);
        result[kinds.Length] = kind;
        return result;
    }

    public static MiddlewareKind[] Append(MiddlewareKind[] kinds, MiddlewareKind[] more)
    {
        if (more.Length == 0)
        {
            return kinds;
        }

        var result = new MiddlewareKind[kinds.Length + more.Length];
        kinds.CopyTo(result, 0);
        more.CopyTo(result, kinds.Length);
        return result;
    }
}
