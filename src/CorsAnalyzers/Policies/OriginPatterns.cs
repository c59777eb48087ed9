using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// The regular expressions of origin checks: where a pattern comes from (<c>Regex.IsMatch(origin, "...")</c>,
/// <c>new Regex("...")</c> in a local or field, a <c>[GeneratedRegex("...")]</c> method), and a text the pattern was
/// written to accept (the benign sample from which the attackers' candidates are made).
/// </summary>
internal static class OriginPatterns
{
    private const int MaxDepth = 4;
    private const int MaxSampleLength = 256;

    /// <summary>The constant pattern and options of an <c>IsMatch</c> call, static or on a <c>Regex</c> we can trace.</summary>
    public static bool TryGetPattern(IInvocationOperation isMatch, OriginCheckSymbols symbols, out string pattern, out RegexOptions options)
    {
        if (isMatch.Instance is null)
        {
            // Regex.IsMatch(input, pattern[, options[, timeout]])
            options = isMatch.Arguments.Length > 2 ? Options(isMatch.Arguments[2].Value) ?? (RegexOptions)(-1) : RegexOptions.None;
            pattern = isMatch.Arguments.Length > 1 ? ValueReader.ReadString(isMatch.Arguments[1].Value)! : null!;
            return pattern is not null && options != (RegexOptions)(-1);
        }

        return TryGetInstancePattern(isMatch.Instance, symbols, out pattern, out options, 0);
    }

    /// <summary>The operation that holds the pattern text (for a fix), when it is a literal argument of the call or of <c>new Regex(...)</c>.</summary>
    public static IOperation? PatternOperation(IInvocationOperation isMatch, OriginCheckSymbols symbols)
    {
        if (isMatch.Instance is null)
        {
            return isMatch.Arguments.Length > 1 ? isMatch.Arguments[1].Value.WalkDownConversions() : null;
        }

        var instance = isMatch.Instance.WalkDownConversions();
        if (instance is ILocalReferenceOperation or IFieldReferenceOperation)
        {
            instance = instance is ILocalReferenceOperation local
                ? SourceBodies.GetInitializer(local.Local, instance.SemanticModel)?.WalkDownConversions()!
                : SourceBodies.GetInitializer(((IFieldReferenceOperation)instance).Field, instance.SemanticModel)?.WalkDownConversions()!;
        }

        return instance is IObjectCreationOperation creation && symbols.IsRegex(creation.Type) && creation.Arguments.Length > 0
            ? creation.Arguments[0].Value.WalkDownConversions()
            : null;
    }

