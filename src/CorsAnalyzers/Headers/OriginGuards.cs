using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>How the code checks a request's origin before it sends it back.</summary>
internal enum GuardKind
{
    /// <summary>Not checked: no condition looks at the origin, or only at whether there is one (<c>IsNullOrEmpty</c>, <c>TryGetValue</c>).</summary>
    None,

    /// <summary>Checked against a list: <c>allowed.Contains(origin)</c>, a set or dictionary, a <c>switch</c> over constants, equality with a constant.</summary>
    Membership,

    /// <summary>Checked some other way (<c>origin.EndsWith("contoso.com")</c>, <c>Regex.IsMatch</c>, a helper): strong or weak, CORS013 judges.</summary>
    OtherCheck,

    /// <summary>
    /// Maybe checked, where we do not follow the check: a condition on a value computed from the request (<c>if (ok)</c>,
    /// <c>if (IsTrusted(context))</c>, a <c>switch</c> whose cases leave), the written local assigned again, a check
    /// around the lambda or local function that writes, a helper method's caller. No rule judges it.
    /// </summary>
    Unknown,
}

/// <summary>One reflection of the request's origin and what guards it: the hook through which origin checks are judged.</summary>
internal sealed class OriginGuard
{
    public OriginGuard(HeaderWrite write, GuardKind kind, IOperation? condition, bool whenTrue = true, int otherChecks = 0)
    {
        Write = write;
        Kind = kind;
        Condition = condition;
        WhenTrue = whenTrue;
        OtherChecks = otherChecks;
    }

    /// <summary>The <c>Access-Control-Allow-Origin</c> write; <see cref="HeaderWrite.Value"/> is the origin sent back.</summary>
    public HeaderWrite Write { get; }

    /// <summary>The origin value written (the request's <c>Origin</c>, or a local that holds it).</summary>
    public IOperation Origin => Write.Value;

    public GuardKind Kind { get; }

    /// <summary>The condition that decides <see cref="Kind"/>: a membership check, else the other check; null when unchecked.</summary>
    public IOperation? Condition { get; }

    /// <summary>
    /// True when the write runs where <see cref="Condition"/> is true (<c>if (check) { write }</c>); false where it is false
    /// (<c>if (!check) return; write</c>, or the write in the <c>else</c> branch).
    /// </summary>
    public bool WhenTrue { get; }

    /// <summary>How many conditions that are not membership checks guard the write; <see cref="Condition"/> is the innermost.</summary>
    public int OtherChecks { get; }
}

/// <summary>
/// Finds the conditions that guard a write: the <c>if</c>s and <c>switch</c> cases around it and the earlier <c>if</c>s
/// and <c>switch</c>es of its blocks that leave (<c>if (!allowed.Contains(origin)) return;</c>), in the function that
/// writes and, for a lambda or local function, around it and its calls. A condition guards when it looks at the origin (a
/// local that holds it, or the request's <c>Origin</c> read again); one that may look at it where we do not follow
/// (OriginGuards.Unknown.cs) makes the guard <see cref="GuardKind.Unknown"/>.
/// </summary>
internal static partial class OriginGuards
{
    public static OriginGuard Find(HeaderWrite write, IOperation root, HeaderSymbols symbols)
    {
        var locals = new List<ILocalSymbol>();
        HeaderValues.IsRequestOrigin(write.Value, symbols, locals, 0);
        var search = new Search(locals, symbols);

        // `if (!allowed.Contains(origin)) origin = "https://app.contoso.com";`: the local written may not hold the origin.
        search.Unknown = AnyAssignedAgain(locals);
        search.Walk(write.Operation, root);
        search.WalkAround(root, write.Operation);
        return search.Membership is not null ? new OriginGuard(write, GuardKind.Membership, search.Membership)
            : search.Unknown ? new OriginGuard(write, GuardKind.Unknown, null)
            : search.Other is not null ? new OriginGuard(write, GuardKind.OtherCheck, search.Other, search.OtherWhenTrue, search.OtherCount)
            : new OriginGuard(write, GuardKind.None, null);
    }

    /// <summary>What the conditions on the way to one write say, collected from the write outwards.</summary>
    private sealed partial class Search
    {
        private readonly List<ILocalSymbol> _locals;
        private readonly HeaderSymbols _symbols;

        public Search(List<ILocalSymbol> locals, HeaderSymbols symbols)
        {
            _locals = locals;
            _symbols = symbols;
        }

        /// <summary>The outermost membership check found (any one makes the write checked).</summary>
        public IOperation? Membership { get; private set; }

        /// <summary>True when some condition may check the origin where we do not follow it.</summary>
        public bool Unknown { get; set; }

