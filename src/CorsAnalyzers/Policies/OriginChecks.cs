using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>Why an origin check lets an attacker's origin through.</summary>
internal enum WeakCheckKind
{
    /// <summary><c>EndsWith("contoso.com")</c>: no dot before the domain, so <c>evilcontoso.com</c> ends the same way.</summary>
    EndsWithoutDot,

    /// <summary><c>StartsWith("https://app.contoso.com")</c>: the host may go on, <c>app.contoso.com.evil.io</c>.</summary>
    StartsWithoutEnd,

    /// <summary><c>Contains("contoso")</c>, <c>IndexOf("contoso") &gt;= 0</c>: the text anywhere in the origin.</summary>
    ContainsAnywhere,

    /// <summary>A pattern without <c>$</c> (or <c>\z</c>): the host may go on after the match.</summary>
    PatternOpenAtEnd,

    /// <summary>A pattern that lets other text come before the domain (no <c>^</c>, or a wildcard before it).</summary>
    PatternOpenAtStart,

    /// <summary>A pattern whose unescaped <c>.</c> matches any character.</summary>
    PatternUnescapedDot,
}

/// <summary>Whether a check reads the whole origin (<c>https://app.contoso.com</c>) or only its host (<c>new Uri(origin).Host</c>).</summary>
internal enum OriginSubject
{
    Origin,
    Host,
}

/// <summary>One check of the origin that an attacker's origin passes, with an origin that does.</summary>
internal sealed class WeakOriginCheck
{
    public WeakOriginCheck(IOperation check, WeakCheckKind kind, OriginSubject subject, string passingOrigin, IOperation? text)
    {
        Check = check;
        Kind = kind;
        Subject = subject;
        PassingOrigin = passingOrigin;
        Text = text;
    }

    /// <summary>The check: the <c>EndsWith</c>/<c>IsMatch</c> call, or the <c>IndexOf(...) &gt;= 0</c> comparison.</summary>
    public IOperation Check { get; }

    public WeakCheckKind Kind { get; }

    public OriginSubject Subject { get; }

    /// <summary>An origin an attacker can own that passes the whole predicate or condition (run on it), e.g. <c>https://evilcontoso.com</c>.</summary>
    public string PassingOrigin { get; }

    /// <summary>The operation that holds the checked text or the pattern, when it is written at the check.</summary>
    public IOperation? Text { get; }
}

/// <summary>
/// Finds origin checks that an attacker's origin passes (CORS013): in a <c>SetIsOriginAllowed</c> predicate, or in any
/// boolean condition over a value that holds the request's origin (the guard of a hand-written
/// <c>Access-Control-Allow-Origin</c> reflection). Each string or regex check of the origin (or of its host) proposes
/// candidates an attacker could register (<c>https://evilcontoso.com</c> for <c>EndsWith("contoso.com")</c>); the
/// predicate or condition is then run on each candidate by <see cref="OriginCheckEvaluator"/>, and a check is weak only
/// when the whole predicate definitely accepts one. Equality, <c>Uri.Host == "..."</c>, <c>EndsWith(".contoso.com")</c>,
/// anchored patterns with escaped dots and membership tests accept no candidate (or depend on data we cannot see).
/// </summary>
internal static class OriginChecks
{
    private const string Probe = "https://probe.origin.invalid";
    private const string ProbeHost = "probe.origin.invalid";

    /// <summary>The weak checks of a predicate (a lambda, a method group or local function in source, a local delegate).</summary>
    public static ImmutableArray<WeakOriginCheck> InPredicate(IOperation predicate, OriginCheckSymbols symbols)
        => OriginPredicates.TryGetBody(predicate, out var body, out var origin)
            ? Find(body, OriginValue.Of(origin), symbols, isBody: true)
            : ImmutableArray<WeakOriginCheck>.Empty;

