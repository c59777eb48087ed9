using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Configuration;

/// <summary>One leaf of a JSON settings file, flattened as ASP.NET Core flattens it: <c>Cors:Origins:0</c>.</summary>
/// <remarks>
/// A class, not a struct: the lists and dictionaries of leaves are then the framework's shared code for reference types,
/// precompiled, where a struct made the JIT compile List and Dictionary for it in every build (30 methods).
/// </remarks>
internal sealed class JsonLeaf
{
    public JsonLeaf(string key, string? value, TextSpan span, bool isString, bool hasEscapes)
    {
        Key = key;
        Value = value;
        Span = span;
        IsString = isString;
        HasEscapes = hasEscapes;
    }

    public string Key { get; }

    /// <summary>The value as ASP.NET Core's JSON provider stores it (numbers and booleans as written); null for JSON <c>null</c>.</summary>
    public string? Value { get; }

    /// <summary>The value's token in the file, quotes included for a string.</summary>
    public TextSpan Span { get; }

    public bool IsString { get; }

    /// <summary>The string is written with escapes, so offsets in <see cref="Value"/> are not offsets in the file.</summary>
    public bool HasEscapes { get; }
}

/// <summary>
/// Reads a JSON settings file into the keys ASP.NET Core's JSON configuration provider makes of it (objects as
/// <c>Parent:Child</c>, arrays as <c>Key:0</c>, <c>Key:1</c>), with the span of each value. It accepts what that provider
/// accepts (<c>//</c> and <c>/* */</c> comments, trailing commas) and returns null for anything it rejects (a syntax error,
/// a top-level value that is not an object, a key written twice): ASP.NET Core fails to start on such a file, and we say
/// nothing about it.
/// </summary>
/// <remarks>
/// Our own reader, not System.Text.Json: an analyzer is loaded by every compiler host (csc on .NET Framework in Visual
/// Studio and MSBuild.exe, the .NET SDK's csc, OmniSharp, csharp-ls) and may depend only on what each host ships beside
/// Roslyn 4.8. System.Text.Json is not among the assemblies every host provides (an analyzer that references a version the
/// host lacks fails to load, with CS8032 or AD0001), and shipping our copy next to the analyzer conflicts with the host's
/// own. Settings files are small; this reader allocates one string per key and value.
/// </remarks>
internal sealed class JsonSettingsReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private readonly List<JsonLeaf> _leaves = new();
    private readonly HashSet<string> _keys = new(StringComparer.OrdinalIgnoreCase);
    private readonly StringBuilder _buffer = new();
    private int _position;

    private JsonSettingsReader(string text) => _text = text;

    /// <summary>The leaves of <paramref name="text"/> in file order, or null when ASP.NET Core would reject the file.</summary>
    public static IReadOnlyList<JsonLeaf>? Read(string text)
    {
        var reader = new JsonSettingsReader(text);
        try
        {
            reader.SkipTrivia();
            if (!reader.Peek('{') || !reader.ReadValue(prefix: null, depth: 0))
            {
                return null;
            }

            reader.SkipTrivia();
            return reader._position == text.Length ? reader._leaves : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool Peek(char c) => _position < _text.Length && _text[_position] == c;

    private bool ReadValue(string? prefix, int depth)
    {
        if (depth > MaxDepth || _position >= _text.Length)
        {
            return false;
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ReadObject(prefix, depth);
            case '[':
                return ReadArray(prefix, depth);
            case '"':
                var hasEscapes = false;
                if (ReadString(ref hasEscapes) is not { } text)
                {
                    return false;
                }

                return AddLeaf(prefix, text, TextSpan.FromBounds(start, _position), isString: true, hasEscapes);
            default:
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
                {
                    _position++;
                }

                var literal = _text.Substring(start, _position - start);
                if (!IsLiteral(literal))
                {
                    return false;
                }

                // As ASP.NET Core stores them: booleans as bool.ToString() ("True"), numbers as written, null as no value.
                var value = literal switch
                {
                    "null" => null,
                    "true" => "True",
                    "false" => "False",
                    _ => literal,
                };
                return AddLeaf(prefix, value, TextSpan.FromBounds(start, _position), isString: false, hasEscapes: false);
        }
    }

    private bool ReadObject(string? prefix, int depth)
    {
        _position++;
        var empty = true;
        while (true)
        {
            SkipTrivia();
            if (Peek('}'))
            {
                _position++;
                return !empty || prefix is null || AddLeaf(prefix, null, default, isString: false, hasEscapes: false);
            }

            if (!Peek('"'))
            {
                return false;
            }

            var hasEscapes = false;
            if (ReadString(ref hasEscapes) is not { } name)
            {
                return false;
            }

            SkipTrivia();
            if (!Peek(':'))
            {
                return false;
            }

            _position++;
            SkipTrivia();
            if (!ReadValue(prefix is null ? name : prefix + ":" + name, depth + 1))
            {
                return false;
            }

            empty = false;
            if (!SkipComma('}'))
            {
                return false;
            }
        }
    }

    private bool ReadArray(string? prefix, int depth)
    {
        _position++;
        var index = 0;
        while (true)
        {
            SkipTrivia();
            if (Peek(']'))
            {
                _position++;
                return index > 0 || AddLeaf(prefix!, null, default, isString: false, hasEscapes: false);
            }

            if (!ReadValue(prefix + ":" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), depth + 1))
            {
                return false;
            }

            index++;
            if (!SkipComma(']'))
            {
                return false;
            }
        }
    }

    /// <summary>After a member or element: a comma (a trailing one too), or the closing bracket.</summary>
    private bool SkipComma(char close)
    {
        SkipTrivia();
        if (Peek(','))
        {
            _position++;
            return true;
        }

        return Peek(close);
    }

    private bool AddLeaf(string? key, string? value, TextSpan span, bool isString, bool hasEscapes)
    {
        if (key is null || !_keys.Add(key))
        {
            // ASP.NET Core: "A duplicate key '...' was found." The app does not start.
            return false;
        }

        _leaves.Add(new JsonLeaf(key, value, span, isString, hasEscapes));
        return true;
    }

    private string? ReadString(ref bool hasEscapes)
    {
        _position++;
        _buffer.Clear();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            switch (c)
            {
                case '"':
                    return _buffer.ToString();
                case '\\':
                    hasEscapes = true;
                    if (_position >= _text.Length)
                    {
                        return null;
                    }

                    var escaped = _text[_position++];
                    switch (escaped)
                    {
                        case '"' or '\\' or '/':
                            _buffer.Append(escaped);
                            break;
                        case 'b':
                            _buffer.Append('\b');
                            break;
                        case 'f':
                            _buffer.Append('\f');
                            break;
                        case 'n':
                            _buffer.Append('\n');
                            break;
                        case 'r':
                            _buffer.Append('\r');
                            break;
                        case 't':
                            _buffer.Append('\t');
                            break;
                        case 'u' when _position + 4 <= _text.Length
                            && int.TryParse(_text.Substring(_position, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var code):
                            _buffer.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            return null;
                    }

                    break;
                case < ' ':
                    // JSON strings hold no raw control characters (a line break inside quotes is an error).
                    return null;
                default:
                    _buffer.Append(c);
                    break;
            }
        }

        return null;
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n' || (c == '\uFEFF' && _position == 0))
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] is not '\n' and not '\r')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("Unterminated comment.");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private static bool IsLiteral(string text)
    {
        if (text is "true" or "false" or "null")
        {
            return true;
        }

        // A JSON number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !IsDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (i >= text.Length || !IsDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (i >= text.Length || !IsDigit(text[i]))
            {
                return false;
            }

            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        return i == text.Length;
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