        /// <summary>The innermost condition that checks the origin some other way, and how many such conditions guard the write.</summary>
        public IOperation? Other { get; private set; }

        public bool OtherWhenTrue { get; private set; }

        public int OtherCount { get; private set; }

        /// <summary>The conditions from <paramref name="start"/> up to <paramref name="stop"/> (the function's body).</summary>
        public void Walk(IOperation start, IOperation stop)
        {
            var child = start;
            for (var parent = child.Parent; parent is not null && child != stop; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        Judge(conditional.Condition, whenTrue: child == conditional.WhenTrue);
                        break;
                    case ISwitchCaseOperation { Parent: ISwitchOperation @switch } switchCase:
                        JudgeCase(@switch, switchCase);
                        break;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation earlier && Leaves(earlier))
                            {
                                // The write runs past `if (check) return;` where the check is false.
                                Judge(earlier.Condition, whenTrue: !Exits(earlier.WhenTrue));
                            }
                            else if (statement is ISwitchOperation earlierSwitch && AnyCaseLeaves(earlierSwitch))
                            {
                                // switch (origin) { case "https://a": break; default: return; }
                                JudgeLeavingSwitch(earlierSwitch);
                            }
                        }

                        break;
                }
            }
        }

        private void Judge(IOperation condition, bool whenTrue)
        {
            AddOriginLocals(condition);
            var kind = Classify(condition, _locals, _symbols);
            if (kind == GuardKind.Membership)
            {
                Membership = condition;
            }
            else if (kind == GuardKind.OtherCheck)
            {
                if (OtherCount++ == 0)
                {
                    Other = condition;
                    OtherWhenTrue = whenTrue;
                }
            }
            else if (!Mentions(condition, _locals, _symbols) && MayReadRequest(condition, 0))
            {
                Unknown = true;
            }
        }

        private void JudgeCase(ISwitchOperation @switch, ISwitchCaseOperation switchCase)
        {
            AddOriginLocals(@switch.Value);
            if (Mentions(@switch.Value, _locals, _symbols))
            {
                if (AllConstant(switchCase))
                {
                    Membership = @switch.Value;
                }
                else if (HasGuard(switchCase))
                {
                    // case var o when allowed.Contains(o):
                    Unknown = true;
                }
            }
            else if (MayReadRequest(@switch.Value, 0) || HasGuard(switchCase))
            {
                Unknown = true;
            }
        }

        private void JudgeLeavingSwitch(ISwitchOperation @switch)
        {
            AddOriginLocals(@switch.Value);
            if (Mentions(@switch.Value, _locals, _symbols) || MayReadRequest(@switch.Value, 0))
            {
                Unknown = true;
            }
        }
    }

    // Each mention of the origin in the condition is judged by what is done with it; a membership test anywhere wins.
    private static GuardKind Classify(IOperation condition, List<ILocalSymbol> locals, HeaderSymbols symbols)
    {
        var result = GuardKind.None;
        foreach (var operation in condition.DescendantsAndSelf())
        {
            if (operation is IInvocationOperation lookup && HeaderValues.IsOriginLookup(lookup, symbols))
            {
                continue;
            }

            if (!IsOrigin(operation, locals, symbols))
            {
                continue;
            }

            var use = Use(operation, symbols);
            if (use == GuardKind.Membership)
            {
                return GuardKind.Membership;
            }

            if (use == GuardKind.OtherCheck)
            {
                result = GuardKind.OtherCheck;
            }
        }

        return result;
    }

    private static GuardKind Use(IOperation origin, HeaderSymbols symbols)
    {
        var child = origin;
        var parent = origin.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IDeclarationExpressionOperation
            || (parent is IInvocationOperation { Instance: { } instance, TargetMethod.Parameters.IsEmpty: true } toString && instance == child && symbols.IsStringValues(toString.TargetMethod.ContainingType)))
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
                var otherOperand = binary.LeftOperand == child ? binary.RightOperand : binary.LeftOperand;
                return otherOperand.ConstantValue is { HasValue: true, Value: var constant }
                    ? constant is null ? GuardKind.None : GuardKind.Membership
                    : GuardKind.OtherCheck;
            case IIsPatternOperation pattern:
                return PatternKind(pattern.Pattern);
            case IPropertyReferenceOperation { Property.Type.SpecialType: SpecialType.System_Int32 } length
                when length.Instance == child && (length.Property.ContainingType?.SpecialType == SpecialType.System_String || symbols.IsStringValues(length.Property.ContainingType)):
                // origin.Length > 0, origin.Count > 0: whether there is one.
                return GuardKind.None;
            case IArgumentOperation { Parent: IInvocationOperation invocation }:
                return ArgumentKind(invocation, child, symbols);
            case IInvocationOperation { Instance: { } receiver } invocation when receiver == child:
                // origin.Equals("https://app.contoso.com"): String's own Equals with a constant.
                return invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String && invocation.TargetMethod.Name == nameof(string.Equals)
                    && invocation.Arguments.Length >= 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string }
                    ? GuardKind.Membership
                    : GuardKind.OtherCheck;
            default:
                return GuardKind.OtherCheck;
        }
    }

    private static GuardKind ArgumentKind(IInvocationOperation invocation, IOperation origin, HeaderSymbols symbols)
    {
        if (HeaderValues.IsOriginLookup(invocation, symbols))
        {
            // Request.Headers.TryGetValue("Origin", out var origin): whether there is one.
            return GuardKind.None;
        }

        var method = invocation.TargetMethod;
        if (method.ContainingType is not { } type)
        {
            return GuardKind.OtherCheck;
        }

        if (method.IsStatic && method.ReturnType.SpecialType == SpecialType.System_Boolean
            && (type.SpecialType == SpecialType.System_String || symbols.IsStringValues(type)))
        {
            // string.IsNullOrEmpty(origin), StringValues.IsNullOrEmpty(origin): whether there is one. string.Equals(origin, "https://...").
            if (method.Parameters.Length == 1)
            {
                return GuardKind.None;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value != origin && argument.Value.ConstantValue is { HasValue: true, Value: string })
                {
                    return GuardKind.Membership;
                }
            }

            return GuardKind.OtherCheck;
        }

        // allowed.Contains(origin), allowedSet.Contains(origin), map.ContainsKey(origin), Enumerable.Contains(allowed, origin):
        // the origin is looked up in a collection.
        var collection = invocation.Instance ?? (method.IsExtensionMethod || method.ReducedFrom is not null ? HeaderWrites.Argument(invocation, 0) : null);
        return collection is not null && collection.WalkDownConversions() != origin && IsCollection(collection.WalkDownConversions().Type)
            ? GuardKind.Membership
            : GuardKind.OtherCheck;
    }

    private static bool IsCollection(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String || type.TypeKind == TypeKind.Array)
        {
            return type?.TypeKind == TypeKind.Array;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return true;
            }
        }

        return type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
    }

    private static GuardKind PatternKind(IPatternOperation pattern) => pattern switch
    {
        IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: var value } } => value is null ? GuardKind.None : GuardKind.Membership,
        INegatedPatternOperation { Pattern: IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: null } } } => GuardKind.None,
        IBinaryPatternOperation binary => Max(PatternKind(binary.LeftPattern), PatternKind(binary.RightPattern)),
        ITypePatternOperation or IDeclarationPatternOperation { MatchesNull: false } => GuardKind.None,
        _ => GuardKind.OtherCheck,
    };

    private static GuardKind Max(GuardKind left, GuardKind right)
        => left == GuardKind.Membership || right == GuardKind.Membership ? GuardKind.Membership
            : left == GuardKind.OtherCheck || right == GuardKind.OtherCheck ? GuardKind.OtherCheck
            : GuardKind.None;

    private static bool Mentions(IOperation operation, List<ILocalSymbol> locals, HeaderSymbols symbols)
    {
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            if (IsOrigin(descendant, locals, symbols))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrigin(IOperation operation, List<ILocalSymbol> locals, HeaderSymbols symbols)
        => operation is ILocalReferenceOperation { Local: var local } ? locals.Contains(local)
            : operation is IPropertyReferenceOperation && HeaderValues.IsRequestOrigin(operation, symbols, null, 0);

    private static bool AllConstant(ISwitchCaseOperation switchCase)
    {
        foreach (var clause in switchCase.Clauses)
        {
            var constant = clause switch
            {
                ISingleValueCaseClauseOperation single => single.Value.ConstantValue is { HasValue: true, Value: string },
                IPatternCaseClauseOperation { Guard: null, Pattern: var pattern } => PatternKind(pattern) == GuardKind.Membership,
                _ => false,
            };
            if (!constant)
            {
                return false;
            }
        }

        return switchCase.Clauses.Length > 0;
    }

    // if (...) return; / throw; / break; / continue; — alone or as the last statement of its block, in either branch.
    private static bool Leaves(IConditionalOperation conditional)
        => Exits(conditional.WhenTrue) || (conditional.WhenFalse is { } whenFalse && Exits(whenFalse));

    private static bool Exits(IOperation branch)
    {
        if (branch is IBlockOperation { Operations: { Length: > 0 } operations })
        {
            branch = operations[operations.Length - 1];
        }

        return branch is IReturnOperation or IBranchOperation
            || branch is IExpressionStatementOperation { Operation: IThrowOperation }
            || branch is IThrowOperation;
    }
}
