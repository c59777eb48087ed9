using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// The operations of one body (an operation tree, by its root) that the models look up: its invocations, lambdas
/// included, and its assignments to locals. Found in one walk and kept while the tree lives: the pipeline model collects
/// a top-level program's calls around each <c>UseCors</c>, and the value reader looks up the locals its policies read;
/// each walked the whole program of a thousand endpoints, once per use, on every edit.
/// </summary>
internal sealed class BodyOperations
{
    private static readonly ConditionalWeakTable<IOperation, BodyOperations> ByRoot = new();
    private static readonly ConditionalWeakTable<IOperation, BodyOperations>.CreateValueCallback Create = root => new BodyOperations(root);

    private readonly List<IInvocationOperation> _invocations = new();
    private readonly Dictionary<ILocalSymbol, List<ISimpleAssignmentOperation>> _assignments = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _writtenOtherwise = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _membersAssigned = new(SymbolEqualityComparer.Default);

    // The block whose statement declares each local (`var x = ...;` directly in it), and whether the body jumps (`goto`),
    // which may skip a statement of that block.
    private readonly Dictionary<ILocalSymbol, IOperation> _declaringBlocks = new(SymbolEqualityComparer.Default);
    private bool _jumps;

    private BodyOperations(IOperation root)
    {
        Root = root;

        // A stack of our own, not Descendants' iterators: the walk visits every operation of the body.
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IInvocationOperation invocation:
                    _invocations.Add(invocation);
                    break;

                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    if (!_assignments.TryGetValue(target.Local, out var assignments))
                    {
                        assignments = new List<ISimpleAssignmentOperation>();
                        _assignments.Add(target.Local, assignments);
                    }

                    assignments.Add(assignment);
                    break;

                case IVariableDeclaratorOperation { Parent.Parent: IVariableDeclarationGroupOperation { Parent: IBlockOperation block } } declarator:
                    _declaringBlocks[declarator.Symbol] = block;
                    break;

                case IBranchOperation { BranchKind: BranchKind.GoTo }:
                    _jumps = true;
                    break;

                case IInvalidOperation:
                    HasInvalidCode = true;
                    break;

                case IAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation owner } }:
                    // `settings.Origins = ...`, `settings.Origins ??= ...`: the object's values are not only what bound it.
                    _membersAssigned.Add(owner.Local);
                    break;

                case ILocalReferenceOperation reference
                    when reference.Parent is IArgumentOperation { Parameter.RefKind: not RefKind.None and not RefKind.In }
                        or ICompoundAssignmentOperation or IDeconstructionAssignmentOperation or ITupleOperation:
                    _writtenOtherwise.Add(reference.Local);
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The root of the body: the operation with no parent above <see cref="Of"/>'s argument.</summary>
    public IOperation Root { get; }

    /// <summary>True when some code of the body does not bind (an unresolved name, a call no overload fits: half-typed code).</summary>
    public bool HasInvalidCode { get; }

    /// <summary>Every invocation of the body, lambdas and local functions included, in no particular order.</summary>
    public IReadOnlyList<IInvocationOperation> Invocations => _invocations;

    /// <summary>The operations of the body <paramref name="operation"/> belongs to.</summary>
    public static BodyOperations Of(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return ByRoot.GetValue(root, Create);
    }

    /// <summary>True when <paramref name="local"/> is written through ref/out, <c>+=</c> or a deconstruction somewhere in the body.</summary>
    public bool IsWrittenOtherwise(ILocalSymbol local) => _writtenOtherwise.Contains(local);

    /// <summary>True when the body assigns <paramref name="local"/> after its declaration (<c>x = ...</c>).</summary>
    public bool IsAssigned(ILocalSymbol local) => _assignments.ContainsKey(local);

    /// <summary>True when the body assigns a property or field of the object in <paramref name="local"/> (<c>x.Origins = ...</c>).</summary>
    public bool AssignsMembersOf(ILocalSymbol local) => _membersAssigned.Contains(local);

    /// <summary>
    /// Adds the values assigned to <paramref name="local"/> (not its initializer) by assignments written before
    /// <paramref name="position"/> that a path to it may still see: none written before the last assignment that every
    /// path runs (see <see cref="LastAssignmentOnEveryPath"/>).
    /// </summary>
    public void AddAssignedValuesBefore(ILocalSymbol local, int position, List<IOperation> values)
    {
        if (!_assignments.TryGetValue(local, out var assignments))
        {
            return;
        }

        var from = LastAssignmentOnEveryPath(local, position)?.Syntax.SpanStart ?? -1;
        foreach (var assignment in assignments)
        {
            if (assignment.Syntax.SpanStart >= from && assignment.Syntax.SpanStart < position)
            {
                values.Add(assignment.Value);
            }
        }
    }

    /// <summary>
    /// The last assignment to <paramref name="local"/> before <paramref name="position"/> that every path to it runs: a
    /// statement <c>x = ...;</c> of the block that declares the local, whole before the position (the use is then in a
    /// later statement of that block, or nested in one). The initializer and every value assigned before it are dead there.
    /// Null when there is none, or when the body has a <c>goto</c>, which may jump past it.
    /// </summary>
    public ISimpleAssignmentOperation? LastAssignmentOnEveryPath(ILocalSymbol local, int position)
    {
        if (_jumps || !_declaringBlocks.TryGetValue(local, out var block) || !_assignments.TryGetValue(local, out var assignments))
        {
            return null;
        }

        ISimpleAssignmentOperation? last = null;
        foreach (var assignment in assignments)
        {
            if (assignment.Parent is IExpressionStatementOperation { Parent: var parent } && parent == block
                && assignment.Syntax.Span.End <= position && (last is null || assignment.Syntax.SpanStart > last.Syntax.SpanStart))
            {
                last = assignment;
            }
        }

        return last;
    }
}
