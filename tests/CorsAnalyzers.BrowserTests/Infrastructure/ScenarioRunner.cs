using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// Runs a <see cref="BrowserScenario"/>: analyzer, then the app on Kestrel with the page loaded from the trusted and
/// the attacker's origin, then the same after the package's code fix. Every server and browser it starts is stopped
/// before it returns, also when an assertion fails.
/// </summary>
public static class ScenarioRunner
{
    public static async Task RunAsync(BrowserScenario scenario, ITestOutputHelper output)
    {
        // Touch the browser first: a missing one fails here, with how to install it.
        _ = Browser.Executable;
        await using var pages = await PageServer.StartAsync();
        var app = ScenarioCompilation.Create(scenario.File, pages.TrustedOrigin, scenario.EditorConfig);

        var diagnostics = await app.AnalyzeAsync();
        output.WriteLine($"diagnostics: {string.Join(Environment.NewLine, diagnostics.Select(diagnostic => diagnostic.Id + ": " + diagnostic.GetMessage()))}");
        if (scenario.Id is null)
        {
            Assert.Empty(diagnostics);
        }
        else
        {
            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(scenario.Id, diagnostic.Id);
            Assert.Equal(Placeholders.Apply(scenario.Message!, pages.TrustedOrigin), diagnostic.GetMessage());
        }

        await AssertBrowserAsync("as written", app, scenario, scenario.Before, pages, output);

        if (scenario.AfterFix is { } afterFix)
        {
            var fixedApp = await app.ApplyFixAsync(scenario.Id!);
            output.WriteLine("fixed Program.cs:" + Environment.NewLine + await fixedApp.GetProgramAsync());
            Assert.Empty(await fixedApp.AnalyzeAsync());
            await AssertBrowserAsync("after the fix", fixedApp, scenario, afterFix, pages, output);
        }
    }

    private static async Task AssertBrowserAsync(string stage, ScenarioCompilation compilation, BrowserScenario scenario, Outcomes expected, PageServer pages, ITestOutputHelper output)
    {
        await using var app = await AppProcess.StartAsync(compilation);
        if (expected.StartupFailure is { } failure)
        {
            Assert.True(app.StartupFailure is not null, $"{stage}: the app was expected to fail at startup, but it listens on {app.Address}.");
            output.WriteLine($"{stage}: the app failed at startup:{Environment.NewLine}{app.StartupFailure}");
            Assert.Contains(failure, app.StartupFailure, StringComparison.Ordinal);
            return;
        }

        Assert.True(app.Address is not null, $"{stage}: the app did not start:{Environment.NewLine}{app.StartupFailure}");
        if (scenario.WarmUp is { } path)
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            using var response = await client.GetAsync(app.Address + path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var runs = new List<(string Origin, IReadOnlyDictionary<string, string> Expected, Task<IReadOnlyDictionary<string, string>> Actual)>();
        if (expected.Trusted is { } trusted)
        {
            runs.Add(("trusted", trusted, Browser.RunPageAsync(PageServer.PageUrl(pages.TrustedOrigin, app.Address!, pauses: scenario.RepeatedPutPauses))));
        }

        if (expected.Attacker is { } attacker)
        {
            runs.Add(("attacker", attacker, Browser.RunPageAsync(PageServer.PageUrl(pages.AttackerOrigin, app.Address!, pauses: scenario.RepeatedPutPauses))));
        }

        if (expected.Sandboxed is { } sandboxed)
        {
            runs.Add(("sandboxed (Origin: null)", sandboxed, Browser.RunPageAsync(PageServer.PageUrl(pages.AttackerOrigin, app.Address!, sandboxed: true))));
        }

        try
        {
            await Task.WhenAll(runs.Select(run => run.Actual));
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"{stage}: the browser failed. App output:{Environment.NewLine}{app.Output}", exception);
        }

        var report = new StringBuilder();
        var mismatches = new StringBuilder();
        foreach (var (origin, expectedOutcomes, actualTask) in runs)
        {
            var actual = await actualTask;
            report.AppendLine($"{stage}, {origin} origin: {string.Join(", ", actual.Select(pair => $"{pair.Key}={pair.Value}"))}");
            foreach (var (request, outcome) in expectedOutcomes)
            {
                var seen = actual.TryGetValue(request, out var value) ? value : "(not run)";
                if (seen != outcome)
                {
                    mismatches.AppendLine($"{stage}, {origin} origin, {request}: expected '{outcome}', the browser showed '{seen}'");
                }
            }
        }

        if (expected.Direct is { } direct)
        {
            var actual = await DirectRequests.RunAsync(app.Address!, pages.TrustedOrigin);
            report.AppendLine($"{stage}, without a browser: {string.Join(", ", actual.Select(pair => $"{pair.Key}={pair.Value}"))}");
            foreach (var (request, outcome) in direct)
            {
                var seen = actual.TryGetValue(request, out var value) ? value : "(not run)";
                if (seen != Placeholders.Apply(outcome, pages.TrustedOrigin))
                {
                    mismatches.AppendLine($"{stage}, without a browser, {request}: expected '{outcome}', the app answered '{seen}'");
                }
            }
        }

        if (expected.Preflights is { } preflights)
        {
            await CountPreflightsAsync(stage, app, scenario, pages, preflights, report, mismatches);
        }

        output.WriteLine(report.ToString());

        if (expected.Logged is { } logged && !await app.WaitForOutputAsync(logged, TimeSpan.FromSeconds(5)))
        {
            mismatches.AppendLine($"{stage}: the app never printed '{logged}'.");
        }

        Assert.True(mismatches.Length == 0, mismatches.ToString() + report + "App output:" + Environment.NewLine + app.Output);
    }

    /// <summary>
    /// The preflights the app logged for the trusted page's repeated PUT. Each PUT is logged after its preflight, so
    /// once every PUT is in the log (the console logger writes from a queue), so is every preflight.
    /// </summary>
    private static async Task CountPreflightsAsync(string stage, AppProcess app, BrowserScenario scenario, PageServer pages, int expected, StringBuilder report, StringBuilder mismatches)
    {
        var pauses = scenario.RepeatedPutPauses ?? throw new InvalidOperationException($"{scenario.Name}: counting preflights needs RepeatedPutPauses.");
        var url = PageServer.RepeatedPutUrl(pages.TrustedOrigin, app.Address!);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (app.CountRequests("PUT", url) < pauses.Count + 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var puts = app.CountRequests("PUT", url);
        var preflights = app.CountRequests("OPTIONS", url);
        report.AppendLine($"{stage}, trusted origin's repeated PUT: {puts} PUTs, {preflights} preflights");
        if (puts != pauses.Count + 1)
        {
            mismatches.AppendLine($"{stage}: the app logged {puts} of the trusted page's {pauses.Count + 1} repeated PUTs.");
        }
        else if (preflights != expected)
        {
            mismatches.AppendLine($"{stage}, trusted origin's repeated PUT: expected {expected} preflights, the app got {preflights}");
        }
    }
}
