using System;
using System.Linq;
using BenchmarkDotNet.Running;
using CorsAnalyzers.Benchmarks;

// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- [BenchmarkDotNet arguments]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- telemetry [files...] [--cors-interval N]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- coldstart [files]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- jit [files] [--prejit]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- loop [files] [runs]
// dotnet run -c Release --project benchmarks/CorsAnalyzers.Benchmarks -- generate <folder> <files> [--sonar]
switch (args.FirstOrDefault())
{
    case "telemetry":
        var interval = args.SkipWhile(arg => arg != "--cors-interval").Skip(1).Select(int.Parse).FirstOrDefault(WebAppGenerator.DefaultCorsFileInterval);
        var counts = args.Skip(1).TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
        AnalyzerTelemetry.Run(counts.Length > 0 ? counts : new[] { 1_000, 10_000 }, runs: 3, interval);
        break;
    case "jit":
        JitReport.Run(args.Length > 1 && int.TryParse(args[1], out var jitFiles) ? jitFiles : 1_000, preJit: args.Contains("--prejit"));
        break;
    case "loop":
        JitReport.Loop(args.Length > 1 ? int.Parse(args[1]) : 1_000, args.Length > 2 ? int.Parse(args[2]) : 20);
        break;
    case "coldstart":
        ColdStart.Run(args.Length > 1 ? int.Parse(args[1]) : 1_000);
        break;
    case "generate" when args.Length >= 3:
        WebAppProject.Write(args[1], int.Parse(args[2]), sonar: args.Contains("--sonar"));
        break;
    case "generate":
        Console.Error.WriteLine("usage: generate <folder> <files> [--sonar]");
        return 2;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args);
        break;
}

return 0;
