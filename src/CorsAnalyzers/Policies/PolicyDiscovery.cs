using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Finds the places where a CORS policy is configured and builds its <see cref="CorsPolicyModel"/>:
/// a configure delegate handed to ASP.NET Core (<c>AddPolicy</c>, <c>AddDefaultPolicy</c>, <c>UseCors</c>,
/// <c>RequireCors</c>), or a <c>new CorsPolicyBuilder()</c>.
/// </summary>
internal static class PolicyDiscovery
{
    /// <summary>The policy configured by this call, or null when it does not configure one we can read.</summary>
    public static CorsPolicyModel? FromInvocation(IInvocationOperation invocation, CorsSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var containingType = method.ContainingType;
        var isOptions = SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsOptions);
        if (!isOptions
            && !SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsMiddlewareExtensions)
            && !SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsEndpointConventionBuilderExtensions))
        {
            return null;
        }

        IOperation? configure = null;
        string? name = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (IsConfigureDelegate(parameter.Type, symbols))
            {
                configure = argument.Value;
            }
            else if (parameter.Type.SpecialType == SpecialType.System_String && argument.Value.ConstantValue is { HasValue: true, Value: string text })
            {
                name = text;
            }
        }

        if (configure is null || !TryGetDelegateBody(configure, out var body, out var builder))
        {
            return null;
        }

        var identity = !isOptions
            ? new PolicyIdentity(PolicyKind.Inline)
            : method.Parameters.Length == 1 ? new PolicyIdentity(PolicyKind.Default) : new PolicyIdentity(PolicyKind.Named, name);
        return new CorsPolicyModel(identity, invocation, PolicyInterpreter.RunDelegate(symbols, body, builder));
    }

    /// <summary>The policy built by <c>new CorsPolicyBuilder(...)</c>, or null for any other creation.</summary>
    public static CorsPolicyModel? FromCreation(IObjectCreationOperation creation, CorsSymbols symbols)
    {
        if (!symbols.IsBuilder(creation.Type))
        {
            return null;
        }

        return new CorsPolicyModel(new PolicyIdentity(PolicyKind.Built), creation, PolicyInterpreter.RunFromCreation(symbols, creation));
    }

    private static bool IsConfigureDelegate(ITypeSymbol type, CorsSymbols symbols)
        => type is INamedTypeSymbol { DelegateInvokeMethod: { Parameters.Length: 1 } invoke }
            && symbols.IsBuilder(invoke.Parameters[0].Type);

    private static bool TryGetDelegateBody(IOperation configure, out IOperation body, out IParameterSymbol builder)
    {
        while (configure is IConversionOperation conversion)
        {
            configure = conversion.Operand;
        }

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
