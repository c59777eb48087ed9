using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A diagnostic as a language server reports it: a range of zero-based lines and UTF-16 characters (end exclusive), the
/// rule ID and the LSP severity (1 error, 2 warning, 3 information, 4 hint).
/// </summary>
public sealed record LspDiagnostic(int Line, int Character, int EndLine, int EndCharacter, string Code, int Severity, string Message)
{
    public const int Error = 1;
    public const int Warning = 2;

    /// <summary>Where and what, without the message: what the tests compare.</summary>
    public string Key => $"({Line},{Character})-({EndLine},{EndCharacter}): {Code} severity {Severity}";

    /// <summary>The same diagnostic as <see cref="BuildDiagnostic.Key"/> writes it: one-based line and column, MSBuild's severity word.</summary>
    public string BuildKey(string file) => $"{file}({Line + 1},{Character + 1}): {SeverityWord} {Code}";

    private string SeverityWord => Severity switch
    {
        Error => "error",
        Warning => "warning",
        _ => $"severity{Severity}",
    };

    /// <summary>The <c>Diagnostic[]</c> of a diagnostic report or a publishDiagnostics notification.</summary>
    public static IReadOnlyList<LspDiagnostic> ParseAll(JsonElement items)
        => items.EnumerateArray().Select(Parse).ToList();

    private static LspDiagnostic Parse(JsonElement item)
    {
        var range = item.GetProperty("range");
        var start = range.GetProperty("start");
        var end = range.GetProperty("end");
        var code = item.TryGetProperty("code", out var c) ? c.ToString() : "";
        var severity = item.TryGetProperty("severity", out var s) ? s.GetInt32() : 0;
        return new LspDiagnostic(
            start.GetProperty("line").GetInt32(),
            start.GetProperty("character").GetInt32(),
            end.GetProperty("line").GetInt32(),
            end.GetProperty("character").GetInt32(),
            code,
            severity,
            item.GetProperty("message").GetString() ?? "");
    }

    public override string ToString() => Key;
}
