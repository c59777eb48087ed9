using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// What the shape of a body says about which of its operations can run in one request or one start of the app: asked
/// by the header model (credentials sent with an origin) and the pipeline model (middleware on one pipeline path).
/// </summary>
internal static class ControlFlow
{
    /// <summary>
    /// True when no run executes both <paramref name="first"/> and <paramref name="second"/>: they sit in different
    /// branches of one <c>if</c> or <c>switch</c>, or the earlier one is followed, on its way out to the block they share,
    /// by a statement that leaves (<c>if (publicPath) { ...; return; }</c>). Operations of different trees (a helper's body)
    /// are never exclusive.
    /// </summary>
    public static bool Exclusive(IOperation first, IOperation second)
    {
        var ancestors = new List<IOperation>();
        for (var current = first; current is not null; current = current.Parent)
        {
            ancestors.Add(current);
        }

        var secondChild = second;
        for (var common = second.Parent; common is not null; secondChild = common, common = common.Parent)
        {
            var index = ancestors.IndexOf(common);
            if (index <= 0)
            {
                continue;
            }

            var firstChild = ancestors[index - 1];
            switch (common)
            {
                case IConditionalOperation conditional:
                    return firstChild != conditional.Condition && secondChild != conditional.Condition && firstChild != secondChild;
                case ISwitchOperation:
                    return firstChild != secondChild && firstChild is ISwitchCaseOperation && secondChild is ISwitchCaseOperation;
                case IBlockOperation block:
                    var firstIndex = block.Operations.IndexOf(firstChild);
                    var secondIndex = block.Operations.IndexOf(secondChild);
                    return firstIndex < secondIndex ? LeavesAfter(first, firstChild) : LeavesAfter(second, secondChild);
                default:
                    return false;
            }
        }

        return false;
    }

    // A return or throw after the write in one of the blocks between it and `statement`.
    private static bool LeavesAfter(IOperation write, IOperation statement)
    {
        var child = write;
        for (var parent = write.Parent; parent is not null && child != statement; child = parent, parent = parent.Parent)
        {
            if (parent is not IBlockOperation block)
            {
                continue;
            }

            var after = false;
            foreach (var operation in block.Operations)
            {
                // return and throw leave the function; break and continue only a loop or switch, after which the other may run.
                if (after && operation is IReturnOperation or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation })
                {
                    return true;
                }

                after |= operation == child;
            }
        }

        return false;
    }

}
