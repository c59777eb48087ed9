using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>
/// csharp-ls (a C# language server on Roslyn's MSBuild workspace) driven the way an editor drives it: installed as a
/// dotnet tool into the run's workspace, started on an app's solution over stdio, told to run the project's analyzers
/// (it asks for the <c>csharp</c> settings with <c>workspace/configuration</c>; analyzers are off unless the answer
/// says <c>analyzersEnabled</c>), then fed <c>didOpen</c>/<c>didChange</c> and asked for a file's diagnostics.
/// csharp-ls answers pull requests (<c>textDocument/diagnostic</c>) and pushes <c>publishDiagnostics</c> only to
/// clients without pull support; this client supports both and reads whichever arrives.
/// </summary>
public sealed class CSharpLanguageServer : IAsyncDisposable
{
    public const string Version = "0.28.0";

    private static readonly TimeSpan InitializeTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MinimumRequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _directory;
    private readonly LspClient _client;
    private readonly ConcurrentDictionary<string, IReadOnlyList<LspDiagnostic>> _pushed = new();
    private readonly Dictionary<string, IReadOnlyList<LspDiagnostic>> _pulled = new();
    private readonly Dictionary<string, int> _versions = new();
    private bool _pullsDiagnostics;

    private CSharpLanguageServer(string directory, ProcessStartInfo startInfo)
    {
        _directory = directory;
        _client = LspClient.Start(startInfo, AnswerRequest, OnNotification);
    }

    /// <summary>What the server wrote to standard error (its log), for failure messages.</summary>
    public string Log => _client.Log;

    /// <summary>Installs csharp-ls once per run into the workspace (nothing outside it), through the run's nuget.config.</summary>
    public static async Task<string> InstallAsync(PackageFeed feed)
    {
        var toolPath = Path.Combine(feed.Root, "tools");
        var executable = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "csharp-ls.exe" : "csharp-ls");
        if (File.Exists(executable))
        {
            return executable;
        }

        var install = await DotNet.RunAsync(feed.Root, feed.Environment, "tool", "install", "csharp-ls", "--version", Version, "--tool-path", toolPath);
        if (!install.Succeeded || !File.Exists(executable))
        {
            throw new InvalidOperationException($"Installing csharp-ls {Version} failed:{Environment.NewLine}{install}");
        }

        return executable;
    }

    /// <summary>Starts the server on the app's solution (restore the app first) and completes the initialize handshake.</summary>
    public static async Task<CSharpLanguageServer> StartAsync(PackageFeed feed, TestApp app)
    {
        var executable = await InstallAsync(feed);
        var environment = new Dictionary<string, string>(feed.Environment);

        // The tool's launcher looks for the runtime in DOTNET_ROOT first: use the SDK that runs the tests.
        if (Path.IsPathRooted(DotNet.Executable))
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(DotNet.Executable)!;
        }

        var startInfo = DotNet.StartInfo(executable, app.Directory, environment, new[] { "--solution", Path.GetFileName(app.SolutionFile) });
        var server = new CSharpLanguageServer(app.Directory, startInfo);
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public Task OpenAsync(string relativePath)
    {
        var uri = DocumentUri(relativePath);
        _versions[uri] = 1;
        return _client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject
            {
                ["uri"] = uri,
                ["languageId"] = "csharp",
                ["version"] = 1,
                ["text"] = File.ReadAllText(Path.Combine(_directory, relativePath)),
            },
        });
    }

    /// <summary>An edit of an open file, sent as its whole new text (the file on disk stays as it was, as in an unsaved editor).</summary>
    public Task ChangeAsync(string relativePath, string text)
    {
        var uri = DocumentUri(relativePath);
        var version = _versions[uri] += 1;
        return _client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });
    }

    /// <summary>
    /// Asks for the file's diagnostics until <paramref name="until"/> holds for them (what the editor would show), and
    /// returns them; throws a <see cref="TimeoutException"/> with the last ones seen when it does not within <paramref name="timeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<LspDiagnostic>> WaitForDiagnosticsAsync(string relativePath, Func<IReadOnlyList<LspDiagnostic>, bool> until, TimeSpan timeout)
    {
        var uri = DocumentUri(relativePath);
        var elapsed = Stopwatch.StartNew();
        IReadOnlyList<LspDiagnostic> seen = Array.Empty<LspDiagnostic>();
        while (true)
        {
            if (_pullsDiagnostics)
            {
                var remaining = timeout - elapsed.Elapsed;
                seen = await PullAsync(uri, remaining > MinimumRequestTimeout ? remaining : MinimumRequestTimeout);
                if (until(seen))
                {
                    return seen;
                }
            }

            if (_pushed.TryGetValue(uri, out var pushed))
            {
                seen = pushed;
                if (until(pushed))
                {
                    return pushed;
                }
            }

            if (elapsed.Elapsed >= timeout)
            {
                throw new TimeoutException(
                    $"{relativePath}: the awaited diagnostics did not appear within {timeout.TotalSeconds} s; last seen:{Environment.NewLine}  "
                    + string.Join(Environment.NewLine + "  ", seen) + Environment.NewLine + "server log:" + Environment.NewLine + Log);
            }

            await Task.Delay(PollInterval);
        }
    }

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    private async Task InitializeAsync()
    {
        var root = new Uri(_directory).AbsoluteUri;
        var result = await _client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["clientInfo"] = new JsonObject { ["name"] = "CorsAnalyzers.EndToEnd.Tests" },
            ["rootUri"] = root,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = root, ["name"] = Path.GetFileName(_directory) }),
            ["capabilities"] = new JsonObject
            {
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["publishDiagnostics"] = new JsonObject(),
                },
            },
        }, InitializeTimeout);

        _pullsDiagnostics = result.TryGetProperty("capabilities", out var capabilities) && capabilities.TryGetProperty("diagnosticProvider", out _);
        await _client.NotifyAsync("initialized", new JsonObject());
    }

    private async Task<IReadOnlyList<LspDiagnostic>> PullAsync(string uri, TimeSpan timeout)
    {
        var report = await _client.RequestAsync("textDocument/diagnostic", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
        }, timeout);

        // An "unchanged" report repeats the last full one (this client sends no previousResultId, so none is expected).
        if (report.GetProperty("kind").GetString() == "unchanged")
        {
            return _pulled.TryGetValue(uri, out var last) ? last : Array.Empty<LspDiagnostic>();
        }

        return _pulled[uri] = LspDiagnostic.ParseAll(report.GetProperty("items"));
    }

    /// <summary>The client's side of the server's requests: the <c>csharp</c> settings turn analyzers on; everything else gets null.</summary>
    private static JsonNode? AnswerRequest(string method, JsonElement parameters)
    {
        if (method != "workspace/configuration")
        {
            return null;
        }

        var answers = parameters.GetProperty("items").EnumerateArray()
            .Select(item => item.TryGetProperty("section", out var section) && section.GetString() == "csharp"
                ? new JsonObject { ["analyzersEnabled"] = true }
                : null)
            .ToArray<JsonNode?>();
        return new JsonArray(answers);
    }

    private void OnNotification(string method, JsonElement parameters)
    {
        if (method == "textDocument/publishDiagnostics")
        {
            _pushed[parameters.GetProperty("uri").GetString()!] = LspDiagnostic.ParseAll(parameters.GetProperty("diagnostics"));
        }
    }

    private string DocumentUri(string relativePath) => new Uri(Path.Combine(_directory, relativePath)).AbsoluteUri;
}
