using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.CodeFixes.Rules;

/// <summary>
/// CORS003: moves the <c>UseCors</c> statement to its place in the pipeline (before the first middleware it must
/// precede, or just after an explicit <c>UseRouting</c>), or, with minimal hosting, adds the explicit
/// <c>UseAuthentication()</c>/<c>UseAuthorization()</c> calls after it. Comments move with the statement; nothing else
/// in the method changes. Fix All applies every edit of a document in one pass, because moved statements in one block
/// cannot be merged as independent text changes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReorderUseCorsFixer)), Shared]
public sealed class ReorderUseCorsFixer : CodeFixProvider
{
    public const string EquivalenceKey = "CorsAnalyzers.ReorderUseCors";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CallUseCorsInMiddlewareOrder);

    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        async (fixAllContext, document, diagnostics) => await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, diagnostic) is not { } edit)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(edit.Title, cancellationToken => ApplyAsync(document, ImmutableArray.Create(diagnostic), cancellationToken), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var edits = diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .Select(diagnostic => Plan(root, diagnostic))
            .OfType<Edit>()
            .GroupBy(edit => edit.Container)
            .ToDictionary(group => group.Key, group => group.ToList());
        if (edits.Count == 0)
        {
            return document;
        }

        var newRoot = root.ReplaceNodes(edits.Keys, (original, rewritten) => Rebuild(rewritten, edits[original]));
        return document.WithSyntaxRoot(newRoot);
    }

    /// <summary>What to do for one diagnostic, or null when the statements are not shaped so that a local edit is safe.</summary>
    private static Edit? Plan(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(PipelineFix.KindKey, out var kind)
            || FindStatement(root, diagnostic.Location) is not { } cors)
        {
            return null;
        }

        switch (kind)
        {
            case PipelineFix.MoveBefore or PipelineFix.MoveAfter when diagnostic.AdditionalLocations.Count > 0:
                if (!cors.IsSimpleCall
                    || FindStatement(root, diagnostic.AdditionalLocations[0]) is not { IsSimpleCall: true } target
                    || target.Container != cors.Container
                    || target.Index == cors.Index)
                {
                    return null;
                }

                var after = kind == PipelineFix.MoveAfter;
                return new Edit(
                    cors.Container,
                    $"Move {cors.CallName} {(after ? "after" : "before")} {target.CallName}",
                    cors.Index,
                    target.Index,
                    after,
                    ImmutableArray<string>.Empty,
                    null);

            case PipelineFix.Insert:
                var anchor = cors;
                if (diagnostic.Properties.TryGetValue(PipelineFix.AnchorKey, out var anchorText)
                    && int.TryParse(anchorText, out var anchorIndex))
                {
                    if (anchorIndex >= diagnostic.AdditionalLocations.Count
                        || FindStatement(root, diagnostic.AdditionalLocations[anchorIndex]) is not { } found
                        || found.Container != cors.Container)
                    {
                        return null;
                    }

                    anchor = found;
                }

                var calls = (diagnostic.Properties.TryGetValue(PipelineFix.CallsKey, out var callsText) ? callsText ?? string.Empty : string.Empty)
                    .Split(',')
                    .Where(call => call is PipelineFix.UseAuthentication or PipelineFix.UseAuthorization)
                    .ToImmutableArray();
                if (calls.IsEmpty
                    || !diagnostic.Properties.TryGetValue(PipelineFix.BuilderKey, out var builder)
                    || !SyntaxFacts.IsValidIdentifier(builder))
                {
                    return null;
                }

                return new Edit(
                    anchor.Container,
                    $"Call {string.Join(" and ", calls.Select(call => call + "()"))} after {cors.CallName}",
                    -1,
                    anchor.Index,
                    true,
                    calls,
                    builder);

            default:
                return null;
        }
    }

    /// <summary>
    /// The statement that consists of the call at <paramref name="location"/> (the location covers the call's name and
    /// arguments), when it stands directly in a block or at the top level of a program.
    /// </summary>
    private static Statement? FindStatement(SyntaxNode root, Location location)
    {
        if (location.SourceTree != root.SyntaxTree)
        {
            return null;
        }

        var span = location.SourceSpan;
        var invocation = root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(call => call.ArgumentList.Span.End == span.End
                && call.Expression is MemberAccessExpressionSyntax memberAccess && memberAccess.Name.SpanStart == span.Start);
        if (invocation is not { Parent: ExpressionStatementSyntax statement, Expression: MemberAccessExpressionSyntax access })
        {
            return null;
        }

        // A call on a plain name (app.UseCors()) moves alone; a chain (app.UseRouting().UseCors()) would move other middleware with it.
        var isSimpleCall = access.Expression is IdentifierNameSyntax;
        var callName = access.Name.Identifier.ValueText + "()";
        return statement.Parent switch
        {
            BlockSyntax block => new Statement(block, block.Statements.IndexOf(statement), isSimpleCall, callName),
            GlobalStatementSyntax { Parent: CompilationUnitSyntax unit } global => new Statement(unit, unit.Members.IndexOf(global), isSimpleCall, callName),
            _ => null,
        };
    }

    private static SyntaxNode Rebuild(SyntaxNode container, List<Edit> edits)
    {
        var original = Items(container);

        // (index in the original list, node): indexes stay valid while statements move around.
        var items = original.Select((node, index) => (Index: index, Node: node)).ToList();
        var moved = new HashSet<int>();
        foreach (var edit in edits)
        {
            var targetPosition = items.FindIndex(item => item.Index == edit.Target);
            if (targetPosition < 0)
            {
                continue;
            }

            if (edit.Moved >= 0)
            {
                if (!moved.Add(edit.Moved))
                {
                    continue;
                }

                var from = items.FindIndex(item => item.Index == edit.Moved);
                var item = items[from];
                items.RemoveAt(from);
                targetPosition = items.FindIndex(other => other.Index == edit.Target);
                items.Insert(edit.After ? targetPosition + 1 : targetPosition, item);
            }
            else
            {
                var anchor = items[targetPosition].Node;
                var inserted = edit.Calls.Select(call => NewCall(container, anchor, edit.Builder!, call)).ToList();
                if (!anchor.GetTrailingTrivia().Any(SyntaxKind.EndOfLineTrivia))
                {
                    items[targetPosition] = (items[targetPosition].Index, anchor.WithTrailingTrivia(anchor.GetTrailingTrivia().Add(EndOfLine(anchor))));
                }

                items.InsertRange(targetPosition + 1, inserted.Select(node => (-1, node)));
            }
        }

        var nodes = items.Select(item => item.Node);
        return container switch
        {
            BlockSyntax block => block.WithStatements(SyntaxFactory.List(nodes.Cast<StatementSyntax>())),
            CompilationUnitSyntax unit => unit.WithMembers(SyntaxFactory.List(nodes.Cast<MemberDeclarationSyntax>())),
            _ => container,
        };
    }

    private static IReadOnlyList<SyntaxNode> Items(SyntaxNode container) => container switch
    {
        BlockSyntax block => block.Statements,
        CompilationUnitSyntax unit => unit.Members,
        _ => new List<SyntaxNode>(),
    };

    /// <summary><c>app.UseAuthentication();</c>, indented like <paramref name="anchor"/>.</summary>
    private static SyntaxNode NewCall(SyntaxNode container, SyntaxNode anchor, string builder, string call)
    {
        var leading = anchor.GetLeadingTrivia();
        var indentation = leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia)
            ? SyntaxFactory.TriviaList(leading[leading.Count - 1])
            : SyntaxFactory.TriviaList();
        var statement = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.IdentifierName(builder),
                        SyntaxFactory.IdentifierName(call))))
            .WithLeadingTrivia(indentation)
            .WithTrailingTrivia(EndOfLine(anchor));
        return container is CompilationUnitSyntax ? SyntaxFactory.GlobalStatement(statement) : statement;
    }

    private static SyntaxTrivia EndOfLine(SyntaxNode anchor)
    {
        foreach (var trivia in anchor.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    private sealed class Statement
    {
        public Statement(SyntaxNode container, int index, bool isSimpleCall, string callName)
        {
            Container = container;
            Index = index;
            IsSimpleCall = isSimpleCall;
            CallName = callName;
        }

        public SyntaxNode Container { get; }

        public int Index { get; }

        public bool IsSimpleCall { get; }

        public string CallName { get; }
    }

    /// <summary>Move the statement at <see cref="Moved"/> next to <see cref="Target"/>, or (Moved = -1) insert <see cref="Calls"/> after it.</summary>
    private sealed class Edit
    {
        public Edit(SyntaxNode container, string title, int moved, int target, bool after, ImmutableArray<string> calls, string? builder)
        {
            Container = container;
            Title = title;
            Moved = moved;
            Target = target;
            After = after;
            Calls = calls;
            Builder = builder;
        }

        public SyntaxNode Container { get; }

        public string Title { get; }

        public int Moved { get; }

        public int Target { get; }

        public bool After { get; }

        public ImmutableArray<string> Calls { get; }

        public string? Builder { get; }
    }
}
