using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Whether code may change a policy after <c>AddPolicy</c>/<c>AddDefaultPolicy</c> registers it: a call of
/// <c>CorsOptions.GetPolicy</c>, which hands the registered <c>CorsPolicy</c> back
/// (<c>options.GetPolicy("Api")!.Origins.Add(...)</c>, also from a <c>PostConfigure&lt;CorsOptions&gt;</c>), or an
/// <c>ICorsPolicyProvider</c> of the app's own, which may serve other policies than those registered. Answered once per
/// compilation, the first time a rule asks: only a registered policy about to be reported as allowing no origin does.
/// </summary>
internal sealed class PolicyChanges
{
    private static readonly SourceTexts.NameSet Names = new(new[] { "ICorsPolicyProvider", "GetPolicy" });

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol? _corsOptions;
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
}
