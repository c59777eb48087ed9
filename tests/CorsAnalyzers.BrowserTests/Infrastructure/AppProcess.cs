using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// A scenario app running on Kestrel in a child process (<c>dotnet app.dll</c>), bound to 127.0.0.1 on a port the
/// system picks. Either it listens (<see cref="Address"/>) or it exited at startup (<see cref="StartupFailure"/>);
/// disposing kills it and removes its folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly Regex Listening = new(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant);

    private readonly Process _process;
    private readonly DirectoryInfo _folder;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, DirectoryInfo folder)
    {
        _process = process;
        _folder = folder;
    }

    /// <summary>The API's origin, when the app listens.</summary>
    public string? Address { get; private set; }

    /// <summary>What the app printed before it exited, when it did not start.</summary>
    public string? StartupFailure { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Waits, at most <paramref name="timeout"/>, until the app has printed <paramref name="text"/> (its console logger writes from a queue).</summary>
    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    public static async Task<AppProcess> StartAsync(ScenarioCompilation compilation)
    {
        var folder = Directory.CreateTempSubdirectory("cors-app-");
        AppProcess? app = null;
        try
        {
            var assembly = await compilation.EmitAsync(folder.FullName);
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder.FullName,
            };
            start.ArgumentList.Add(assembly);
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add("http://127.0.0.1:0");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["Logging__Console__FormatterName"] = "simple";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";

            // "Request starting HTTP/1.1 OPTIONS http://...": the request log that counts the browser's preflights.
            start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";

            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = new Process { StartInfo = start, EnableRaisingEvents = true };
            app = new AppProcess(process, folder);
            process.OutputDataReceived += (_, line) => app.Append(line.Data, listening);
            process.ErrorDataReceived += (_, line) => app.Append(line.Data, listening);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            using var timeout = new CancellationTokenSource(StartTimeout);
            var exited = process.WaitForExitAsync(timeout.Token);
            var first = await Task.WhenAny(listening.Task, exited);
            if (first == listening.Task)
            {
                app.Address = await listening.Task;
            }
            else if (process.HasExited)
            {
                // Let the last lines arrive (WaitForExit with no timeout waits for the redirected streams to close).
                process.WaitForExit();
                app.StartupFailure = app.Output;
            }
            else
            {
                throw new TimeoutException($"The scenario app neither listened nor exited within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{app.Output}");
            }

            return app;
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
            else
            {
                folder.Delete(recursive: true);
            }

            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
            try
            {
                _folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Left in the temp folder.
            }
        }
    }

    /// <summary>How many requests with <paramref name="method"/> to <paramref name="url"/> the app has logged so far.</summary>
    public int CountRequests(string method, string url)
    {
        var line = $"Request starting HTTP/1.1 {method} {url} ";
        var output = Output;
        var count = 0;
        for (var at = output.IndexOf(line, StringComparison.Ordinal); at >= 0; at = output.IndexOf(line, at + line.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private void Append(string? line, TaskCompletionSource<string> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening.Match(line) is { Success: true } match)
        {
            listening.TrySetResult(match.Groups["address"].Value);
        }
    }
}
