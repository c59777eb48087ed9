using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary><c>-p:ErrorLog=out.sarif</c> (what CI code-scanning uploads) carries each result's rule ID, span and help URI.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class SarifTests
{
    private const string HelpLinkBase = "https://github.com/CorsAnalyzers/CorsAnalyzers/blob/main/docs/rules/";

    private readonly PackageFeed _feed;

    public SarifTests(PackageFeed feed) => _feed = feed;

    [Theory]
    [InlineData("out.sarif", "1.0.0")]
    [InlineData("out.sarif%2Cversion%3D2.1", "2.1.0")]
    public async Task ErrorLog_CarriesRuleIdsSpansAndHelpUris(string errorLog, string sarifVersion)
    {
        var source = AppSource.Create(Hosting.Minimal, Enumerable.Empty<Snippet>(), Mistakes.All);
        var app = _feed.CreateApp("Sarif").WithFiles(source.Files);

        var build = await app.BuildAsync("-p:ErrorLog=" + errorLog);

        var logPath = Path.Combine(app.Directory, "out.sarif");
        Assert.True(File.Exists(logPath), build.ToString());
        using var log = JsonDocument.Parse(File.ReadAllText(logPath));
        Assert.Equal(sarifVersion, log.RootElement.GetProperty("version").GetString());
        var run = log.RootElement.GetProperty("runs")[0];
        var results = Results(run, sarifVersion).Where(result => result.RuleId.StartsWith("CORS", StringComparison.Ordinal)).ToList();

        var expected = source.Expected
            .Select(e => $"{e.Id} {e.File}({e.Line},{e.Column})-({e.EndLine},{e.EndColumn})")
            .OrderBy(text => text, StringComparer.Ordinal);
        var actual = results
            .Select(r => $"{r.RuleId} {Path.GetFileName(new Uri(r.Uri).LocalPath)}({r.StartLine},{r.StartColumn})-({r.EndLine},{r.EndColumn})")
            .OrderBy(text => text, StringComparer.Ordinal);
        Assert.Equal(expected, actual);

        var helpUris = HelpUris(run, sarifVersion);
        foreach (var id in results.Select(result => result.RuleId).Distinct())
        {
            // One ID may have several descriptors (one per message, CORS011): SARIF 2.1 lists each, all with the same link.
            Assert.Contains(helpUris, rule => rule.Id == id);
            Assert.All(helpUris.Where(rule => rule.Id == id), rule => Assert.Equal(HelpLinkBase + id + ".md", rule.HelpUri));
        }
    }

    private sealed record Result(string RuleId, string Uri, int StartLine, int StartColumn, int EndLine, int EndColumn);

    private static IEnumerable<Result> Results(JsonElement run, string sarifVersion)
    {
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var location = result.GetProperty("locations")[0];
            var (file, uri) = sarifVersion == "1.0.0"
                ? (location.GetProperty("resultFile"), "uri")
                : (location.GetProperty("physicalLocation"), "artifactLocation");
            var region = file.GetProperty("region");
            yield return new Result(
                result.GetProperty("ruleId").GetString()!,
                sarifVersion == "1.0.0" ? file.GetProperty(uri).GetString()! : file.GetProperty(uri).GetProperty("uri").GetString()!,
                region.GetProperty("startLine").GetInt32(),
                region.GetProperty("startColumn").GetInt32(),
                region.GetProperty("endLine").GetInt32(),
                region.GetProperty("endColumn").GetInt32());
        }
    }

    /// <summary>Each rule's ID and help URI: SARIF 1.0 keeps rules in a dictionary, 2.1 in the driver's array.</summary>
    private static List<(string Id, string HelpUri)> HelpUris(JsonElement run, string sarifVersion)
        => sarifVersion == "1.0.0"
            ? run.GetProperty("rules").EnumerateObject().Select(rule => (
                rule.Value.TryGetProperty("id", out var id) ? id.GetString()! : rule.Name,
                rule.Value.TryGetProperty("helpUri", out var uri) ? uri.GetString()! : "")).ToList()
            : run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(rule => (
                rule.GetProperty("id").GetString()!,
                rule.TryGetProperty("helpUri", out var uri) ? uri.GetString()! : "")).ToList();
}
