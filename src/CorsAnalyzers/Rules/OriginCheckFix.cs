using System;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Rules;

/// <summary>
/// What the CORS013 fix rewrites, passed in <see cref="Diagnostic.Properties"/>; the literal to edit is the diagnostic's
/// first additional location (the text of <c>EndsWith(...)</c>, or the pattern).
/// </summary>
public static class OriginCheckFix
{
    public const string KindKey = "OriginCheckFix";

    /// <summary>
    /// <c>x.EndsWith("contoso.com")</c> -&gt; <c>(x.EndsWith(".contoso.com") || x.EndsWith("://contoso.com"))</c> on an origin, or
    /// <c>(x.EndsWith(".contoso.com") || x == "contoso.com")</c> on a host: the same hosts as before (the domain and its
    /// subdomains), without the attackers' look-alikes.
    /// </summary>
    public const string RequireDot = nameof(RequireDot);

    /// <summary>Replace the pattern literal with the value under <see cref="PatternKey"/>: anchored, dots escaped.</summary>
    public const string AnchorPattern = nameof(AnchorPattern);

    /// <summary>For <see cref="RequireDot"/>: <c>Origin</c> or <c>Host</c>.</summary>
    public const string SubjectKey = "OriginSubject";

    public const string PatternKey = "Pattern";

    internal static ImmutableDictionary<string, string?> For(WeakOriginCheck check, OriginCheckSymbols symbols)
    {
        var none = ImmutableDictionary<string, string?>.Empty;
        if (check.Text is not ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal
            || literal.Syntax.SyntaxTree != check.Check.Syntax.SyntaxTree || !literal.Syntax.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return none;
        }

        switch (check.Kind)
        {
            // The text written at the check, not an element of a list it runs over (`suffixes.Any(s => origin.EndsWith(s))`).
            case WeakCheckKind.EndsWithoutDot when check.Check is IInvocationOperation { Arguments.Length: 1 or 2 } endsWith
                && endsWith.Arguments[0].Value.WalkDownConversions() == check.Text
                && (endsWith.Arguments.Length == 1 || SymbolEqualityComparer.Default.Equals(endsWith.Arguments[1].Parameter?.Type, symbols.StringComparison)):
                return none.Add(KindKey, RequireDot).Add(SubjectKey, check.Subject.ToString());

            case WeakCheckKind.PatternOpenAtEnd or WeakCheckKind.PatternOpenAtStart or WeakCheckKind.PatternUnescapedDot
                when check.Check is IInvocationOperation isMatch && Harden(text) is { } hardened
                    && OriginPatterns.TryGetPattern(isMatch, symbols, out _, out var options) && !Accepts(hardened, options, check):
                return none.Add(KindKey, AnchorPattern).Add(PatternKey, hardened);

            default:
                return none;
        }
    }

    /// <summary><c>^</c> and <c>$</c> around the pattern (a group around an alternation), and every lone <c>.</c> escaped.</summary>
    private static string? Harden(string pattern)
    {
        var body = new StringBuilder(pattern.Length + 8);
        var inClass = false;
        var alternation = false;
        var depth = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                body.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                alternation = true;
            }
            else if (c == '.' && (i + 1 >= pattern.Length || pattern[i + 1] is not ('*' or '+' or '?' or '{')))
            {
                body.Append('\\');
            }

            body.Append(c);
        }

        // A pattern open at the start keeps its meaning anchored only when it starts with the scheme: anchoring
        // `contoso\.com$` would drop the subdomains it meant to allow along with the look-alikes, so it gets no fix.
        var text = body.ToString();
        if (alternation)
        {
            return text.StartsWith("^", StringComparison.Ordinal) || text.EndsWith("$", StringComparison.Ordinal) || !EveryBranchStartsWithScheme(text)
                ? null
                : "^(?:" + text + ")$";
        }

        if (!text.StartsWith("^", StringComparison.Ordinal) && !text.StartsWith("\\A", StringComparison.Ordinal))
        {
            if (!text.StartsWith("http", StringComparison.Ordinal))
            {
                return null;
            }

            text = "^" + text;
        }

        if (!text.EndsWith("$", StringComparison.Ordinal) && !text.EndsWith("\\z", StringComparison.Ordinal))
        {
            text += "$";
        }

        return text == pattern ? null : text;
    }

    private static bool EveryBranchStartsWithScheme(string alternation)
    {
        foreach (var branch in alternation.Split('|'))
        {
            if (!branch.StartsWith("http", StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the hardened pattern still accepts the attacker's origin (then the fix would not fix, and is not offered).</summary>
    private static bool Accepts(string pattern, RegexOptions options, WeakOriginCheck check)
    {
        var input = check.Subject == OriginSubject.Host && Uri.TryCreate(check.PassingOrigin, UriKind.Absolute, out var uri) ? uri.Host : check.PassingOrigin;
        try
        {
            return Regex.IsMatch(input, pattern, options, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
