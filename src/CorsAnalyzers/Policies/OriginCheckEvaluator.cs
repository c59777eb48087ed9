using System;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// Runs an origin check on one concrete origin (an attacker's candidate): the strings derived from the origin
/// (<c>origin.ToLowerInvariant()</c>, <c>new Uri(origin).Host</c>, a <c>Uri.TryCreate</c> out variable's <c>Host</c>) are
/// computed, <c>string</c> and <c>Regex</c> checks are decided as .NET decides them, and everything else (a membership
/// test, a call we cannot see) is unknown. A check passes the candidate only when the answer is a definite <c>true</c>.
/// </summary>
internal sealed class OriginCheckEvaluator
{
    private const int MaxDepth = 8;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly OriginCheckSymbols _symbols;
    private readonly OriginValue _origin;
    private readonly string _candidate;

    // The parameter of an Any/Exists lambda this evaluator runs, and the element it stands for (null outside one).
    private readonly IParameterSymbol? _element;
    private readonly string? _elementText;

    public OriginCheckEvaluator(OriginCheckSymbols symbols, OriginValue origin, string candidate)
        : this(symbols, origin, candidate, element: null, elementText: null)
    {
    }

    private OriginCheckEvaluator(OriginCheckSymbols symbols, OriginValue origin, string candidate, IParameterSymbol? element, string? elementText)
    {
        _symbols = symbols;
        _origin = origin;
        _candidate = candidate;
        _element = element;
        _elementText = elementText;
    }

    private enum Outcome
    {
        FallsThrough,
        ReturnsTrue,
        ReturnsFalse,
        Unknown,
    }

    /// <summary>What a predicate's body returns for the candidate: true, false, or null when it depends on more than the origin.</summary>
    public bool? Returns(IOperation body) => Run(body, 0) switch
    {
        Outcome.ReturnsTrue => true,
        Outcome.ReturnsFalse => false,
        _ => null,
    };

    /// <summary>The value of a boolean condition for the candidate, or null when it depends on more than the origin.</summary>
    public bool? Evaluate(IOperation condition) => Bool(condition, 0);

    /// <summary>The text of a string derived from the origin (or a constant), or null.</summary>
    public string? Text(IOperation value) => String(value, 0);

    private Outcome Run(IOperation statement, int depth)
    {
        switch (statement)
        {
            case IBlockOperation block:
                foreach (var inner in block.Operations)
                {
                    var outcome = Run(inner, depth);
                    if (outcome != Outcome.FallsThrough)
                    {
                        return outcome;
                    }
                }

                return Outcome.FallsThrough;

            case IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } value }:
                return Bool(value, depth) switch
                {
                    true => Outcome.ReturnsTrue,
                    false => Outcome.ReturnsFalse,
                    _ => Outcome.Unknown,
                };

            case IConditionalOperation conditional:
                return Bool(conditional.Condition, depth) switch
                {
                    true => Run(conditional.WhenTrue, depth),
                    false => conditional.WhenFalse is null ? Outcome.FallsThrough : Run(conditional.WhenFalse, depth),
                    _ => Outcome.Unknown,
                };

            case ITryOperation @try when @try.Finally is null:
                // The candidate is a well-formed origin: nothing in a check of it throws.
                return Run(@try.Body, depth);

            case IVariableDeclarationGroupOperation:
                // Locals are read from their initializers where they are used.
                return Outcome.FallsThrough;

            case IExpressionStatementOperation { Operation: var expression }:
                // A call for its side effects (logging) changes nothing we read; an assignment may change a local we read.
                return expression is IAssignmentOperation ? Outcome.Unknown : Outcome.FallsThrough;

            case ILocalFunctionOperation or IEmptyOperation:
                return Outcome.FallsThrough;

