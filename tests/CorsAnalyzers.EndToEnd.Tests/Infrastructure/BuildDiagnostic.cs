using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>A diagnostic as MSBuild prints it: <c>path(line,column): error CORS001: message (help link) [project]</c>.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error) (?<id>[A-Za-z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?\s*$",
        RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>Where and what, without the message: what the tests compare.</summary>
    public string Key => $"{File}({Line},{Column}): {Severity} {Id}";

    public static IReadOnlyList<BuildDiagnostic> Parse(string output, string idPrefix)
        => Pattern.Matches(output)
            .Select(match => new BuildDiagnostic(
                match.Groups["file"].Value,
                int.Parse(match.Groups["line"].Value),
                int.Parse(match.Groups["column"].Value),
                match.Groups["severity"].Value,
                match.Groups["id"].Value,
                match.Groups["message"].Value))
            .Where(diagnostic => diagnostic.Id.StartsWith(idPrefix, StringComparison.Ordinal))
            .DistinctBy(diagnostic => diagnostic.Key)
            .ToList();

    public override string ToString() => Key;
}
