using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Reads the policy a call names, the one way every model and rule does: <c>AddPolicy("Api", ...)</c>,
/// <c>UseCors("Api")</c>, <c>RequireCors("Api")</c>, <c>new EnableCorsAttribute("Api")</c>, <c>options.AddPolicy("Api", policy)</c>.
/// </summary>
internal static class PolicyName
{
    /// <summary>The policy-name argument of a CORS call (its string parameter), or null when the call takes no name.</summary>
    public static IArgumentOperation? Argument(IInvocationOperation invocation) => Argument(invocation.Arguments);

    /// <inheritdoc cref="Argument(IInvocationOperation)"/>
    public static IArgumentOperation? Argument(IObjectCreationOperation creation) => Argument(creation.Arguments);

    /// <summary>
    /// The constant name the argument holds (see <see cref="ValueReader.ReadString"/>), also through a local that nothing
    /// assigns again (<c>var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";</c>, as ASP.NET Core's docs write it), or null.
    /// </summary>
    public static string? Read(IArgumentOperation? argument) => argument is null ? null : ValueReader.ReadString(argument.Value.FollowLocal());

    /// <summary>
    /// <c>options.AddPolicy("Api", policy)</c> or <c>options.AddDefaultPolicy(builder.Build())</c>: a call that stores a
    /// <c>CorsPolicy</c> object (not a configure delegate) as a policy; <paramref name="identity"/> says which.
    /// </summary>
    public static bool TryReadRegistration(IInvocationOperation invocation, CorsSymbols symbols, out PolicyIdentity identity)
    {
        var method = invocation.TargetMethod;
        var isDefault = symbols.IsCorsOptionsMethod(method, "AddDefaultPolicy");
        identity = default;
        if (!isDefault && !symbols.IsCorsOptionsMethod(method, "AddPolicy"))
        {
            return false;
        }

        foreach (var parameter in method.Parameters)
        {
            if (!symbols.IsPolicy(parameter.Type) && parameter.Type.SpecialType != SpecialType.System_String)
            {
                return false;
            }
        }

        identity = isDefault ? new PolicyIdentity(PolicyKind.Default) : new PolicyIdentity(PolicyKind.Named, Read(Argument(invocation)));
        return true;
    }

    private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
            {
                return argument;
            }
        }

        return null;
    }
}
