using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// The compiler's own per-analyzer timing (what <c>-p:ReportAnalyzer=true</c> prints), with our analyzers and
/// ASP.NET Core's in one run, so their costs are compared on the same work; and the actions each analyzer registers.
/// </summary>
public static class AnalyzerTelemetry
{
    public static void Run(IReadOnlyList<int> fileCounts, int runs, int corsFileInterval, WebAppShape shape)
    {
        var cors = AnalysisSetup.CorsAnalyzers();
        var aspNetCore = AnalysisSetup.AspNetCoreAnalyzers();
        var all = cors.AddRange(aspNetCore);
        Console.WriteLine($"CorsAnalyzers: {cors.Length} analyzers; ASP.NET Core: {aspNetCore.Length} analyzers (from {string.Join(", ", AnalysisSetup.AspNetCoreAnalyzerPaths().Select(System.IO.Path.GetFileName))}).");
        Console.WriteLine($"The {shape.ToString().ToLowerInvariant()} app; one CORS file in {corsFileInterval}.");
        Console.WriteLine($"Median of {runs} runs, one thread; 'analyzer' is the compiler's execution time for it, 'build' the wall time of compile + all analyzers.");
        Console.WriteLine();
        Console.WriteLine("| files | build ms | no-analyzer build ms | CorsAnalyzers ms | per file µs | StartupAnalyzer ms | CorsAnalyzers / StartupAnalyzer | all ASP.NET Core analyzers ms |");
        Console.WriteLine("|------:|---------:|--------------------:|-----------------:|------------:|-------------------:|-------------------------------:|-----------------------------:|");
        foreach (var files in fileCounts)
        {
            var compilation = AnalysisSetup.CreateCompilation(files, aspNetCore: true, corsFileInterval, shape);
            var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
            if (errors.Length > 0)
            {
                throw new InvalidOperationException($"The generated app does not compile: {errors[0]} ({errors.Length} errors).");
            }

            var build = new List<double>();
            var bare = new List<double>();
            var ours = new List<double>();
            var startup = new List<double>();
            var theirs = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                AnalysisSetup.CompileOnly(compilation);
                bare.Add(watch.Elapsed.TotalMilliseconds);

                watch.Restart();
                var withAnalyzers = AnalysisSetup.WithAnalyzers(compilation.Clone(), all, logTime: true, AnalysisSetup.AdditionalFiles(shape));
                var result = withAnalyzers.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
                withAnalyzers.Compilation.GetDiagnostics();
                build.Add(watch.Elapsed.TotalMilliseconds);
                var times = all.ToDictionary(analyzer => analyzer, analyzer => result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds);
                ours.Add(cors.Sum(analyzer => times[analyzer]));
                startup.Add(aspNetCore.Where(AnalysisSetup.IsStartupAnalyzer).Sum(analyzer => times[analyzer]));
                theirs.Add(aspNetCore.Sum(analyzer => times[analyzer]));
                if (run == 0 || run == runs - 1)
                {
                    foreach (var analyzer in all.Where(analyzer => cors.Contains(analyzer) || AnalysisSetup.IsStartupAnalyzer(analyzer)))
                    {
                        Console.WriteLine($"  {(run == 0 ? "first" : "last")} run, {analyzer.GetType().Name}: {times[analyzer]:F1} ms");
                    }
                }
            }

            var oursMs = Median(ours);
            var startupMs = Median(startup);
            Console.WriteLine(
                $"| {files:N0} | {Median(build):F0} | {Median(bare):F0} | {oursMs:F1} | {oursMs * 1000 / files:F1} | {startupMs:F1} | {(startupMs > 0 ? (oursMs / startupMs).ToString("F2") : "n/a")} | {Median(theirs):F1} |");
        }

        Console.WriteLine();
        Console.WriteLine("Actions registered in a compilation without ASP.NET Core (1,000 files):");
        var plain = AnalysisSetup.WithAnalyzers(AnalysisSetup.CreateCompilation(1_000, aspNetCore: false), cors, logTime: true);
        var plainResult = plain.GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();
        foreach (var analyzer in cors)
        {
            var info = plainResult.AnalyzerTelemetryInfo[analyzer];
            var registered = info.CompilationActionsCount + info.CompilationEndActionsCount + info.SyntaxTreeActionsCount
                + info.SemanticModelActionsCount + info.SymbolActionsCount + info.SymbolStartActionsCount + info.SyntaxNodeActionsCount
                + info.CodeBlockStartActionsCount + info.CodeBlockActionsCount + info.OperationBlockStartActionsCount
                + info.OperationBlockActionsCount + info.OperationActionsCount + info.AdditionalFileActionsCount;
            Console.WriteLine($"  {analyzer.GetType().Name}: compilation-start {info.CompilationStartActionsCount}, other actions {registered}, {info.ExecutionTime.TotalMilliseconds:F2} ms");
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