    /// <summary>
    /// A text the pattern matches, read from it as its author meant it: escapes unescaped, a lone <c>.</c> as a dot, the first
    /// branch of an alternation, one repetition, the first character of a class. Null for constructs it does not read
    /// (look-arounds, back-references, negated classes) or when the real engine does not match the result.
    /// </summary>
    public static string? Sample(string pattern, RegexOptions options)
    {
        var builder = new StringBuilder();
        var index = 0;
        if (!AppendSequence(pattern, ref index, builder, 0) || index != pattern.Length || builder.Length > MaxSampleLength)
        {
            return null;
        }

        var sample = builder.ToString();
        try
        {
            return Regex.IsMatch(sample, pattern, options, System.TimeSpan.FromMilliseconds(100)) ? sample : null;
        }
        catch (System.ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool TryGetInstancePattern(IOperation instance, OriginCheckSymbols symbols, out string pattern, out RegexOptions options, int depth)
    {
        pattern = null!;
        options = RegexOptions.None;
        instance = instance.WalkDownConversions();
        switch (instance)
        {
            case IObjectCreationOperation creation when symbols.IsRegex(creation.Type) && creation.Arguments.Length > 0:
                var creationOptions = creation.Arguments.Length > 1 ? Options(creation.Arguments[1].Value) : RegexOptions.None;
                pattern = ValueReader.ReadString(creation.Arguments[0].Value)!;
                options = creationOptions ?? RegexOptions.None;
                return pattern is not null && creationOptions is not null;

            case IInvocationOperation { Arguments.Length: 0 } call when symbols.GetGeneratedPattern(call.TargetMethod, out options) is { } generated:
                pattern = generated;
                return true;

            case ILocalReferenceOperation { Local: var local } when depth < MaxDepth && SourceBodies.GetInitializer(local, instance.SemanticModel) is { } value:
                return TryGetInstancePattern(value, symbols, out pattern, out options, depth + 1);

            case IFieldReferenceOperation { Field: { IsReadOnly: true } field } when depth < MaxDepth && SourceBodies.GetInitializer(field, instance.SemanticModel) is { } value:
                return TryGetInstancePattern(value, symbols, out pattern, out options, depth + 1);

            default:
                return false;
        }
    }

    private static RegexOptions? Options(IOperation value)
        => value.WalkDownConversions().ConstantValue is { HasValue: true, Value: int flags } ? (RegexOptions)flags : null;

    /// <summary>A sequence up to the end, a <c>)</c> or a <c>|</c>; at a <c>|</c> the rest of the alternation is skipped.</summary>
    private static bool AppendSequence(string pattern, ref int index, StringBuilder builder, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        while (index < pattern.Length && pattern[index] != ')')
        {
            if (pattern[index] == '|')
            {
                return SkipAlternatives(pattern, ref index);
            }

            var start = builder.Length;
            if (!AppendAtom(pattern, ref index, builder, depth, out var isWildcard))
            {
                return false;
            }

            if (!ApplyQuantifier(pattern, ref index, builder, start, isWildcard))
            {
                return false;
            }
        }

        return true;
    }

    private static bool AppendAtom(string pattern, ref int index, StringBuilder builder, int depth, out bool isWildcard)
    {
        isWildcard = false;
        var c = pattern[index++];
        switch (c)
        {
            case '^' or '$':
                return true;
            case '.':
                isWildcard = true;
                builder.Append('.');
                return true;
            case '\\':
                return AppendEscape(pattern, ref index, builder);
            case '[':
                return AppendClass(pattern, ref index, builder);
            case '(':
                if (index < pattern.Length && pattern[index] == '?')
                {
                    // (?:...) and (?<name>...) are groups; look-arounds and inline options are not read.
                    if (index + 1 < pattern.Length && pattern[index + 1] == ':')
                    {
                        index += 2;
                    }
                    else if (index + 1 < pattern.Length && pattern[index + 1] == '<' && index + 2 < pattern.Length && char.IsLetter(pattern[index + 2]))
                    {
                        var close = pattern.IndexOf('>', index);
                        if (close < 0)
                        {
                            return false;
                        }

                        index = close + 1;
                    }
                    else
                    {
                        return false;
                    }
                }

                if (!AppendSequence(pattern, ref index, builder, depth + 1) || index >= pattern.Length || pattern[index] != ')')
                {
                    return false;
                }

                index++;
                return true;
            case '*' or '+' or '?' or '{' or ')' or '|':
                return false;
            default:
                builder.Append(c);
                return true;
        }
    }

    private static bool AppendEscape(string pattern, ref int index, StringBuilder builder)
    {
        if (index >= pattern.Length)
        {
            return false;
        }

        var c = pattern[index++];
        switch (c)
        {
            case 'A' or 'z' or 'Z' or 'b':
                return true;
            case 'd':
                builder.Append('0');
                return true;
            case 'w':
                builder.Append('a');
                return true;
            default:
                if (char.IsLetterOrDigit(c))
                {
                    return false;
                }

                builder.Append(c);
                return true;
        }
    }

    private static bool AppendClass(string pattern, ref int index, StringBuilder builder)
    {
        if (index >= pattern.Length || pattern[index] == '^')
        {
            return false;
        }

        var first = pattern[index] == '\\' && index + 1 < pattern.Length ? pattern[index + 1] : pattern[index];
        if (pattern[index] == '\\' && char.IsLetterOrDigit(first))
        {
            first = first == 'd' ? '0' : first == 'w' ? 'a' : '\0';
        }

        var close = pattern.IndexOf(']', index + 1);
        if (close < 0 || first == '\0')
        {
            return false;
        }

        builder.Append(first);
        index = close + 1;
        return true;
    }

    /// <summary>
    /// <c>?</c> and <c>*</c> keep the one copy, <c>+</c> and <c>{n,m}</c> keep n (at least one); a repeated wildcard is a letter,
    /// not a dot, so that <c>.*</c> in a host reads as a label.
    /// </summary>
    private static bool ApplyQuantifier(string pattern, ref int index, StringBuilder builder, int start, bool isWildcard)
    {
        if (index >= pattern.Length || pattern[index] is not ('*' or '+' or '?' or '{'))
        {
            return true;
        }

        var copies = 1;
        if (pattern[index] == '{')
        {
            var close = pattern.IndexOf('}', index);
            var comma = close < 0 ? -1 : pattern.IndexOf(',', index, close - index);
            var countText = close < 0 ? null : pattern.Substring(index + 1, (comma < 0 ? close : comma) - index - 1);
            if (countText is null || !int.TryParse(countText, out copies) || copies > 8)
            {
                return false;
            }

            copies = copies == 0 ? 1 : copies;
            index = close + 1;
        }
        else
        {
            index++;
        }

        if (index < pattern.Length && pattern[index] is '?' or '+')
        {
            index++;
        }

        if (isWildcard && builder.Length == start + 1)
        {
            builder[start] = 'a';
        }

        var atom = builder.ToString(start, builder.Length - start);
        for (var i = 1; i < copies; i++)
        {
            builder.Append(atom);
        }

        return true;
    }

    private static bool SkipAlternatives(string pattern, ref int index)
    {
        var nesting = 0;
        for (; index < pattern.Length; index++)
        {
            switch (pattern[index])
            {
                case '\\':
                    index++;
                    break;
                case '[':
                    var close = pattern.IndexOf(']', index + 1);
                    if (close < 0)
                    {
                        return false;
                    }

                    index = close;
                    break;
                case '(':
                    nesting++;
                    break;
                case ')' when nesting == 0:
                    return true;
                case ')':
                    nesting--;
                    break;
            }
        }

        return true;
    }
}
