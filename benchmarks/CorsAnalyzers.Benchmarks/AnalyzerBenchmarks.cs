using System.Collections.Immutable;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// The compiler's work on a generated web app with and without analyzers, on one thread. Each category has its
/// own baseline: the same compilation with no analyzers. The analyzers' cost is the difference. The web app is
/// <see cref="WebAppGenerator.DefaultShape"/>.
/// </summary>
[Config(typeof(ShortRunConfig))]
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
public class AnalyzerBenchmarks
{
    private const string WebApp = "WebApp";
    private const string NoAspNetCore = "NoAspNetCore";

    private CSharpCompilation _web = null!;
    private CSharpCompilation _plain = null!;
    private ImmutableArray<DiagnosticAnalyzer> _cors;
    private ImmutableArray<DiagnosticAnalyzer> _startup;

    [Params(100, 1_000, 10_000)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _web = AnalysisSetup.CreateCompilation(Files, aspNetCore: true);
        _plain = AnalysisSetup.CreateCompilation(Files, aspNetCore: false);
        _cors = AnalysisSetup.CorsAnalyzers();
        // All of ASP.NET Core's analyzers take minutes at 10,000 files; `telemetry` times them beside ours.
        _startup = AnalysisSetup.AspNetCoreAnalyzers().Where(AnalysisSetup.IsStartupAnalyzer).ToImmutableArray();
    }

    [Benchmark(Baseline = true), BenchmarkCategory(WebApp)]
    public int NoAnalyzers() => AnalysisSetup.CompileOnly(_web);

    [Benchmark, BenchmarkCategory(WebApp)]
    public int CorsAnalyzers() => AnalysisSetup.CompileWithAnalyzers(_web, _cors, AnalysisSetup.AdditionalFiles(WebAppGenerator.DefaultShape));

    [Benchmark, BenchmarkCategory(WebApp)]
    public int StartupAnalyzer() => _startup.IsEmpty ? 0 : AnalysisSetup.CompileWithAnalyzers(_web, _startup, AnalysisSetup.AdditionalFiles(WebAppGenerator.DefaultShape));

    [Benchmark(Baseline = true), BenchmarkCategory(NoAspNetCore)]
    public int NoAspNetCore_NoAnalyzers() => AnalysisSetup.CompileOnly(_plain);

    [Benchmark, BenchmarkCategory(NoAspNetCore)]
    public int NoAspNetCore_CorsAnalyzers() => AnalysisSetup.CompileWithAnalyzers(_plain, _cors);
}
