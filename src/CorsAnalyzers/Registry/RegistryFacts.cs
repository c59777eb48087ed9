using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Registry;

/// <summary>Where a policy name is used: which ASP.NET Core call or attribute applies it.</summary>
internal enum PolicyUseKind
{
    /// <summary><c>app.UseCors("name")</c> or <c>app.UseCors()</c>.</summary>
    Middleware,

    /// <summary><c>endpoints.MapGet(...).RequireCors("name")</c>.</summary>
    Endpoint,

    /// <summary><c>[EnableCors("name")]</c>, <c>[EnableCors]</c> or <c>new EnableCorsAttribute("name")</c>.</summary>
    Attribute,
}

/// <summary>A policy defined with <c>AddPolicy</c> or <c>AddDefaultPolicy</c>; <see cref="Name"/> is null for the default policy.</summary>
internal sealed class PolicyDefinition
{
    public PolicyDefinition(string? name, Location location)
    {
        Name = name;
        Location = location;
    }

    public string? Name { get; }

    public bool IsDefault => Name is null;

    public Location Location { get; }
}

/// <summary>
/// A use of a policy by name (<see cref="Name"/>), or of the default policy (<see cref="Name"/> null). <see cref="Location"/>
/// is the name argument, or the call or attribute when it has none.
/// </summary>
internal sealed class PolicyUse
{
    public PolicyUse(PolicyUseKind kind, string? name, Location location, bool isLiteral)
    {
        Kind = kind;
        Name = name;
        Location = location;
        IsLiteral = isLiteral;
    }

    public PolicyUseKind Kind { get; }

    public string? Name { get; }

    public bool UsesDefault => Name is null;

    public Location Location { get; }

    /// <summary>The name is written as a string literal there, so a fix can replace it in place.</summary>
    public bool IsLiteral { get; }
}

/// <summary>A place that gives endpoints CORS metadata, and how a message names it (<c>RequireCors("Api")</c>, <c>[EnableCors]</c>).</summary>
internal sealed class CorsMetadataSite
{
    public CorsMetadataSite(Location location, string description)
    {
        Location = location;
        Description = description;
    }

    public Location Location { get; }

    public string Description { get; }
}

/// <summary>
/// What calls to one method tell the registry, decided once per definition (<see cref="CorsRegistry"/>): facts that hold
/// for every call, and the parts of each call that must still be read.
/// </summary>
[System.Flags]
internal enum RegistryCall
{
    None = 0,

    /// <summary>A generic method: its type arguments may name CORS options, services or providers.</summary>
    TypeArguments = 1,

    /// <summary>A method of ASP.NET Core's CORS assembly: <c>AddCors</c>, <c>AddPolicy</c>, <c>UseCors</c>, <c>RequireCors</c>, ...</summary>
    CorsCall = 2,

    /// <summary>A framework method whose arguments may be <c>typeof(...)</c> or lambdas with attributes.</summary>
    Arguments = 4,

    /// <summary>A generic method of another assembly: what its constructed parameters receive.</summary>
    ConstructedHandOver = 8,

    BuildsPipeline = 16,
    RegistersCorsServices = 32,
    ConfiguresRouteOptions = 64,
    OpensPolicyNames = 128,
    ServicesEscape = 256,
    PipelineEscape = 512,

    /// <summary>The facts that hold for every call of the method.</summary>
    Facts = BuildsPipeline | RegistersCorsServices | ConfiguresRouteOptions | OpensPolicyNames | ServicesEscape | PipelineEscape,
}
