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
/// could change), and no <c>try</c> with handlers around the block could carry on past a statement that throws. Or the
/// replacing call is in the configure lambda of a later <c>AddCors</c> statement on the same services.
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

        return WalkAfter(block, statement, options, identity, symbols) switch
        {
            Outcome.Replaced => true,
            Outcome.Unchanged => IsReplacedByLaterAddCors(block, options, identity, symbols),
            _ => false,
        };
    }

    private enum Outcome
    {
        /// <summary>A later statement certainly registers a policy under the same name.</summary>
        Replaced,

        /// <summary>The block ends without touching the options again (other registrations aside).</summary>
        Unchanged,

        /// <summary>A statement may read or change the options, or may not run: no answer.</summary>
        Unknown,
    }

    // The statements of `block` after `start` (all of them when null), on the options parameter or local `options`.
    private static Outcome WalkAfter(IBlockOperation block, IOperation? start, ISymbol options, PolicyIdentity identity, CorsSymbols symbols)
    {
        var after = start is null;
        foreach (var operation in block.Operations)
        {
            if (!after)
            {
                after = operation == start;
                continue;
            }

            if (operation is IExpressionStatementOperation { Operation: IInvocationOperation call }
                && IsRegistration(call, symbols, out var isDefault)
                && SymbolEqualityComparer.Default.Equals(ReceiverOf(call), options))
            {
                if (isDefault ? identity.Kind == PolicyKind.Default
                    : identity.Kind == PolicyKind.Named && PolicyName.Read(PolicyName.Argument(call)) == identity.Name)
                {
                    return Outcome.Replaced;
                }

                if (MentionsAny(call.Arguments, options))
                {
                    return Outcome.Unknown;
                }

                continue;
            }

            // The end of a lambda's body (`options => options.AddPolicy(...)`).
            if (operation is IReturnOperation { ReturnedValue: null, IsImplicit: true })
            {
                break;
            }

            if (operation is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation) || Mentions(operation, options))
            {
                return Outcome.Unknown;
            }
        }

        return Outcome.Unchanged;
    }

    /// <summary>
    /// True when the registration's block is the configure lambda of an <c>AddCors</c> statement and a later
    /// <c>AddCors</c> statement of the same block, on the same services, certainly registers the same name:
    /// <c>AddCors</c> adds each lambda as a configure action of <c>CorsOptions</c>, and those run in the order they were
    /// added. Statements in between may not configure <c>CorsOptions</c> themselves (<c>Configure&lt;CorsOptions&gt;</c>
    /// could copy the first policy under another name).
    /// </summary>
    private static bool IsReplacedByLaterAddCors(IBlockOperation block, ISymbol options, PolicyIdentity identity, CorsSymbols symbols)
    {
        if (block.Parent is not IAnonymousFunctionOperation lambda
            || lambda.Symbol.Parameters.Length != 1 || !SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0], options)
            || lambda.Parent is not IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation addCors } }
            || OptionsLambda(addCors, symbols) != lambda
            || addCors.Parent is not IExpressionStatementOperation statement
            || statement.Parent is not IBlockOperation outer
            || HandlesExceptions(outer)
            || ServicesOf(addCors) is not { } services)
        {
            return false;
        }

        var after = false;
        foreach (var operation in outer.Operations)
        {
            if (!after)
            {
                after = operation == statement;
                continue;
            }

            if (operation is IExpressionStatementOperation { Operation: IInvocationOperation call }
                && OptionsLambda(call, symbols) is { Body: var body } later
                && ServicesOf(call) is { } laterServices && laterServices.IsSameAs(services))
            {
                switch (WalkAfter(body, null, later.Symbol.Parameters[0], identity, symbols))
                {
                    case Outcome.Replaced:
                        return true;
                    case Outcome.Unknown:
                        return false;
                }

                continue;
            }

            if (operation is not (IExpressionStatementOperation or IVariableDeclarationGroupOperation) || ConfiguresCorsOptions(operation, symbols))
            {
                return false;
            }
        }

        return false;
    }

    // The configure lambda of `services.AddCors(options => ...)`: an extension method of the CORS assembly called with a
    // lambda whose one parameter is CorsOptions.
    private static IAnonymousFunctionOperation? OptionsLambda(IInvocationOperation call, CorsSymbols symbols)
    {
        var method = call.TargetMethod;
        if (!(method.IsExtensionMethod || method.ReducedFrom is not null) || symbols.CorsOptions is null
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, symbols.CorsOptions.ContainingAssembly)
            || call.Arguments.Length != 2
            || call.Arguments[1].Value.WalkDownConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
            || lambda.Symbol.Parameters.Length != 1
            || !SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0].Type, symbols.CorsOptions))
        {
            return null;
        }

        return lambda;
    }

    /// <summary>The services an <c>AddCors</c> call extends: a parameter or local, or a property of one (<c>builder.Services</c>).</summary>
    private static ServicesKey? ServicesOf(IInvocationOperation call)
    {
        var receiver = call.Arguments[0].Value.WalkDownConversions();
        return receiver switch
        {
            IPropertyReferenceOperation { Instance: { } instance, Property: var property } when ReferencedVariable(instance) is { } root => new ServicesKey(root, property),
            _ when ReferencedVariable(receiver) is { } variable => new ServicesKey(variable, null),
            _ => null,
        };
    }

    private static ISymbol? ReferencedVariable(IOperation operation) => operation.WalkDownConversions() switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter,
        ILocalReferenceOperation local => local.Local,
        _ => null,
    };

    private static bool ConfiguresCorsOptions(IOperation operation, CorsSymbols symbols)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IAnonymousFunctionOperation function:
                    foreach (var parameter in function.Symbol.Parameters)
                    {
                        if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.CorsOptions))
                        {
                            return true;
                        }
                    }

                    break;
                case IInvocationOperation invocation:
                    foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
                    {
                        if (SymbolEqualityComparer.Default.Equals(typeArgument, symbols.CorsOptions))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    private sealed class ServicesKey
    {
        private readonly ISymbol _root;
        private readonly ISymbol? _member;

        public ServicesKey(ISymbol root, ISymbol? member)
        {
            _root = root;
            _member = member;
        }

        public bool IsSameAs(ServicesKey other)
            => SymbolEqualityComparer.Default.Equals(_root, other._root) && SymbolEqualityComparer.Default.Equals(_member, other._member);
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

    private static ISymbol? ReceiverOf(IInvocationOperation call) => call.Instance is { } instance ? ReferencedVariable(instance) : null;

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
