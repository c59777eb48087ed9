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
    public static void Run(int fileCount, int top, bool preJit)
    {
        var compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval);
        compilation.GetDiagnostics();
        var aspNetCore = AnalysisSetup.AspNetCoreAnalyzers();
        Analyze(compilation, aspNetCore);

        var cors = AnalysisSetup.CorsAnalyzers();
        if (preJit)
        {
            // What the first run costs once our own methods are compiled: the difference is their JIT time.
            var prepared = 0;
            foreach (var type in typeof(CorsAnalyzer).Assembly.GetTypes())
            {
                if (type.ContainsGenericParameters)
                {
                    continue;
                }

                foreach (var method in type.GetMethods(System.Reflection.BindingFlags.DeclaredOnly | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic))
                {
                    if (!method.IsAbstract && !method.ContainsGenericParameters)
                    {
                        System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(method.MethodHandle);
                        prepared++;
                    }
                }
            }

            Console.WriteLine($"Prepared {prepared} methods of CorsAnalyzers before the first run.");
        }

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

        var second = Analyze(compilation, cors);
        Console.WriteLine($"Second run: analyzers {cors.Sum(analyzer => second.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds):F1} ms");
        var pipelineOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAnalyzer(ImmutableArray.Create<CorsRule>(new Rules.CallUseCorsInMiddlewareOrderRule())));
        var policiesOnly = ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAnalyzer(ImmutableArray.Create<CorsRule>(new Rules.ConfigureMethodsAndHeadersRule())));
        for (var run = 1; run <= 3; run++)
        {
            var pipelineResult = Analyze(compilation, pipelineOnly);
            var policiesResult = Analyze(compilation, policiesOnly);
            Console.WriteLine($"Warm, pipeline rule alone {pipelineResult.AnalyzerTelemetryInfo[pipelineOnly[0]].ExecutionTime.TotalMilliseconds:F1} ms, a policy rule alone {policiesResult.AnalyzerTelemetryInfo[policiesOnly[0]].ExecutionTime.TotalMilliseconds:F1} ms");
        }

        var idle = ImmutableArray.Create<DiagnosticAnalyzer>(new IdleAnalyzer());
        for (var run = 1; run <= 2; run++)
        {
            var idleResult = Analyze(compilation, idle);
            Console.WriteLine($"Do-nothing analyzer (an empty action for each invocation and object creation), run {run}: {idleResult.AnalyzerTelemetryInfo[idle[0]].ExecutionTime.TotalMilliseconds:F1} ms");
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
            Console.WriteLine($"    {method.ILSize,6} {method.Namespace}::{method.Name}");
        }
    }

    /// <summary>Runs the package's analyzer <paramref name="runs"/> times on one compilation: a steady loop for a profiler.</summary>
    public static void Loop(int fileCount, int runs)
    {
        var compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval);
        compilation.GetDiagnostics();
        var cors = AnalysisSetup.CorsAnalyzers();
        for (var run = 1; run <= runs; run++)
        {
            var result = Analyze(compilation, cors);
            Console.WriteLine($"run {run}: {cors.Sum(analyzer => result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds):F1} ms");
        }
    }

    private static AnalysisResult Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => AnalysisSetup.WithAnalyzers(compilation.Clone(), analyzers, logTime: true)
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The floor: what the compiler's dispatch costs an analyzer that registers what ours registers and does nothing.</summary>
#pragma warning disable RS1001, RS1036, RS1041, RS2008 // a measuring probe, never loaded by a compiler
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("IDLE001", "Idle", "Idle", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterOperationBlockStartAction(block =>
            {
                block.RegisterOperationAction(_ => { }, OperationKind.Invocation);
                block.RegisterOperationAction(_ => { }, OperationKind.ObjectCreation);
            }));
        }
    }

#pragma warning restore RS1001, RS1036, RS1041, RS2008

    private sealed class JitListener : EventListener
    {
        private const EventKeywords JitKeyword = (EventKeywords)0x10;

        public ConcurrentQueue<(string Namespace, string Name, int ILSize)> Methods { get; } = new();

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
                Methods.Enqueue((Get("MethodNamespace"), Get("MethodName"), int.TryParse(Get("MethodILSize"), out var size) ? size : 0));
            }
        }
    }
}
