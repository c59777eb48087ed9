namespace CorsAnalyzers.Policies;

internal enum PolicyKind
{
    /// <summary><c>options.AddPolicy("name", ...)</c>.</summary>
    Named,

    /// <summary><c>options.AddDefaultPolicy(...)</c>.</summary>
    Default,

    /// <summary><c>app.UseCors(p => ...)</c> or <c>endpoint.RequireCors(p => ...)</c>.</summary>
    Inline,

    /// <summary><c>new CorsPolicyBuilder()</c> or <c>new CorsPolicy()</c> whose result is not registered under a name we can see.</summary>
    Built,
}

/// <summary>Which policy a model describes, in the words a message uses.</summary>
internal readonly struct PolicyIdentity
{
    public PolicyIdentity(PolicyKind kind, string? name = null)
    {
        Kind = kind;
        Name = name;
    }

    public PolicyKind Kind { get; }

    /// <summary>The policy name when it is a constant; null otherwise.</summary>
    public string? Name { get; }

    /// <summary>The policy as the subject of a sentence: "Policy 'Open'", "The default policy", ...</summary>
    public string Describe() => Kind switch
    {
        PolicyKind.Named when Name is not null => $"Policy '{Name}'",
        PolicyKind.Named => "The policy registered here",
        PolicyKind.Default => "The default policy",
        PolicyKind.Inline => "The inline policy",
        _ => "The policy built here",
    };
}
