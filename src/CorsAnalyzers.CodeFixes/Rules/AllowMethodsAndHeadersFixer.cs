using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS004: adds the missing methods and headers after the policy's origin call, either as explicit lists
/// (<c>cors_analyzers.allowed_methods</c> / <c>allowed_headers</c>, or GET, POST, PUT, DELETE and Content-Type,
/// Authorization) or as <c>AllowAnyMethod()</c> / <c>AllowAnyHeader()</c>. For a <c>CorsPolicy</c> object it adds
/// <c>Methods.Add(...)</c> / <c>Headers.Add(...)</c> statements after the origin statement.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowMethodsAndHeadersFixer)), Shared]
public sealed class AllowMethodsAndHeadersFixer : CodeFixProvider
{
    public const string ExplicitEquivalenceKey = "CorsAnalyzers.AllowUsualMethodsAndHeaders";
    public const string AnyEquivalenceKey = "CorsAnalyzers.AllowAnyMethodAndHeader";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ConfigureMethodsAndHeaders);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var methods = diagnostic.Properties.ContainsKey(MethodsAndHeadersFix.MissingMethodsKey);
            var headers = diagnostic.Properties.ContainsKey(MethodsAndHeadersFix.MissingHeadersKey);
            if (!methods && !headers || !TryFindTargets(root, model, diagnostic, context.CancellationToken, out var targets))
            {
                continue;
            }

            var what = methods && headers ? "methods and headers" : methods ? "methods" : "headers";
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Allow the usual {what} explicitly",
                    cancellationToken => AddAsync(document, targets, methods, headers, any: false, cancellationToken),
                    ExplicitEquivalenceKey),
                diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    methods && headers ? "Allow any method and header" : methods ? "Allow any method" : "Allow any header",
                    cancellationToken => AddAsync(document, targets, methods, headers, any: true, cancellationToken),
                    AnyEquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// The places to add to: the diagnostic's origin call and, when other branches miss the same, theirs (additional
    /// locations). All must be found, or the fix would leave the policy incomplete on some path.
    /// </summary>
    private static bool TryFindTargets(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken, out ImmutableArray<(SyntaxNode Target, ExpressionSyntax? Receiver)> targets)
    {
        var builder = ImmutableArray.CreateBuilder<(SyntaxNode, ExpressionSyntax?)>();
        foreach (var location in new[] { diagnostic.Location }.Concat(diagnostic.AdditionalLocations))
        {
            if (location.SourceTree != root.SyntaxTree || FindTarget(root, model, location.SourceSpan, cancellationToken) is not ({ } target, var receiver))
            {
                targets = default;
                return false;
            }

            builder.Add((target, receiver));
        }

        targets = builder.ToImmutable();
        return true;
    }

    /// <summary>
    /// Where to add: a builder-typed call or creation to append to, or the statement that adds to a CorsPolicy's origins
    /// (with the expression naming that policy).
    /// </summary>
    private static (SyntaxNode? Target, ExpressionSyntax? Receiver) FindTarget(SyntaxNode root, SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        var expression = node.AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(candidate =>
            candidate is InvocationExpressionSyntax invocation ? invocation.ArgumentList.Span.End == span.End
            : candidate is BaseObjectCreationExpressionSyntax or AssignmentExpressionSyntax && candidate.Span == span);
        if (expression is null or ImplicitObjectCreationExpressionSyntax)
        {
            // A target-typed `new(...)` has no type of its own to call WithMethods(...) on: no fix rather than broken code.
            return default;
        }

        var builderType = model.Compilation.GetTypeByMetadataName(CorsSymbols.CorsPolicyBuilderName);
        if (builderType is not null && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(expression, cancellationToken).Type, builderType))
        {
            return (expression, null);
        }

        // `policy.Origins.Add("...");` or `policy.IsOriginAllowed = ...;` as a statement in a block: add statements after it.
        var receiver = expression switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: MemberAccessExpressionSyntax list } } => list.Expression,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => member.Expression,
            _ => null,
        };
        return receiver is not null && expression.Parent is ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement
            ? (statement, receiver)
            : default;
    }

    private static async Task<Document> AddAsync(Document document, ImmutableArray<(SyntaxNode Target, ExpressionSyntax? Receiver)> targets, bool methods, bool headers, bool any, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(editor.OriginalRoot.SyntaxTree);
        var methodList = any ? ImmutableArray.Create(PolicyValue.Any) : CorsAnalyzerOptions.GetList(options, CorsAnalyzerOptions.AllowedMethodsKey, CorsAnalyzerOptions.DefaultAllowedMethods);
        var headerList = any ? ImmutableArray.Create(PolicyValue.Any) : CorsAnalyzerOptions.GetList(options, CorsAnalyzerOptions.AllowedHeadersKey, CorsAnalyzerOptions.DefaultAllowedHeaders);

        foreach (var (target, receiver) in targets)
        {
            if (target is ExpressionStatementSyntax statement && receiver is not null)
            {
                var added = new List<StatementSyntax>();
                AddStatements(added, statement, receiver, "Methods", methods ? methodList : ImmutableArray<string>.Empty);
                AddStatements(added, statement, receiver, "Headers", headers ? headerList : ImmutableArray<string>.Empty);
                if (statement.Parent is GlobalStatementSyntax global)
                {
                    editor.InsertAfter(global, added.Select(SyntaxFactory.GlobalStatement));
                }
                else
                {
                    editor.InsertAfter(statement, added);
                }

                continue;
            }

            var result = (ExpressionSyntax)target;
            if (methods)
            {
                result = any
                    ? ChainSyntax.AppendCall(result, "AllowAnyMethod", Enumerable.Empty<ExpressionSyntax>())
                    : ChainSyntax.AppendCall(result, "WithMethods", methodList.Select(ChainSyntax.StringLiteral));
            }

            if (headers)
            {
                result = any
                    ? ChainSyntax.AppendCall(result, "AllowAnyHeader", Enumerable.Empty<ExpressionSyntax>())
                    : ChainSyntax.AppendCall(result, "WithHeaders", headerList.Select(ChainSyntax.StringLiteral));
            }

            editor.ReplaceNode(target, result);
        }

        return editor.GetChangedDocument();
    }

    /// <summary><c>receiver.Methods.Add("GET");</c> for each value, indented like <paramref name="after"/>.</summary>
    private static void AddStatements(List<StatementSyntax> statements, ExpressionStatementSyntax after, ExpressionSyntax receiver, string list, ImmutableArray<string> values)
    {
        foreach (var value in values)
        {
            var call = SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName(list)),
                    SyntaxFactory.IdentifierName("Add")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(ChainSyntax.StringLiteral(value)))));
            statements.Add(SyntaxFactory.ExpressionStatement(call)
                .WithLeadingTrivia(after.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)))
                .WithTrailingTrivia(after.GetTrailingTrivia()));
        }
    }
}
