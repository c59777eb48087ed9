using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Runtime;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// What our analyzers cost the first time they run in a process, as in every command-line build (csc without the
/// compiler server): the methods the JIT compiles for them, after the compiler and ASP.NET Core's analyzers have run once.
/// </summary>
public static class JitReport
{
    public static void Run(int fileCount, int top)
    {
        var compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval);
        compilation.GetDiagnostics();
        var aspNetCore = AnalysisSetup.AspNetCoreAnalyzers();
        Analyze(compilation, aspNetCore);

        var cors = AnalysisSetup.CorsAnalyzers();
        using var listener = new JitListener();
        var methods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        var watch = Stopwatch.StartNew();
        var result = Analyze(compilation, cors);
        var elapsed = watch.Elapsed;
        methods = System.Runtime.JitInfo.GetCompiledMethodCount() - methods;
        jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTime;
        Thread.Sleep(2000);
        listener.Dispose();

        Console.WriteLine($"First run of CorsAnalyzers, {fileCount:N0} files: {elapsed.TotalMilliseconds:F0} ms wall, analyzers {cors.Sum(analyzer => result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds):F1} ms, JIT {methods} methods in {jitTime.TotalMilliseconds:F1} ms");
        foreach (var analyzer in cors)
        {
            Console.WriteLine($"  {analyzer.GetType().Name}: {result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds:F1} ms");
        }

        var jitted = listener.Methods.ToArray();
        Console.WriteLine($"JIT events seen: {jitted.Length}");
        foreach (var group in jitted.GroupBy(method => method.Namespace).OrderByDescending(group => group.Count()).Take(top))
        {
            Console.WriteLine($"  {group.Count(),5}  {group.Key}");
        }

        Console.WriteLine("Methods:");
        foreach (var method in jitted.Take(2000))
        {
            Console.WriteLine($"    {method.Namespace}::{method.Name}");
        }
    }

    private static AnalysisResult Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => AnalysisSetup.WithAnalyzers(compilation.Clone(), analyzers, logTime: true)
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();

    private sealed class JitListener : EventListener
    {
        private const EventKeywords JitKeyword = (EventKeywords)0x10;

        public ConcurrentQueue<(string Namespace, string Name)> Methods { get; } = new();

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(source, EventLevel.Verbose, JitKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs data)
        {
            if (data.EventName == "MethodJittingStarted_V1" && data.Payload is { } payload)
            {
                var names = data.PayloadNames!;
                string Get(string name) => payload[names.IndexOf(name)]?.ToString() ?? "";
                Methods.Enqueue((Get("MethodNamespace"), Get("MethodName")));
            }
        }
    }
}
