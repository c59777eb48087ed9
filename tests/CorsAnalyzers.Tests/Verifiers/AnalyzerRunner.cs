using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers on code that need not compile and reports what they said and every exception they threw.
/// For half-typed code, where which diagnostics appear does not matter but a crash (AD0001) does.
/// </summary>
public static class AnalyzerRunner
{
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)> RunAsync(
        string source,
        params DiagnosticAnalyzer[] analyzers)
    {
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, path: "/0/Program.cs"),
            CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings, path: "/0/GlobalUsings.cs"),
        };
        var compilation = CSharpCompilation.Create(
            "HalfTyped",
            trees,
            AspNetCoreReferences.CurrentAssemblies,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        return await RunAsync(compilation, analyzers);
    }

    /// <summary>Runs <paramref name="analyzers"/> on <paramref name="compilation"/>, one callback at a time.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Exception> Exceptions)> RunAsync(
        Compilation compilation,
        params DiagnosticAnalyzer[] analyzers)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(analyzers.ToImmutableArray(), options)
            .GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions.ToImmutableArray());
    }

    /// <summary>Runs every analyzer of the package and fails when any of them throws.</summary>
    public static async Task AssertNoAnalyzerExceptionAsync(string source)
    {
        var (diagnostics, exceptions) = await RunAsync(source, AllAnalyzers());
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
    }

    public static DiagnosticAnalyzer[] AllAnalyzers()
        => typeof(CorsAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToArray();

}
