using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>
/// <c>string.Split</c> on a text we know (a comma-joined origin list from configuration): the separators and options a
/// call passes, read from its constant arguments, and the parts the runtime returns for them, with their offsets, so
/// that each part is judged at its own column in the settings file.
/// </summary>
internal static class StringSplit
{
    private const int RemoveEmptyEntries = 1;

    private const int TrimEntries = 2;

    /// <summary>The separators and <c>StringSplitOptions</c> of <paramref name="split"/>; false when one is not a constant.</summary>
    public static bool TryReadSeparators(IInvocationOperation split, out List<string> separators, out int options)
    {
        separators = new List<string>();
        options = 0;
        foreach (var argument in split.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }

            var value = argument.Value.WalkDownConversions();
            switch (parameter.Type)
            {
                case { SpecialType: SpecialType.System_Char or SpecialType.System_String }:
                    if (!AddSeparator(argument.Value, separators))
                    {
                        return false;
                    }

                    break;

                case IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_String }:
                    if (value is not IArrayCreationOperation { Initializer: { } initializer })
                    {
                        return false;
                    }

                    foreach (var element in initializer.ElementValues)
                    {
                        if (!AddSeparator(element, separators))
                        {
                            return false;
                        }
                    }

                    break;

                case { TypeKind: TypeKind.Enum } when argument.Value.ConstantValue is { HasValue: true, Value: int flags }:
                    options = flags;
                    break;

                default:
                    // A count, or options we cannot read.
                    return false;
            }
        }

        // Split() and Split(null) split on whitespace: not a list of origins.
        return separators.Count > 0;
    }

    private static bool AddSeparator(IOperation separator, List<string> separators)
    {
        switch (separator.ConstantValue)
        {
            case { HasValue: true, Value: char c }:
                separators.Add(c.ToString());
                return true;
            case { HasValue: true, Value: string { Length: > 0 } text }:
                separators.Add(text);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The parts <c>text.Split(separators, options)</c> returns, each with its offset in <paramref name="text"/>.</summary>
    public static List<(string Part, int Offset)> Parts(string text, List<string> separators, int options)
    {
        var parts = new List<(string, int)>();
        var start = 0;
        var position = 0;
        while (position <= text.Length)
        {
            var separator = position < text.Length ? SeparatorAt(text, position, separators) : 0;
            if (position < text.Length && separator == 0)
            {
                position++;
                continue;
            }

            var partStart = start;
            var partEnd = position;
            if ((options & TrimEntries) != 0)
            {
                while (partStart < partEnd && char.IsWhiteSpace(text[partStart]))
                {
                    partStart++;
                }

                while (partEnd > partStart && char.IsWhiteSpace(text[partEnd - 1]))
                {
                    partEnd--;
                }
            }

            if (partEnd > partStart || (options & RemoveEmptyEntries) == 0)
            {
                parts.Add((text.Substring(partStart, partEnd - partStart), partStart));
            }

            if (position == text.Length)
            {
                break;
            }

            position += separator;
            start = position;
        }

        return parts;
    }

    /// <summary>The length of the separator at <paramref name="position"/>, 0 when none starts there.</summary>
    private static int SeparatorAt(string text, int position, List<string> separators)
    {
        foreach (var separator in separators)
        {
            if (string.CompareOrdinal(text, position, separator, 0, separator.Length) == 0)
            {
                return separator.Length;
            }
        }

        return 0;
    }
}
