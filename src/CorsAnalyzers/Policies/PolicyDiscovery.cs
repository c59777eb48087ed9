using System.Threading;
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
    /// <summary>True when calls to <paramref name="definition"/> may configure a policy (the host's <see cref="CallFilter"/>).</summary>
    /// <summary>Who declares the methods <see cref="ReadsCallsTo"/> may accept: CORS's own types.</summary>
    public static Declarer CallDeclarers(CorsSymbols symbols)
        => symbols.Declarers.Of(symbols.CorsOptions, symbols.CorsMiddlewareExtensions, symbols.CorsEndpointConventionBuilderExtensions);

    /// <summary>Who declares the constructors <see cref="ReadsCreationsOf"/> may accept.</summary>
    public static Declarer CreationDeclarers(CorsSymbols symbols) => symbols.Declarers.Of(symbols.CorsPolicyBuilder, symbols.CorsPolicy);

    public static bool ReadsCallsTo(IMethodSymbol definition, CorsSymbols symbols)
    {
        var containingType = definition.ContainingType;
        return SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsOptions)
            || SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsMiddlewareExtensions)
            || SymbolEqualityComparer.Default.Equals(containingType, symbols.CorsEndpointConventionBuilderExtensions);
    }

    /// <summary>True when creations with <paramref name="constructor"/> (a definition) may configure a policy: a <c>CorsPolicyBuilder</c> or <c>CorsPolicy</c>.</summary>
    public static bool ReadsCreationsOf(IMethodSymbol constructor, CorsSymbols symbols)
        => symbols.IsBuilder(constructor.ContainingType) || symbols.IsPolicy(constructor.ContainingType);

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

    /// <summary>
    /// The policy of an <c>AddPolicy</c>/<c>AddDefaultPolicy</c> call the compiler could not resolve because its lambda holds
    /// an error (an unresolved name while typing): every candidate is <c>CorsOptions</c>' own, and the lambda's parameter is
    /// bound to <c>CorsPolicyBuilder</c>. Only in code that parses (a call cut short while typing is not guessed at); null
    /// for any other invalid operation.
    /// </summary>
    public static CorsPolicyModel? FromUnresolvedInvocation(IInvalidOperation invalid, CorsSymbols symbols)
    {
        if (invalid.Syntax is not Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax syntax || invalid.SemanticModel is not { } model
            || syntax.ContainsDiagnostics)
        {
            return null;
        }

        var candidates = model.GetSymbolInfo(syntax).CandidateSymbols;
        IMethodSymbol? candidate = null;
        foreach (var symbol in candidates)
        {
            if (symbol is not IMethodSymbol method || !SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.CorsOptions))
            {
                return null;
            }

            candidate ??= method;
            if (candidate.Name != method.Name)
            {
                return null;
            }
        }

        if (candidate is null)
        {
            return null;
        }

        IOperation? name = null;
        foreach (var child in invalid.ChildOperations)
        {
            if (child is IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } function && function.Symbol.Parameters[0] is var builder
                && symbols.IsBuilder(builder.Type))
            {
                var identity = candidate.Parameters.Length == 1
                    ? new PolicyIdentity(PolicyKind.Default)
                    : new PolicyIdentity(PolicyKind.Named, name is null ? null : ValueReader.ReadString(name));
                return new CorsPolicyModel(symbols, identity, invalid, PolicyInterpreter.RunDelegate(symbols, function.Body, builder));
            }

            name ??= child.Type?.SpecialType == SpecialType.System_String ? child : null;
        }

        return null;
    }

    /// <summary>The policy built by <c>new CorsPolicyBuilder(...)</c> or <c>new CorsPolicy()</c>, or null for any other creation.</summary>
    public static CorsPolicyModel? FromCreation(IObjectCreationOperation creation, CorsSymbols symbols, CancellationToken cancellationToken)
    {
        if (!symbols.IsBuilder(creation.Type) && !symbols.IsPolicy(creation.Type))
        {
            return null;
        }

        return BuildFromCreation(creation, symbols, cancellationToken);
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
        var isReplaced = isOptions && PolicyReplacement.IsReplacedLater(invocation, identity, symbols);
        return new CorsPolicyModel(symbols, identity, invocation, PolicyInterpreter.RunDelegate(symbols, body, builder), isReplaced: isReplaced);
    }

    private static CorsPolicyModel BuildFromCreation(IObjectCreationOperation creation, CorsSymbols symbols, CancellationToken cancellationToken)
    {
        // When the code registers the policy (`options.AddPolicy("Api", policy)`), the model is that named policy.
        var paths = PolicyInterpreter.RunFromCreation(symbols, creation, out var registeredAs, cancellationToken);
        var isReplaced = registeredAs is { } identity && PolicyReplacement.IsReplacedLater(creation, identity, symbols);
        return new CorsPolicyModel(symbols, registeredAs ?? new PolicyIdentity(PolicyKind.Built), creation, paths, symbols.IsPolicy(creation.Type), isReplaced);
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
