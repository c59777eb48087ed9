using System;
using System.Collections.Generic;
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
    /// False when the body of <paramref name="method"/> certainly calls neither a method <paramref name="isKnown"/> accepts by
    /// name nor a method declared in source: then following it cannot find anything, and its body is never bound (binding
    /// a route table of a thousand <c>MapGet</c> lambdas, on every edit, was most of an editor's wait for our diagnostics).
    /// A necessary condition on names, never a decision: a method can only be called by its own name, so a call whose
    /// name is neither a known method's nor any source member's or local function's cannot be either. Calls inside lambdas
    /// and local functions count only with <paramref name="inLambdas"/>. True whenever the syntax leaves a doubt.
    /// </summary>
    public static bool MayCall(IMethodSymbol method, Func<string, bool> isKnown, SourceNames sourceNames, bool inLambdas)
    {
        method = Implementation(method);
        if (method.DeclaringSyntaxReferences.Length != 1)
        {
            return true;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode? body = syntax switch
        {
            MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
            LocalFunctionStatementSyntax localFunction => (SyntaxNode?)localFunction.Body ?? localFunction.ExpressionBody,
            _ => null,
        };
        if (body is null)
        {
            return true;
        }

        // The syntax's side (kept per tree, across compilations): the names called and the local functions declared.
        var calls = CallNames.Of(body, inLambdas);
        if (calls.HasUnnamedCall)
        {
            return true;
        }

        foreach (var name in calls.Names)
        {
            if (isKnown(name))
            {
                return true;
            }
        }

        // A method body can call the local functions it declares; a local function also those of the member around it.
        var localFunctions = syntax is LocalFunctionStatementSyntax ? CallNames.LocalFunctionsAround(syntax) : calls.LocalFunctions;
        foreach (var name in calls.Names)
        {
            if (localFunctions.Contains(name) || sourceNames.IsMemberName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The member names declared in a compilation's source, collected in one walk of its declarations the first time a
    /// name is asked.
    /// </summary>
    internal sealed class SourceNames
    {
        private readonly Compilation _compilation;
        private HashSet<string>? _memberNames;

        public SourceNames(Compilation compilation) => _compilation = compilation;

        public bool IsMemberName(string name) => (System.Threading.Volatile.Read(ref _memberNames) ?? CollectMemberNames()).Contains(name);

        private HashSet<string> CollectMemberNames()
        {
            // The predicate is handed every member name of every type declared in source (and refuses each, so the walk
            // goes on): one walk of the declarations, where asking name by name walked them once per name.
            var names = new HashSet<string>(StringComparer.Ordinal);
            _compilation.ContainsSymbolsWithName(
                name =>
                {
                    names.Add(name);
                    return false;
                },
                SymbolFilter.Member);
            return System.Threading.Interlocked.CompareExchange(ref _memberNames, names, null) ?? names;
        }
    }

    /// <summary>
    /// The declaration whose body <see cref="GetBody"/> returns: a partial method's implementation part, whose
    /// parameters (not the defining part's) are the ones its body refers to.
    /// </summary>
    public static IMethodSymbol Implementation(IMethodSymbol method)
        => method.OriginalDefinition.PartialImplementationPart ?? method.OriginalDefinition;

    /// <summary>
    /// The initial value of a local or field declared in source (<c>string[] origins = { ... }</c>), or null. For a field
    /// assigned anywhere else in its type (a constructor that reads configuration), null: the initial value may never be
    /// the one read.
    /// </summary>
    public static IOperation? GetInitializer(ISymbol variable, SemanticModel? currentModel)
    {
        if (variable.DeclaringSyntaxReferences.Length != 1
            || variable.DeclaringSyntaxReferences[0].GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: { } value }
            || (variable is IFieldSymbol field && IsAssignedInItsType(field)))
        {
            return null;
        }

        return GetModel(value.SyntaxTree, currentModel)?.GetOperation(value);
    }

    /// <summary>
    /// True when <paramref name="variable"/> (a local, or a field of a type declared in source) is assigned, or passed as
    /// <c>out</c>/<c>ref</c>, anywhere in the member that declares it (a local) or in its type (a field), by name: a
    /// same-named variable elsewhere only makes the answer true more often, never false.
    /// </summary>
    public static bool IsAssigned(ISymbol variable)
    {
        if (variable is IFieldSymbol field)
        {
            return IsAssignedInItsType(field);
        }

        if (variable.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        var declaration = variable.DeclaringSyntaxReferences[0].GetSyntax();
        SyntaxNode scope = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? declaration.SyntaxTree.GetRoot();
        if (scope is GlobalStatementSyntax { Parent: { } file })
        {
            scope = file;
        }

        return AssignsName(scope, variable.Name);
    }

    private static bool IsAssignedInItsType(IFieldSymbol field)
    {
        if (field.IsConst || field.ContainingType is not { } type)
        {
            return false;
        }

        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (AssignsName(reference.GetSyntax(), field.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AssignsName(SyntaxNode scope, string name)
    {
        var names = AssignedNamesByScope.GetValue(scope, CollectAssignedNames);
        return names.Contains(name);
    }

    // The names assigned in a member or type declaration, collected once per declaration (a syntax node lives as long as
    // its tree): every field read of a policy asked the whole type before.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxNode, HashSet<string>> AssignedNamesByScope = new();

    private static HashSet<string> CollectAssignedNames(SyntaxNode scope)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in scope.DescendantNodes())
        {
            var target = node switch
            {
                AssignmentExpressionSyntax { Left: var left } => left,
                ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: var expression } => expression,
                _ => null,
            };
            AddTargetNames(target, names);
        }

        return names;
    }

    // `x = ...`, `this.x = ...`, and each variable a deconstruction assigns: `(x, y) = ...`, `(x, (y, _)) = ...`.
    private static void AddTargetNames(ExpressionSyntax? target, HashSet<string> names)
    {
        if (target is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var member })
        {
            target = member;
        }

        if (target is IdentifierNameSyntax identifier)
        {
            names.Add(identifier.Identifier.ValueText);
        }
        else if (target is TupleExpressionSyntax tuple)
        {
            foreach (var element in tuple.Arguments)
            {
                AddTargetNames(element.Expression, names);
            }
        }
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
