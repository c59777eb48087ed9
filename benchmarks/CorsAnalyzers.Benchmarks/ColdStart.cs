using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// What the compilation-start check (resolving CorsSymbols) costs in a cold compilation, as in a command-line build,
/// and whether that cost is the compiler's own work done earlier: the same lookups after the compiler has bound everything.
/// </summary>
public static class ColdStart
{
    public static void Run(int fileCount, WebAppShape shape)
    {
        // A first round only compiles the code that runs (JIT); its numbers are not shown.
        CorsSymbols.TryCreate(Create(100, aspNetCore: true, shape), out _);
        Create(100, aspNetCore: true, shape).GetDiagnostics();
        foreach (var aspNetCore in new[] { true, false })
        {
            // Fresh references each time: nothing read from metadata is shared with an earlier compilation.
            var checkFirst = Create(fileCount, aspNetCore, shape);
            var check = Time(() => CorsSymbols.TryCreate(checkFirst, out _));
            var compileAfterCheck = Time(() => checkFirst.GetDiagnostics());

            var compileFirst = Create(fileCount, aspNetCore, shape);
            var compile = Time(() => compileFirst.GetDiagnostics());
            var checkAfterCompile = Time(() => CorsSymbols.TryCreate(compileFirst, out _));

            Console.WriteLine(
                $"{(aspNetCore ? "web app" : "no ASP.NET Core")}, {fileCount:N0} files: check first {check:F1} ms then compile {compileAfterCheck:F0} ms; "
                + $"compile first {compile:F0} ms then check {checkAfterCompile:F1} ms");
        }
    }

    private static CSharpCompilation Create(int fileCount, bool aspNetCore, WebAppShape shape)
    {
        var template = AnalysisSetup.CreateCompilation(fileCount, aspNetCore, shape: shape);
        var references = template.References.OfType<PortableExecutableReference>()
            .Select(reference => (MetadataReference)MetadataReference.CreateFromFile(reference.FilePath!));
        return template.WithReferences(references);
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
