using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Whether code may change a policy after <c>AddPolicy</c>/<c>AddDefaultPolicy</c> registers it: a call of
/// <c>CorsOptions.GetPolicy</c>, which hands the registered <c>CorsPolicy</c> back
/// (<c>options.GetPolicy("Api")!.Origins.Add(...)</c>, also from a <c>PostConfigure&lt;CorsOptions&gt;</c>), or an
/// <c>ICorsPolicyProvider</c> of the app's own, which may serve other policies than those registered. Answered once per
/// compilation, the first time a rule asks: only a registered policy about to be reported as allowing no origin does.
/// Also whether the callers of a member that returns a built <c>CorsPolicy</c> may change it before they register it,
/// answered once per member.
/// </summary>
internal sealed class PolicyChanges
{
    private static readonly SourceTexts.NameSet Names = new(new[] { "ICorsPolicyProvider", "GetPolicy" });

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _corsOptions;
    private readonly ConcurrentDictionary<ISymbol, bool> _changedByCallers = new(SymbolEqualityComparer.Default);
    private int _answer;

    public PolicyChanges(Compilation compilation, INamedTypeSymbol? corsOptions)
    {
        _compilation = compilation;
        _corsOptions = corsOptions;
    }

    public bool MayChangeRegisteredPolicies(CancellationToken cancellationToken)
    {
        // 0: not asked yet, 1: no, 2: yes. Two threads asking at once both compute the same answer.
        if (Volatile.Read(ref _answer) == 0)
        {
            Volatile.Write(ref _answer, Compute(cancellationToken) ? 2 : 1);
        }

        return Volatile.Read(ref _answer) == 2;
    }

    private bool Compute(CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!SourceTexts.MayContain(tree, Names, cancellationToken))
            {
                continue;
            }

            SemanticModel? model = null;
            // GetNextToken, not DescendantTokens: its LINQ over a value type is JIT-compiled in every build.
            for (var token = tree.GetRoot(cancellationToken).GetFirstToken(); token.RawKind != 0; token = token.GetNextToken())
            {
                if (!token.IsKind(SyntaxKind.IdentifierToken))
                {
                    continue;
                }

                if (token.ValueText == "ICorsPolicyProvider")
                {
                    // A provider of the app's own (by name: one of ASP.NET Core's is only ever named to replace it).
                    return true;
                }

                if (token.ValueText == "GetPolicy" && token.Parent is IdentifierNameSyntax name)
                {
                    // The compiler's analyzer driver shares its cached models through Compilation.GetSemanticModel; this
                    // runs at most once per compilation, for a tree that names GetPolicy.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                    model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var symbol = model.GetSymbolInfo(name, cancellationToken);
                    if (symbol.Symbol is IMethodSymbol method ? SymbolEqualityComparer.Default.Equals(method.ContainingType, _corsOptions) : !symbol.CandidateSymbols.IsEmpty)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when code of the compilation may change the <c>CorsPolicy</c> that <paramref name="member"/> (a method, local
    /// function or property) returns: a caller uses the result other than by registering it as it is
    /// (<c>options.AddPolicy("Api", Policies.Base())</c>, also through a local that is only registered) or dropping it.
    /// A caller that changes it (<c>policy.Origins.Clear()</c>), hands it to other code, returns it on, or names the method
    /// as a delegate, all count; so does a use the compiler cannot bind. A member nobody calls returns its policy as built.
    /// </summary>
    public bool MayCallersChange(ISymbol member, CancellationToken cancellationToken)
    {
        member = member.OriginalDefinition;
        if (!_changedByCallers.TryGetValue(member, out var answer))
        {
            answer = ComputeCallers(member, cancellationToken);
            _changedByCallers.TryAdd(member, answer);
        }

        return answer;
    }

    private bool ComputeCallers(ISymbol member, CancellationToken cancellationToken)
    {
        var names = new SourceTexts.NameSet(new[] { member.Name });
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!SourceTexts.MayContain(tree, names, cancellationToken))
            {
                continue;
            }

            SemanticModel? model = null;
            for (var token = tree.GetRoot(cancellationToken).GetFirstToken(); token.RawKind != 0; token = token.GetNextToken())
            {
                // A name, not a declaration: the declaring identifier's parent is the declaration itself.
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != member.Name || token.Parent is not SimpleNameSyntax name)
                {
                    continue;
                }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                model ??= _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                if (IsInNameOf(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name))
                {
                    // `nameof(Policies.Base)` is no use of the policy (and binds to the method group's candidates).
                    continue;
                }

                var symbol = model.GetSymbolInfo(name, cancellationToken);
                if (symbol.Symbol is not { } bound)
                {
                    if (Contains(symbol.CandidateSymbols, member))
                    {
                        return true;
                    }

                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(bound.OriginalDefinition, member) && !IsRegisteredAsIs(name, member, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool IsRegisteredAsIs(SimpleNameSyntax name, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode use = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        if (member is IMethodSymbol)
        {
            if (use.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != use)
            {
                // A method group: a delegate we do not follow.
                return false;
            }

            use = invocation;
        }

        return model.GetOperation(use, cancellationToken) is { } result && IsRegisteredAsIs(result, followLocal: true, model, cancellationToken);
    }

    private bool IsRegisteredAsIs(IOperation value, bool followLocal, SemanticModel model, CancellationToken cancellationToken)
    {
        var use = value;
        while (use.Parent is IConversionOperation or IParenthesizedOperation)
        {
            use = use.Parent;
        }

        switch (use.Parent)
        {
            case IExpressionStatementOperation:
                return true;
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _corsOptions);
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when followLocal:
                return IsLocalRegisteredAsIs(declarator, model, cancellationToken);
            default:
                return false;
        }
    }

    /// <summary>True when every later use of the local <paramref name="declarator"/> declares registers its value as it is.</summary>
    private bool IsLocalRegisteredAsIs(IVariableDeclaratorOperation declarator, SemanticModel model, CancellationToken cancellationToken)
    {
        var local = declarator.Symbol;
        var scope = declarator.Syntax.FirstAncestorOrSelf<SyntaxNode>(node => node is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax);
        if (scope is null)
        {
            return false;
        }

        foreach (var node in scope.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == local.Name
                && model.GetOperation(identifier, cancellationToken) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !IsRegisteredAsIs(reference, followLocal: false, model, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsInNameOf(SyntaxNode node)
        => node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } };

    private static bool Contains(ImmutableArray<ISymbol> candidates, ISymbol member)
    {
        foreach (var candidate in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, member))
            {
                return true;
            }
        }

        return false;
    }
}
