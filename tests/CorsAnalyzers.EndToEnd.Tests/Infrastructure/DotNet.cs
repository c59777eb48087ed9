using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>What one run of the dotnet CLI did.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The CORS diagnostics the run printed, once each (MSBuild may print a diagnostic twice).</summary>
    public IReadOnlyList<BuildDiagnostic> CorsDiagnostics => BuildDiagnostic.Parse(Output, idPrefix: "CORS");

    public override string ToString() => $"> {CommandLine}{Environment.NewLine}exit code {ExitCode}{Environment.NewLine}{Output}";
}

/// <summary>Runs the real dotnet CLI, isolated from the test host's own MSBuild and NuGet settings.</summary>
public static class DotNet
{
    // A hang guard, not a performance check: packing crossgens three images, and while CI runs the other test projects
    // beside these on two cores one pack took more than five minutes.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(12);

    /// <summary>The dotnet executable that runs these tests (the SDK the developer or CI uses).</summary>
    public static string Executable => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    public static async Task<CommandResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = StartInfo(Executable, workingDirectory, environment, arguments);
        startInfo.RedirectStandardInput = true;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(Timeout)).ConfigureAwait(false) != exited)
        {
            process.Kill(entireProcessTree: true);
            await exited.ConfigureAwait(false);
            Append(output, $"(killed after {Timeout.TotalMinutes} minutes)");
        }

        // WaitForExitAsync also waits for the end of the redirected streams.
        await exited.ConfigureAwait(false);
        lock (output)
        {
            return new CommandResult("dotnet " + string.Join(" ", arguments), process.ExitCode, output.ToString());
        }
    }

    /// <summary>
    /// How every child process of these tests starts (the CLI, the language server): output redirected, and the test
    /// host's own MSBuild and test-platform variables dropped, since they would steer the child's builds.
    /// </summary>
    public static ProcessStartInfo StartInfo(string fileName, string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return startInfo;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
