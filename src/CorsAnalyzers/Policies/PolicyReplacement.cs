using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Whether a later call certainly replaces the policy an <c>AddPolicy</c> or <c>AddDefaultPolicy</c> registers:
/// <c>CorsOptions</c> keeps one policy per name (<c>PolicyMap[name] = ...</c>, names compared ordinally, the default policy
/// under <c>DefaultPolicyName</c>), so requests only ever meet the last one. Judged in straight-line code only: the
/// replacing call is a later statement of the same block, on the same <c>CorsOptions</c> parameter or local, with the
/// same constant name; every statement in between is an expression or a declaration that does not mention those
/// options (<c>options.GetPolicy("Api")</c> could register the first policy under another name, <c>DefaultPolicyName</c>
/// could change), and no <c>try</c> with handlers around the block could carry on past a statement that throws.
/// </summary>
internal static class PolicyReplacement
{
    public static bool IsReplacedLater(IInvocationOperation registration, PolicyIdentity identity, CorsSymbols symbols)
    {
        if (!(identity.Kind == PolicyKind.Default || (identity.Kind == PolicyKind.Named && identity.Name is not null))
            || registration.Parent is not IExpressionStatementOperation statement
            || statement.Parent is not IBlockOperation block
            || ReceiverOf(registration) is not { } options
            || HandlesExceptions(block))
        {
            return false;
        }

        var after = false;
        foreach (var operation in block.Operations)
        {
            if (!after)
            {
                after = operation == statement;
                continue;
            }

            if (operation is IExpressionStatementOperation { Operation: IInvocationOperation call }
                && IsRegistration(call, symbols, out var isDefault)
                && SymbolEqualityComparer.Default.Equals(ReceiverOf(call), options))
            {
                if (isDefault ? identity.Kind == PolicyKind.Default
                    : identity.Kind == PolicyKind.Named && PolicyName.Read(PolicyName.Argument(call)) == identity.Name)
                {
                    return true;
                }

                if (MentionsAny(call.Arguments, options))
                {
                    return false;
                }

                continue;
            }

            if (operation is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation) || Mentions(operation, options))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The same question of a policy object created in the registering call itself
    /// (<c>options.AddPolicy("Api", new CorsPolicyBuilder(...).Build())</c>): nothing else can hold the object, so replacing
    /// the registration replaces the policy. An object kept in a local may be registered again under another name.
    /// </summary>
    public static bool IsReplacedLater(IObjectCreationOperation creation, PolicyIdentity identity, CorsSymbols symbols)
    {
        IOperation current = creation;
        for (var parent = creation.Parent; parent is not null; current = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation:
                case IArgumentOperation:
                case IInvocationOperation { Instance: { } instance } when instance == current:
                    continue;
                case IInvocationOperation call when current is IArgumentOperation
                    && PolicyName.TryReadRegistration(call, symbols, out var registered)
                    && registered.Kind == identity.Kind && registered.Name == identity.Name:
                    return IsReplacedLater(call, identity, symbols);
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsRegistration(IInvocationOperation call, CorsSymbols symbols, out bool isDefault)
    {
        isDefault = symbols.IsCorsOptionsMethod(call.TargetMethod, "AddDefaultPolicy");
        return isDefault || symbols.IsCorsOptionsMethod(call.TargetMethod, "AddPolicy");
    }

    private static ISymbol? ReceiverOf(IInvocationOperation call) => call.Instance?.WalkDownConversions() switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    // Up to the function that holds the block: a handler there could go on after a statement in between throws.
    private static bool HandlesExceptions(IOperation block)
    {
        for (var current = block.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
            {
                return false;
            }

            if (current is ITryOperation { Catches.Length: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsAny(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, ISymbol options)
    {
        foreach (var argument in arguments)
        {
            if (Mentions(argument, options))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Mentions(IOperation operation, ISymbol options)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            var symbol = descendant switch
            {
                IParameterReferenceOperation parameter => parameter.Parameter,
                ILocalReferenceOperation local => (ISymbol)local.Local,
                _ => null,
            };
            if (symbol is not null && SymbolEqualityComparer.Default.Equals(symbol, options))
            {
                return true;
            }
        }

        return false;
    }
}
