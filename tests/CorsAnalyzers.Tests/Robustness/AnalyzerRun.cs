using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>The result of running every analyzer of the package on some sources.</summary>
internal sealed record AnalyzerRun(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Failures)
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly SyntaxTree GlobalUsings = CSharpSyntaxTree.ParseText(
        WebProject.ImplicitUsings,
        ParseOptions,
        "/0/GlobalUsings.cs");

    private static readonly ConcurrentDictionary<OutputKind, CSharpCompilation> BaseCompilations = new();

    /// <summary>A compilation like the analyzer tests': the web SDK's implicit usings and this process's ASP.NET Core.</summary>
    public static CSharpCompilation CreateCompilation(IEnumerable<SyntaxTree> trees)
    {
        var treeList = trees.ToList();
        var outputKind = treeList.Any(tree => tree.GetRoot().ChildNodes().OfType<GlobalStatementSyntax>().Any())
            ? OutputKind.ConsoleApplication
            : OutputKind.DynamicallyLinkedLibrary;

        // Sharing one base compilation shares its bound references: every run after the first binds only its own code.
        var baseCompilation = BaseCompilations.GetOrAdd(outputKind, kind =>
        {
            var compilation = CSharpCompilation.Create(
                "Robustness",
                new[] { GlobalUsings },
                AspNetCoreReferences.CurrentAssemblies,
                new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder");
            return compilation;
        });
        return baseCompilation.AddSyntaxTrees(treeList);
    }

    public static SyntaxTree Parse(string source, string path = "/0/Program.cs", CSharpParseOptions? options = null)
        => CSharpSyntaxTree.ParseText(source, options ?? ParseOptions, path);

    public static Task<AnalyzerRun> AnalyzeAsync(string source, CSharpParseOptions? options = null)
        => AnalyzeAsync(CreateCompilation(new[] { Parse(source, options: options) }));

    /// <summary>Runs every analyzer; any exception an analyzer throws (or an AD0001 it caused) is a failure.</summary>
    public static async Task<AnalyzerRun> AnalyzeAsync(Compilation compilation)
    {
        var failures = new ConcurrentQueue<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            PackageComponents.Analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, analyzer, _) => failures.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(diagnostic => diagnostic.Id == "AD0001"))
        {
            failures.Enqueue(diagnostic.ToString());
        }

        return new AnalyzerRun(diagnostics, failures.ToImmutableArray());
    }

    public ImmutableArray<Diagnostic> Reported(string id)
        => Diagnostics.Where(diagnostic => diagnostic.Id == id).ToImmutableArray();

    /// <summary>Fails with every analyzer exception, and the source that caused it.</summary>
    public void AssertNoAnalyzerException(string because)
        => Assert.True(Failures.IsEmpty, $"{because}:{Environment.NewLine}{string.Join(Environment.NewLine, Failures)}");
}