            default:
                return Outcome.Unknown;
        }
    }

    private bool? Bool(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversions();
        if (operation.ConstantValue is { HasValue: true, Value: bool constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return !Bool(not.Operand, depth + 1);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                return And(Bool(and.LeftOperand, depth + 1), and.RightOperand, depth);

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                return !And(!Bool(or.LeftOperand, depth + 1), or.RightOperand, depth, negateRight: true);

            case IBinaryOperation binary:
                return Compare(binary, depth);

            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var pattern } } isPattern:
                return String(isPattern.Value, depth + 1) is { } text && pattern.ConstantValue is { HasValue: true, Value: string constantText }
                    ? string.Equals(text, constantText, StringComparison.Ordinal)
                    : null;

            case IInvocationOperation invocation:
                return Call(invocation, depth);

            case ILocalReferenceOperation { Local: var local } when SourceBodies.GetInitializer(local, operation.SemanticModel) is { } initializer:
                return Bool(initializer, depth + 1);

            default:
                return null;
        }
    }

    /// <summary>Three-valued <c>&amp;&amp;</c>, the right side read only when the left is not false (as C# does; a TryCreate sets its out variable first).</summary>
    private bool? And(bool? left, IOperation rightOperand, int depth, bool negateRight = false)
    {
        if (left == false)
        {
            return false;
        }

        var right = Bool(rightOperand, depth + 1);
        if (negateRight)
        {
            right = !right;
        }

        return right == false ? false : left == true && right == true ? true : null;
    }

    private bool? Compare(IBinaryOperation binary, int depth)
    {
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals
            && String(binary.LeftOperand, depth + 1) is { } left && String(binary.RightOperand, depth + 1) is { } right)
        {
            return string.Equals(left, right, StringComparison.Ordinal) == (binary.OperatorKind == BinaryOperatorKind.Equals);
        }

        // `origin.IndexOf("contoso") >= 0`, `... != -1`, `... == 0`.
        if (Int(binary.LeftOperand, depth + 1) is not { } value || binary.RightOperand.WalkDownConversions().ConstantValue is not { HasValue: true, Value: int bound })
        {
            return null;
        }

        return binary.OperatorKind switch
        {
            BinaryOperatorKind.Equals => value == bound,
            BinaryOperatorKind.NotEquals => value != bound,
            BinaryOperatorKind.GreaterThan => value > bound,
            BinaryOperatorKind.GreaterThanOrEqual => value >= bound,
            BinaryOperatorKind.LessThan => value < bound,
            BinaryOperatorKind.LessThanOrEqual => value <= bound,
            _ => null,
        };
    }

    private int? Int(IOperation operation, int depth)
    {
        if (operation.WalkDownConversions() is not IInvocationOperation { Instance: { } instance } invocation
            || _symbols.GetStringMethod(invocation.TargetMethod) != StringMethod.IndexOf
            || invocation.Arguments.Length == 0 || !_symbols.IsString(invocation.Arguments[0].Value.WalkDownConversions().Type)
            || String(instance, depth + 1) is not { } text || ValueReader.ReadString(invocation.Arguments[0].Value) is not { } value
            || Comparison(invocation, 1) is not { } comparison)
        {
            return null;
        }

        return text.IndexOf(value, comparison);
    }

    private bool? Call(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var stringMethod = _symbols.GetStringMethod(method);
        if (stringMethod is StringMethod.EndsWith or StringMethod.StartsWith or StringMethod.Contains or StringMethod.Equals)
        {
            // Instance calls (`origin.EndsWith(".contoso.com")`) and the static `string.Equals(a, b)`.
            var (subject, argument) = invocation.Instance is { } instance
                ? (instance, 0)
                : invocation.Arguments.Length >= 2 ? (invocation.Arguments[0].Value, 1) : (null, 0);
            if (subject is null || invocation.Arguments.Length <= argument || !_symbols.IsString(invocation.Arguments[argument].Value.WalkDownConversions().Type)
                || String(subject, depth + 1) is not { } text || String(invocation.Arguments[argument].Value, depth + 1) is not { } value
                || Comparison(invocation, argument + 1) is not { } comparison)
            {
                return null;
            }

            return stringMethod switch
            {
                StringMethod.EndsWith => text.EndsWith(value, comparison),
                StringMethod.StartsWith => text.StartsWith(value, comparison),
                StringMethod.Contains => text.IndexOf(value, comparison) >= 0,
                _ => string.Equals(text, value, comparison),
            };
        }

        if (stringMethod == StringMethod.IsNullOrEmpty)
        {
            // `!string.IsNullOrEmpty(origin) && ...`: the origins run here are never empty.
            return String(invocation.Arguments[0].Value, depth + 1) is { } present ? string.IsNullOrWhiteSpace(present) : null;
        }

        if (_symbols.IsUriTryCreate(method))
        {
            // `Uri.TryCreate(origin, UriKind.Absolute, out var uri)`: true for a well-formed origin (`uri` is read through its declaration).
            return String(invocation.Arguments[0].Value, depth + 1) is { } text && PlainOrigin.TryCreateUri(text, out _, out _) ? true : null;
        }

        if (_symbols.IsRegexIsMatch(method))
        {
            return Match(invocation, depth);
        }

        if (_symbols.TryGetAnyCall(invocation, out var source, out var predicate))
        {
            return Any(source, predicate, depth);
        }

        return null;
    }

    /// <summary>
    /// <c>suffixes.Any(s =&gt; origin.EndsWith(s))</c> over a list of constants: the lambda run on each element; true when
    /// one definitely passes, false when none can.
    /// </summary>
    private bool? Any(IOperation source, IAnonymousFunctionOperation predicate, int depth)
    {
        var elements = OriginLists.ConstantElements(source, _symbols);
        if (elements.IsDefault || predicate.Body is not { } body)
        {
            return null;
        }

        bool? result = false;
        foreach (var element in elements)
        {
            var outcome = new OriginCheckEvaluator(_symbols, _origin, _candidate, predicate.Symbol.Parameters[0], ValueReader.ReadString(element)).Run(body, depth + 1);
            if (outcome == Outcome.ReturnsTrue)
            {
                return true;
            }

            if (outcome != Outcome.ReturnsFalse)
            {
                result = null;
            }
        }

        return result;
    }

    private bool? Match(IInvocationOperation invocation, int depth)
    {
        if (String(invocation.Arguments[0].Value, depth + 1) is not { } input || !OriginPatterns.TryGetPattern(invocation, _symbols, out var pattern, out var options))
        {
            return null;
        }

        try
        {
            return Regex.IsMatch(input, pattern, options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            // An invalid pattern, or one this runtime does not know: ASP.NET Core's behaviour is not ours to guess.
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The comparison a string method uses: ordinal by default (the same for origins, which are ASCII), or its constant argument.</summary>
    private StringComparison? Comparison(IInvocationOperation invocation, int index)
    {
        if (invocation.Arguments.Length <= index)
        {
            return StringComparison.Ordinal;
        }

        var argument = invocation.Arguments[index];
        if (argument.ArgumentKind == ArgumentKind.DefaultValue)
        {
            return StringComparison.Ordinal;
        }

        if (!SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, _symbols.StringComparison)
            || argument.Value.WalkDownConversions().ConstantValue is not { HasValue: true, Value: int value })
        {
            return null;
        }

        return (StringComparison)value is StringComparison.OrdinalIgnoreCase or StringComparison.CurrentCultureIgnoreCase or StringComparison.InvariantCultureIgnoreCase
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
    }

    private string? String(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = operation.WalkDownConversions();
        if (_origin.Matches(operation))
        {
            return _candidate;
        }

        if (ValueReader.ReadString(operation) is { } constant)
        {
            return constant;
        }

        switch (operation)
        {
            case IInvocationOperation { Instance: { } instance } invocation when _symbols.GetStringMethod(invocation.TargetMethod) == StringMethod.Normalize:
                var text = String(instance, depth + 1);
                return text is null ? null : invocation.TargetMethod.Name == "Trim" ? text.Trim() : text.ToLowerInvariant();

            case IPropertyReferenceOperation { Instance: { } uri } property when _symbols.GetUriPart(property.Property) is var part && part != UriPart.None:
                return UriText(uri, depth + 1) is { } uriText && PlainOrigin.TryCreateUri(uriText, out var scheme, out var host)
                    ? part == UriPart.Host ? host : scheme
                    : null;

            case ILocalReferenceOperation { Local: var local } when _symbols.IsString(local.Type)
                && SourceBodies.GetInitializer(local, operation.SemanticModel) is { } initializer:
                return String(initializer, depth + 1);

            case IParameterReferenceOperation { Parameter: var parameter } when _element is not null && SymbolEqualityComparer.Default.Equals(parameter, _element):
                return _elementText;

            default:
                return null;
        }
    }

    /// <summary>The text a <c>Uri</c> was made from: <c>new Uri(origin)</c>, a local holding one, a <c>Uri.TryCreate</c> out variable.</summary>
    private string? UriText(IOperation operation, int depth)
    {
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IObjectCreationOperation creation when _symbols.IsUri(creation.Type) && creation.Arguments.Length == 1:
                return String(creation.Arguments[0].Value, depth + 1);

            case ILocalReferenceOperation { Local: var local } when depth < MaxDepth:
                if (SourceBodies.GetInitializer(local, operation.SemanticModel) is { } initializer)
                {
                    return UriText(initializer, depth + 1);
                }

                return TryCreateOf(local, operation.SemanticModel) is { } tryCreate ? String(tryCreate.Arguments[0].Value, depth + 1) : null;

            default:
                return null;
        }
    }

    /// <summary>The <c>Uri.TryCreate(text, kind, out var uri)</c> call that declares <paramref name="local"/>, or null.</summary>
    private IInvocationOperation? TryCreateOf(ILocalSymbol local, SemanticModel? model)
    {
        if (model is null || local.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = local.DeclaringSyntaxReferences[0].GetSyntax();
        if (declaration.SyntaxTree != model.SyntaxTree
            || declaration.Parent is not DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } })
        {
            return null;
        }

        return model.GetOperation(call) is IInvocationOperation invocation && _symbols.IsUriTryCreate(invocation.TargetMethod) ? invocation : null;
    }
}
