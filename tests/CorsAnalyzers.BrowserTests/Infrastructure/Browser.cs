using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// Debian's <c>chromium-headless-shell</c>: loads one page in a fresh profile, lets its script run for a bounded
/// virtual time, and reads back the DOM it printed. Never a copied browser; a missing one fails with how to install it.
/// </summary>
public static class Browser
{
    private const string ExecutableName = "chromium-headless-shell";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(40);
    private static readonly Regex Result = new("<li id=\"(?<name>[^\"]+)\">(?<outcome>[^<]*)</li>", RegexOptions.CultureInvariant);

    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>The browser's path; throws, saying how to install it, when there is none.</summary>
    public static string Executable => Located.Value;

    /// <summary>Loads <paramref name="url"/> and returns each request's outcome, by name; fails when the page did not finish.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> RunPageAsync(string url)
    {
        var profile = Directory.CreateTempSubdirectory("cors-browser-");
        try
        {
            var start = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--virtual-time-budget=5000",
                "--user-data-dir=" + profile.FullName, "--dump-dom", url,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Executable} did not finish {url} within {Timeout.TotalSeconds} s.");
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            var dom = await output;
            var outcomes = Result.Matches(dom).ToDictionary(match => match.Groups["name"].Value, match => WebUtility.HtmlDecode(match.Groups["outcome"].Value));
            if (!outcomes.Remove("done"))
            {
                var console = string.Join(Environment.NewLine, (await errors).Split('\n').Where(line => line.Contains("CONSOLE", StringComparison.Ordinal)));
                throw new InvalidOperationException($"The page {url} did not finish its requests (exit code {process.ExitCode}).{Environment.NewLine}DOM:{Environment.NewLine}{dom}{Environment.NewLine}Console:{Environment.NewLine}{console}");
            }

            return outcomes;
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // The profile is in the temp folder; a file still held by a dying child process is left to it.
            }
        }
    }

    private static string Locate()
    {
        var configured = Environment.GetEnvironmentVariable("CORS_BROWSER");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"CORS_BROWSER is set to '{configured}', which does not exist.");
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, ExecutableName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"The browser tests need headless Chromium ('{ExecutableName}' is not on PATH). On Debian or Ubuntu: " +
            $"`sudo apt-get update && sudo apt-get install -y {ExecutableName}`; elsewhere set CORS_BROWSER to a Chromium " +
            "headless shell. See README.md, \"Browser tests\".");
    }
}
