using System;
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
    /// a check is reported when the condition is definitely true for an origin an attacker can own.
    /// </summary>
    public static ImmutableArray<WeakOriginCheck> InCondition(IOperation condition, OriginValue origin, OriginCheckSymbols symbols)
        => Find(condition, origin, symbols, isBody: false);

    private static ImmutableArray<WeakOriginCheck> Find(IOperation scope, OriginValue origin, OriginCheckSymbols symbols, bool isBody)
    {
        ImmutableArray<WeakOriginCheck>.Builder? found = null;
        var probe = new OriginCheckEvaluator(symbols, origin, Probe);
        foreach (var operation in scope.DescendantsAndSelf())
        {
            if (operation is not IInvocationOperation invocation || Propose(invocation, probe, symbols) is not { } proposal)
            {
                continue;
            }

            foreach (var candidate in proposal.Candidates)
            {
                var evaluator = new OriginCheckEvaluator(symbols, origin, candidate.Origin);
                if ((isBody ? evaluator.Returns(scope) : evaluator.Evaluate(scope)) == true)
                {
                    (found ??= ImmutableArray.CreateBuilder<WeakOriginCheck>()).Add(
                        new WeakOriginCheck(proposal.Check, candidate.Kind, proposal.Subject, candidate.Origin, proposal.Text));
                    break;
                }
            }
        }

        return found?.ToImmutable() ?? ImmutableArray<WeakOriginCheck>.Empty;
    }

    private sealed class Proposal
    {
        public Proposal(IOperation check, OriginSubject subject, IOperation? text, ImmutableArray<Candidate> candidates)
        {
            Check = check;
            Subject = subject;
            Text = text;
            Candidates = candidates;
        }

        public IOperation Check { get; }

        public OriginSubject Subject { get; }

        public IOperation? Text { get; }

        public ImmutableArray<Candidate> Candidates { get; }
    }

    private readonly struct Candidate
    {
        public Candidate(WeakCheckKind kind, string origin)
        {
            Kind = kind;
            Origin = origin;
        }

        public WeakCheckKind Kind { get; }

        public string Origin { get; }
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

            return new Proposal(invocation, patternSubject, OriginPatterns.PatternOperation(invocation, symbols), PatternCandidates(sample));
        }

        var method = symbols.GetStringMethod(invocation.TargetMethod);
        if (method is not (StringMethod.EndsWith or StringMethod.StartsWith or StringMethod.Contains or StringMethod.IndexOf)
            || invocation.Instance is null || invocation.Arguments.Length == 0
            || !symbols.IsString(invocation.Arguments[0].Value.WalkDownConversions().Type)
            || Subject(invocation.Instance, probe) is not { } subject
            || ValueReader.ReadString(invocation.Arguments[0].Value) is not { Length: > 0 } text)
        {
            return null;
        }

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
            StringMethod.EndsWith => EndsWithCandidates(text, subject),
            StringMethod.StartsWith => StartsWithCandidates(text, subject),
            _ => ContainsCandidates(text, subject),
        };
        return candidates.IsEmpty ? null : new Proposal(check, subject, invocation.Arguments[0].Value.WalkDownConversions(), candidates);
    }

    private static OriginSubject? Subject(IOperation value, OriginCheckEvaluator probe) => probe.Text(value) switch
    {
        Probe => OriginSubject.Origin,
        ProbeHost => OriginSubject.Host,
        _ => null,
    };

    private static ImmutableArray<Candidate> EndsWithCandidates(string text, OriginSubject subject)
    {
        // A leading dot (".contoso.com") or a scheme ("://contoso.com") ends the domain: only its own hosts pass.
        if (text[0] is '.' or '/' || text.Contains("://"))
        {
            return ImmutableArray<Candidate>.Empty;
        }

        var origin = text[0] == ':' && subject == OriginSubject.Origin ? "https://evil.example" + text : "https://evil" + text;
        return Single(WeakCheckKind.EndsWithoutDot, origin, OwnerOf(text));
    }

    private static ImmutableArray<Candidate> StartsWithCandidates(string text, OriginSubject subject)
    {
        var host = text;
        var prefix = "https://";
        if (subject == OriginSubject.Origin)
        {
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return ImmutableArray<Candidate>.Empty;
            }

            host = text.Substring(scheme + 3);
            prefix = text.Substring(0, scheme + 3);
        }

        if (host.IndexOf(':') >= 0 || host.IndexOf('/') >= 0)
        {
            return ImmutableArray<Candidate>.Empty;
        }

        return Single(WeakCheckKind.StartsWithoutEnd, prefix + Extend(host), OwnerOf(host));
    }

    private static ImmutableArray<Candidate> ContainsCandidates(string text, OriginSubject subject)
    {
        if (subject == OriginSubject.Origin && text.Contains("://"))
        {
            var candidates = StartsWithCandidates(text, subject);
            return candidates.IsEmpty ? candidates : ImmutableArray.Create(new Candidate(WeakCheckKind.ContainsAnywhere, candidates[0].Origin));
        }

        var owner = OwnerOf(text.Trim('.'));
        var builder = ImmutableArray.CreateBuilder<Candidate>(2);
        Add(builder, WeakCheckKind.ContainsAnywhere, "https://" + (text[0] == '.' ? "evil" + text : text) + (text[text.Length - 1] == '.' ? "evil.io" : ".evil.io"), owner);
        Add(builder, WeakCheckKind.ContainsAnywhere, "https://evil" + text, owner);
        return builder.ToImmutable();
    }

    /// <summary>From a text the pattern was written to accept: the host going on, text before it, each inner dot as another letter.</summary>
    private static ImmutableArray<Candidate> PatternCandidates(string sample)
    {
        var benign = sample.Contains("://") ? sample : "https://" + (sample.StartsWith(".", StringComparison.Ordinal) ? "app" + sample : sample);
        if (!IsOrigin(benign, out var scheme, out var host, out var port))
        {
            return ImmutableArray<Candidate>.Empty;
        }

        var owner = OwnerOf(host);
        var builder = ImmutableArray.CreateBuilder<Candidate>();
        if (port.Length == 0)
        {
            Add(builder, WeakCheckKind.PatternOpenAtEnd, scheme + "://" + Extend(host), owner);
        }

        Add(builder, WeakCheckKind.PatternOpenAtStart, scheme + "://evil" + host + port, owner);
        for (var dot = host.IndexOf('.'); dot >= 0 && host.IndexOf('.', dot + 1) > 0; dot = host.IndexOf('.', dot + 1))
        {
            Add(builder, WeakCheckKind.PatternUnescapedDot, scheme + "://" + host.Substring(0, dot) + "x" + host.Substring(dot + 1) + port, owner);
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<Candidate> Single(WeakCheckKind kind, string origin, string owner)
    {
        var builder = ImmutableArray.CreateBuilder<Candidate>(1);
        Add(builder, kind, origin, owner);
        return builder.ToImmutable();
    }

    /// <summary>Adds a candidate that is a real origin on a domain other than <paramref name="owner"/> and its subdomains.</summary>
    private static void Add(ImmutableArray<Candidate>.Builder candidates, WeakCheckKind kind, string origin, string owner)
    {
        if (IsOrigin(origin, out _, out var host, out _) && host.IndexOf('.') > 0
            && !string.Equals(host, owner, StringComparison.Ordinal) && !host.EndsWith("." + owner, StringComparison.Ordinal))
        {
            candidates.Add(new Candidate(kind, origin));
        }
    }

    /// <summary>The host made longer with a domain of the attacker's: <c>app.contoso.com</c> -&gt; <c>app.contoso.com.evil.io</c>.</summary>
    private static string Extend(string host)
        => host.Length == 0 ? "evil.example" : host[host.Length - 1] is '.' or '-' ? host + "evil.io" : host + ".evil.io";

    /// <summary>The registrable domain a text names, roughly (its last two labels): the owner's hosts are not an attack.</summary>
    private static string OwnerOf(string text)
    {
        var colon = text.IndexOf(':');
        var host = (colon >= 0 ? text.Substring(0, colon) : text).Trim('.');
        var last = host.LastIndexOf('.');
        var secondLast = last > 0 ? host.LastIndexOf('.', last - 1) : -1;
        return secondLast >= 0 ? host.Substring(secondLast + 1) : host;
    }

    /// <summary>True for an origin as browsers send it: http or https, a lowercase host, an optional port, nothing after.</summary>
    private static bool IsOrigin(string text, out string scheme, out string host, out string port)
    {
        scheme = host = port = string.Empty;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        scheme = uri.Scheme;
        host = uri.Host;
        port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Equals(text, scheme + "://" + host + port, StringComparison.Ordinal);
    }
}
