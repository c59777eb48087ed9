using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers;

/// <summary>
/// What the syntax of one body says about the calls it makes: the names called and the local functions declared. Facts of
/// the text alone, so they are kept per syntax tree for as long as the tree lives, across compilations: an editor's
/// compilation after an edit holds every other file's tree unchanged, and a helper's body (a route table of a thousand
/// endpoints) was walked again after each edit of Program.cs. <see cref="SourceBodies.MayCall"/> asks the symbols' side.
/// </summary>
internal sealed class CallNames
{
    private const int BodyCalls = 0;
    private const int BodyAndLambdaCalls = 1;
    private const int LocalFunctionsOfScope = 2;

    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<int, CallNames>> ByTree = new();

    private CallNames(HashSet<string> names, HashSet<string> localFunctions, bool hasUnnamedCall)
    {
        Names = names;
        LocalFunctions = localFunctions;
        HasUnnamedCall = hasUnnamedCall;
    }

    /// <summary>The distinct names the body calls (<c>UseCors</c> in <c>app.UseCors()</c>, <c>Configure</c> in <c>Configure(app)</c>).</summary>
    public HashSet<string> Names { get; }

    /// <summary>The local functions the walked code declares.</summary>
    public HashSet<string> LocalFunctions { get; }

    /// <summary>True when some call has no name to read (<c>factory()()</c>, <c>handlers[0](app)</c>).</summary>
    public bool HasUnnamedCall { get; }

    /// <summary>The calls of <paramref name="body"/>; those in lambdas and local functions only with <paramref name="inLambdas"/>.</summary>
    public static CallNames Of(SyntaxNode body, bool inLambdas)
        => Get(body, inLambdas ? BodyAndLambdaCalls : BodyCalls);

    /// <summary>
    /// The local functions a local function declared in <paramref name="declaration"/> can call: those of the member that
    /// declares it (a local function is a statement, not a member), or of the whole file for top-level statements.
    /// </summary>
    public static HashSet<string> LocalFunctionsAround(SyntaxNode declaration)
    {
        SyntaxNode scope = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? declaration;
        if (scope is GlobalStatementSyntax { Parent: { } file })
        {
            scope = file;
        }

        return Get(scope, LocalFunctionsOfScope).LocalFunctions;
    }

    private static CallNames Get(SyntaxNode node, int mode)
    {
        // A position identifies a body in its (immutable) tree; the mode says which walk.
        var key = (node.SpanStart * 3) + mode;
        var byPosition = ByTree.GetOrCreateValue(node.SyntaxTree);
        lock (byPosition)
        {
            if (byPosition.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var names = Walk(node, mode);
        lock (byPosition)
        {
            byPosition[key] = names;
        }

        return names;
    }

    private static CallNames Walk(SyntaxNode node, int mode)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var localFunctions = new HashSet<string>(StringComparer.Ordinal);
        var hasUnnamedCall = false;
        var intoFunctions = mode != BodyCalls;
        foreach (var descendant in node.DescendantNodes(child => intoFunctions || child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (descendant is LocalFunctionStatementSyntax localFunction)
            {
                localFunctions.Add(localFunction.Identifier.ValueText);
            }
            else if (mode != LocalFunctionsOfScope && descendant is InvocationExpressionSyntax invocation)
            {
                var name = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                };
                if (name is null)
                {
                    hasUnnamedCall = true;
                }
                else
                {
                    names.Add(name);
                }
            }
        }

        return new CallNames(names, localFunctions, hasUnnamedCall);
    }
}
