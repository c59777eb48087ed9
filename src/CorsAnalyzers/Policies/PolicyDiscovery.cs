using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Finds the places where a CORS policy is configured and builds its <see cref="CorsPolicyModel"/>:
/// a configure delegate handed to ASP.NET Core (<c>AddPolicy</c>, <c>AddDefaultPolicy</c>, <c>UseCors</c>,
/// <c>RequireCors</c>), a <c>new CorsPolicyBuilder()</c>, or a <c>new CorsPolicy()</c> configured through its members.
/// </summary>
internal static class PolicyDiscovery
{
    /// <summary>The policy configured by this call, or null when it does not configure one we can read.</summary>
    public static CorsPolicyModel? FromInvocation(IInvocationOperation invocation, CorsSymbols symbols)
    {
        // Asked of every invocation in the compilation: the containing type decides before anything is allocated.
        var containingType = invocation.TargetMethod.ContainingType;
        if (!SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsOptions)
            && !SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsMiddlewareExtensions)
            && !SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsEndpointConventionBuilderExtensions))
        {
            return null;
        }

        return BuildFromInvocation(invocation, symbols);
    }

    /// <summary>The policy built by <c>new CorsPolicyBuilder(...)</c> or <c>new CorsPolicy()</c>, or null for any other creation.</summary>
    public static CorsPolicyModel? FromCreation(IObjectCreationOperation creation, CorsSymbols symbols)
    {
        if (!symbols.IsBuilder(creation.Type) && !symbols.IsPolicy(creation.Type))
        {
            return null;
        }

        return BuildFromCreation(creation, symbols);
    }

    private static CorsPolicyModel? BuildFromInvocation(IInvocationOperation invocation, CorsSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var isOptions = SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.CorsOptions);
        IOperation? configure = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is { } parameter && IsConfigureDelegate(parameter.Type, symbols))
            {
                configure = argument.Value;
            }
        }

        if (configure is null || !TryGetDelegateBody(configure, out var body, out var builder))
        {
            return null;
        }

        var identity = !isOptions
            ? new PolicyIdentity(PolicyKind.Inline)
            : method.Parameters.Length == 1 ? new PolicyIdentity(PolicyKind.Default) : new PolicyIdentity(PolicyKind.Named, PolicyName.Read(PolicyName.Argument(invocation)));
        return new CorsPolicyModel(symbols, identity, invocation, PolicyInterpreter.RunDelegate(symbols, body, builder));
    }

    private static CorsPolicyModel BuildFromCreation(IObjectCreationOperation creation, CorsSymbols symbols)
    {
        // When the code registers the policy (`options.AddPolicy("Api", policy)`), the model is that named policy.
        var paths = PolicyInterpreter.RunFromCreation(symbols, creation, out var registeredAs);
        return new CorsPolicyModel(symbols, registeredAs ?? new PolicyIdentity(PolicyKind.Built), creation, paths, symbols.IsPolicy(creation.Type));
    }

    private static bool IsConfigureDelegate(ITypeSymbol type, CorsSymbols symbols)
        => type is INamedTypeSymbol { DelegateInvokeMethod: { Parameters.Length: 1 } invoke }
            && symbols.IsBuilder(invoke.Parameters[0].Type);

    private static bool TryGetDelegateBody(IOperation configure, out IOperation body, out IParameterSymbol builder)
    {
        // `Action<CorsPolicyBuilder> configure = p => ...; options.AddPolicy("Api", configure);`
        configure = configure.FollowLocal();

        var target = configure is IDelegateCreationOperation creation ? creation.Target : configure;
        switch (target)
        {
            case IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } function:
                body = function.Body;
                builder = function.Symbol.Parameters[0];
                return true;

            case IMethodReferenceOperation { Method.Parameters.Length: 1 } reference
                when SourceBodies.GetBody(reference.Method, configure.SemanticModel) is { } methodBody:
                body = methodBody;
                builder = SourceBodies.Implementation(reference.Method).Parameters[0];
                return true;

            default:
                body = null!;
                builder = null!;
                return false;
        }
    }
}
