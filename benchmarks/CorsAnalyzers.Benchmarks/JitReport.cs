using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.Tracing;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading;
using CorsAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// What the package costs the first time it runs in a process, as in every command-line build without the compiler
/// server: the methods the JIT compiles for it (after the compiler and ASP.NET Core's analyzers have run once, so their
/// code is compiled), the first run against a warm one, each model alone, and the floor, a do-nothing analyzer.
/// </summary>
public static class JitReport
{
    private const BindingFlags AllMethods = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    public static void Run(int fileCount, bool preJit, WebAppShape shape)
    {
        var compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval, shape);
        var additionalFiles = AnalysisSetup.AdditionalFiles(shape);
        compilation.GetDiagnostics();
        Analyze(compilation, AnalysisSetup.AspNetCoreAnalyzers(), additionalFiles);

        if (preJit)
        {
            // The first run once our own methods are compiled: the difference to a normal first run is their JIT time.
            Console.WriteLine($"Compiled {PrepareOwnMethods()} methods of CorsAnalyzers before the first run.");
        }

        var cors = AnalysisSetup.CorsAnalyzers();
        using var listener = new JitListener();
        var first = Time(Analyze(compilation, cors, additionalFiles), cors);

        // Runtime events arrive asynchronously.
        Thread.Sleep(2000);
        listener.Dispose();
        Console.WriteLine($"{fileCount:N0} files, the {shape.ToString().ToLowerInvariant()} app. CorsAnalyzers, first run: {first:F1} ms; warm: {Time(Analyze(compilation, cors, additionalFiles), cors):F1} ms");

        var pipeline = ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAnalyzer(ImmutableArray.Create<CorsRule>(new CallUseCorsInMiddlewareOrderRule())));
        var policies = ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAnalyzer(ImmutableArray.Create<CorsRule>(new ConfigureMethodsAndHeadersRule())));
        var idle = ImmutableArray.Create<DiagnosticAnalyzer>(new IdleAnalyzer());
        Console.WriteLine($"Warm, the pipeline model with CORS003 alone: {Time(Analyze(compilation, pipeline, additionalFiles), pipeline):F1} ms; "
            + $"the policy model with CORS004 alone: {Time(Analyze(compilation, policies, additionalFiles), policies):F1} ms; "
            + $"a do-nothing analyzer registering the same actions: {Time(Analyze(compilation, idle, additionalFiles), idle):F1} ms");

        // Ours: our methods and the framework's generic code instantiated over our types. The events also report the
        // background recompilations of hot methods (tier 1); a method's first compilation is the one the run waits for.
        var events = listener.Methods.Where(method => method.Namespace.Contains("CorsAnalyzers", StringComparison.Ordinal)
            && !method.Namespace.Contains("Benchmarks", StringComparison.Ordinal)).ToArray();
        var ours = events.GroupBy(method => (method.Namespace, method.Name, method.ILSize)).Select(group => group.First()).ToArray();
        Console.WriteLine($"JIT on the first run: {ours.Length} methods, {ours.Sum(method => method.ILSize):N0} bytes of IL "
            + $"({ours.Count(method => !method.Namespace.StartsWith("CorsAnalyzers", StringComparison.Ordinal))} of them framework code instantiated over our types; "
            + $"{events.Length} compilations with the recompilations of hot methods). By namespace:");
        foreach (var group in ours.GroupBy(method => Component(method.Namespace)).OrderByDescending(group => group.Sum(method => method.ILSize)))
        {
            Console.WriteLine($"  {group.Sum(method => method.ILSize),7:N0} bytes, {group.Count(),4} methods  {group.Key}");
        }

        Console.WriteLine("Largest:");
        foreach (var method in ours.OrderByDescending(method => method.ILSize).Take(25))
        {
            Console.WriteLine($"  {method.ILSize,6} {method.Namespace}::{method.Name}");
        }
    }

    // CorsAnalyzers.Policies.ValueReader+SetReader -> CorsAnalyzers.Policies; framework types over ours are one group.
    private static string Component(string type)
    {
        if (!type.StartsWith("CorsAnalyzers", StringComparison.Ordinal))
        {
            return "framework code over our types";
        }

        var lastDot = type.LastIndexOf('.');
        return lastDot > 0 ? type.Substring(0, lastDot) : type;
    }

    /// <summary>Runs the package's analyzer <paramref name="runs"/> times on one compilation: a steady loop for a profiler.</summary>
    public static void Loop(int fileCount, int runs, WebAppShape shape)
    {
        var compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval, shape);
        var additionalFiles = AnalysisSetup.AdditionalFiles(shape);
        compilation.GetDiagnostics();
        var cors = AnalysisSetup.CorsAnalyzers();
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine($"run {run}: {Time(Analyze(compilation, cors, additionalFiles), cors):F1} ms");
        }
    }

    private static AnalysisResult Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles)
        => AnalysisSetup.WithAnalyzers(compilation.Clone(), analyzers, logTime: true, additionalFiles)
            .GetAnalysisResultAsync(CancellationToken.None).GetAwaiter().GetResult();

    private static double Time(AnalysisResult result, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => analyzers.Sum(analyzer => result.AnalyzerTelemetryInfo[analyzer].ExecutionTime.TotalMilliseconds);

    private static int PrepareOwnMethods()
    {
        var prepared = 0;
        foreach (var type in typeof(CorsAnalyzer).Assembly.GetTypes().Where(type => !type.ContainsGenericParameters))
        {
            foreach (var method in type.GetMethods(AllMethods).Where(method => !method.IsAbstract && !method.ContainsGenericParameters))
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle);
                prepared++;
            }
        }

        return prepared;
    }

#pragma warning disable RS1001, RS1036, RS1041, RS2008 // a measuring probe, never loaded by a compiler
    /// <summary>The floor: what the compiler's dispatch costs an analyzer that registers what ours registers and does nothing.</summary>
    private sealed class IdleAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("IDLE001", "Idle", "Idle", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                Action<OperationAnalysisContext> nothing = _ => { };
                start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(nothing, OperationKind.Invocation, OperationKind.ObjectCreation));
            });
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008

    /// <summary>The runtime's JIT events, in process: each method as the JIT starts compiling it, with its IL size.</summary>
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
            if (data.EventName == "MethodJittingStarted_V1" && data.Payload is { } payload && data.PayloadNames is { } names)
            {
                string Get(string name) => payload[names.IndexOf(name)]?.ToString() ?? string.Empty;
                Methods.Enqueue((Get("MethodNamespace"), Get("MethodName"), int.TryParse(Get("MethodILSize"), out var size) ? size : 0));
            }
        }
    }
}
