using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>Finds the operations of code declared in the compilation: method bodies and variable initialisers.</summary>
internal static class SourceBodies
{
    /// <summary>The body of a method or local function declared in source, or null when it has none we can read.</summary>
    public static IOperation? GetBody(IMethodSymbol method, SemanticModel? currentModel)
    {
        method = Implementation(method);
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var model = GetModel(syntax.SyntaxTree, currentModel);
        if (model is null)
        {
            return null;
        }

        return syntax switch
        {
            MethodDeclarationSyntax declaration => model.GetOperation(declaration) is IMethodBodyOperation body ? body.BlockBody ?? body.ExpressionBody : null,
            LocalFunctionStatementSyntax localFunction => (model.GetOperation(localFunction) as ILocalFunctionOperation)?.Body,
            _ => null,
        };
    }

    /// <summary>
    /// The declaration whose body <see cref="GetBody"/> returns: a partial method's implementation part, whose
    /// parameters (not the defining part's) are the ones its body refers to.
    /// </summary>
    public static IMethodSymbol Implementation(IMethodSymbol method)
        => method.OriginalDefinition.PartialImplementationPart ?? method.OriginalDefinition;

    /// <summary>The initial value of a local or field declared in source (<c>string[] origins = { ... }</c>), or null.</summary>
    public static IOperation? GetInitializer(ISymbol variable, SemanticModel? currentModel)
    {
        if (variable.DeclaringSyntaxReferences.Length != 1
            || variable.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        return GetModel(value.SyntaxTree, currentModel)?.GetOperation(value);
    }

    private static SemanticModel? GetModel(SyntaxTree tree, SemanticModel? currentModel)
    {
        if (currentModel is null)
        {
            return null;
        }

        if (currentModel.SyntaxTree == tree)
        {
            return currentModel;
        }

        if (!currentModel.Compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

        // Following a builder into a helper declared in another file needs that file's model. The compiler's
        // analyzer driver shares its cached models through Compilation.GetSemanticModel, and this runs only
        // for code that configures CORS, never for every node.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
        return currentModel.Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
    }
}