    /// <summary>
    /// The weak checks of a boolean <paramref name="condition"/> (an <c>if</c> condition, say) over <paramref name="origin"/>:
    /// a check is reported when the condition is definitely <paramref name="passes"/> (true, or false for
    /// <c>if (!check) return;</c>) for an origin an attacker can own.
    /// </summary>
    public static ImmutableArray<WeakOriginCheck> InCondition(IOperation condition, OriginValue origin, OriginCheckSymbols symbols, bool passes = true)
        => Find(condition, origin, symbols, isBody: false, passes);

    private static ImmutableArray<WeakOriginCheck> Find(IOperation scope, OriginValue origin, OriginCheckSymbols symbols, bool isBody, bool passes = true)
    {
        ImmutableArray<WeakOriginCheck>.Builder? found = null;
        var probe = new OriginCheckEvaluator(symbols, origin, Probe);
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            if (Propose(invocation, probe, symbols) is { } proposal)
            {
                if (FirstPassing(proposal, scope, origin, symbols, isBody, passes) is { } weak)
                {
                    (found ??= ImmutableArray.CreateBuilder<WeakOriginCheck>()).Add(weak);
                }

                continue;
            }

            // `suffixes.Any(s => origin.EndsWith(s))`: the check proposes the candidates of each element of the list.
            foreach (var elementProposal in ProposeForElements(invocation, probe, symbols))
            {
                if (FirstPassing(elementProposal, scope, origin, symbols, isBody, passes) is { } weak)
                {
                    (found ??= ImmutableArray.CreateBuilder<WeakOriginCheck>()).Add(weak);
                    break;
                }
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<WeakOriginCheck>.Empty;
    }

    /// <summary>The proposal's first candidate that the whole predicate or condition definitely lets through, as a finding.</summary>
    private static WeakOriginCheck? FirstPassing(Proposal proposal, IOperation scope, OriginValue origin, OriginCheckSymbols symbols, bool isBody, bool passes)
    {
        foreach (var candidate in proposal.Candidates)
        {
            var evaluator = new OriginCheckEvaluator(symbols, origin, candidate.Origin);
            if ((isBody ? evaluator.Returns(scope) : evaluator.Evaluate(scope)) == passes)
            {
                return new WeakOriginCheck(proposal.Check, candidate.Kind, proposal.Subject, candidate.Origin, proposal.Text);
            }
        }

        return null;
    }

    private sealed class Proposal
    {
        public Proposal(IOperation check, OriginSubject subject, IOperation? text, ImmutableArray<OriginCandidate> candidates)
        {
            Check = check;
            Subject = subject;
            Text = text;
            Candidates = candidates;
        }

        public IOperation Check { get; }

        public OriginSubject Subject { get; }

        public IOperation? Text { get; }

        public ImmutableArray<OriginCandidate> Candidates { get; }
    }

    /// <summary>The attackers' candidates for one check of the origin or its host; null when the call is no such check.</summary>
    private static Proposal? Propose(IInvocationOperation invocation, OriginCheckEvaluator probe, OriginCheckSymbols symbols)
    {
        if (symbols.IsRegexIsMatch(invocation.TargetMethod))
        {
            if (Subject(invocation.Arguments[0].Value, probe) is not { } patternSubject
                || !OriginPatterns.TryGetPattern(invocation, symbols, out var pattern, out var options)
                || OriginPatterns.Sample(pattern, options) is not { } sample)
            {
                return null;
            }

            return new Proposal(invocation, patternSubject, OriginPatterns.PatternOperation(invocation, symbols), OriginCandidates.ForPattern(sample));
        }

        if (StringCheck(invocation, probe, symbols, out var method, out var subject) is not { } argument
            || ValueReader.ReadString(argument) is not { Length: > 0 } text)
        {
            return null;
        }

        return Propose(invocation, method, subject, text, argument);
    }

    /// <summary>
    /// The proposals of a string check whose text is the parameter of an <c>Any</c>/<c>Exists</c> lambda over a list of
    /// constants (<c>suffixes.Any(s =&gt; origin.EndsWith(s))</c>), one per element, the element as its text.
    /// </summary>
    private static ImmutableArray<Proposal> ProposeForElements(IInvocationOperation invocation, OriginCheckEvaluator probe, OriginCheckSymbols symbols)
    {
        if (StringCheck(invocation, probe, symbols, out var method, out var subject) is not IParameterReferenceOperation { Parameter: var parameter }
            || EnclosingAnyCall(invocation, parameter, symbols) is not { } source
            || OriginLists.ConstantElements(source, symbols) is not { IsDefault: false } elements)
        {
            return ImmutableArray<Proposal>.Empty;
        }

        var proposals = ImmutableArray.CreateBuilder<Proposal>(elements.Length);
        foreach (var element in elements)
        {
            if (ValueReader.ReadString(element) is { Length: > 0 } text && Propose(invocation, method, subject, text, element) is { } proposal)
            {
                proposals.Add(proposal);
            }
        }

        return proposals.ToImmutable();
    }

    /// <summary>The collection of the <c>Any</c>/<c>Exists</c> call whose lambda declares <paramref name="parameter"/>, or null.</summary>
    private static IOperation? EnclosingAnyCall(IOperation operation, IParameterSymbol parameter, OriginCheckSymbols symbols)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is not IAnonymousFunctionOperation lambda)
            {
                continue;
            }

