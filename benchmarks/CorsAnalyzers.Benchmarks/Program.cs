using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Running;
using CorsAnalyzers.Benchmarks;

// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- [BenchmarkDotNet arguments]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- telemetry [files...] [--cors-interval N] [--app rich|classic]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- coldstart [files] [--app rich|classic]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- jit [files] [--prejit] [--app rich|classic]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- loop [files] [runs] [--app rich|classic]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- editor [files] [--lines N]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- generate <folder> <files> [--sonar] [--app rich|classic]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- sonar-alone <folder>   (after a restore: S5122 as Sonar's only rule)
// The app is the rich one (WebAppGenerator.Rich.cs) unless --app classic; `editor` always uses the rich app.
string[] valueOptions = { "--app", "--cors-interval", "--lines" };
var numbers = Positional(args.Skip(1).ToArray(), valueOptions);
WebAppShape shape;
try
{
    shape = WebAppGenerator.ParseShape(Option(args, "--app"));
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

switch (args.FirstOrDefault())
{
    case "telemetry":
        var interval = Option(args, "--cors-interval") is { } everyN ? int.Parse(everyN) : WebAppGenerator.DefaultCorsFileInterval;
        var counts = numbers.Select(int.Parse).ToArray();
        AnalyzerTelemetry.Run(counts.Length > 0 ? counts : new[] { 1_000, 10_000 }, runs: 3, interval, shape);
        break;
    case "jit":
        JitReport.Run(numbers.Length > 0 ? int.Parse(numbers[0]) : 1_000, preJit: args.Contains("--prejit"), shape);
        break;
    case "loop":
        JitReport.Loop(numbers.Length > 0 ? int.Parse(numbers[0]) : 1_000, numbers.Length > 1 ? int.Parse(numbers[1]) : 20, shape);
        break;
    case "coldstart":
        ColdStart.Run(numbers.Length > 0 ? int.Parse(numbers[0]) : 1_000, shape);
        break;
    case "editor":
        EditorReport.Run(
            numbers.Length > 0 ? int.Parse(numbers[0]) : 1_000,
            Option(args, "--lines") is { } lines ? int.Parse(lines) : EditorReport.DefaultProgramLines);
        break;
    case "generate" when numbers.Length >= 2:
        WebAppProject.Write(numbers[0], int.Parse(numbers[1]), sonar: args.Contains("--sonar"), shape);
        break;
    case "sonar-alone" when numbers.Length >= 1:
        return WebAppProject.SilenceOtherSonarRules(numbers[0]);
    case "generate":
        Console.Error.WriteLine("usage: generate <folder> <files> [--sonar] [--app rich|classic]");
        return 2;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args);
        break;
}

return 0;

// The value after an option (--app rich), or null.
static string? Option(string[] args, string name) => args.SkipWhile(arg => arg != name).Skip(1).FirstOrDefault();

// The arguments that are neither options nor the values of options.
static string[] Positional(string[] args, string[] valueOptions)
{
    var positional = new List<string>();
    for (var index = 0; index < args.Length; index++)
    {
        if (valueOptions.Contains(args[index]))
        {
            index++;
        }
        else if (!args[index].StartsWith("--", StringComparison.Ordinal))
        {
            positional.Add(args[index]);
        }
    }

    return positional.ToArray();
}