            if (!SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.ContainingSymbol))
            {
                continue;
            }

            var call = lambda.Parent;
            while (call is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
            {
                call = call.Parent;
            }

            return call is IInvocationOperation any && symbols.TryGetAnyCall(any, out var source, out var predicate) && predicate == lambda ? source : null;
        }

        return null;
    }

    /// <summary>
    /// The text argument of a string check of the origin or its host (<c>EndsWith</c>, <c>StartsWith</c>, <c>Contains</c>,
    /// <c>IndexOf</c>, with a string argument), or null when the call is no such check.
    /// </summary>
    private static IOperation? StringCheck(IInvocationOperation invocation, OriginCheckEvaluator probe, OriginCheckSymbols symbols, out StringMethod method, out OriginSubject subject)
    {
        method = symbols.GetStringMethod(invocation.TargetMethod);
        subject = OriginSubject.Origin;
        if (method is not (StringMethod.EndsWith or StringMethod.StartsWith or StringMethod.Contains or StringMethod.IndexOf)
            || invocation.Instance is null || invocation.Arguments.Length == 0
            || !symbols.IsString(invocation.Arguments[0].Value.WalkDownConversions().Type)
            || Subject(invocation.Instance, probe) is not { } checkedSubject)
        {
            return null;
        }

        subject = checkedSubject;
        return invocation.Arguments[0].Value.WalkDownConversions();
    }

    private static Proposal? Propose(IInvocationOperation invocation, StringMethod method, OriginSubject subject, string text, IOperation textOperation)
    {
        IOperation check = invocation;
        if (method == StringMethod.IndexOf)
        {
            // Only `IndexOf(...) >= 0` (or `!= -1`, `> -1`) is a containment check; `== 0` is a StartsWith.
            if (invocation.ParentSkippingConversions() is not IBinaryOperation comparison || comparison.LeftOperand.WalkDownConversions() != invocation)
            {
                return null;
            }

            check = comparison;
            method = comparison.OperatorKind == BinaryOperatorKind.Equals ? StringMethod.StartsWith : StringMethod.Contains;
        }

        var candidates = method switch
        {
            StringMethod.EndsWith => OriginCandidates.ForEndsWith(text, subject),
            StringMethod.StartsWith => OriginCandidates.ForStartsWith(text, subject),
            _ => OriginCandidates.ForContains(text, subject),
        };
        return candidates.IsEmpty ? null : new Proposal(check, subject, textOperation, candidates);
    }

    private static OriginSubject? Subject(IOperation value, OriginCheckEvaluator probe) => probe.Text(value) switch
    {
        Probe => OriginSubject.Origin,
        ProbeHost => OriginSubject.Host,
        _ => null,
    };
}
