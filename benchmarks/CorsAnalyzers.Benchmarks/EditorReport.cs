using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// What our analyzer costs an editor after an edit of a large <c>Program.cs</c>: the rich app with a Program.cs of top-level
/// statements padded with inline endpoints, then edit and analyse cycles, each an edit of one line
/// (<see cref="Compilation.ReplaceSyntaxTree"/> with an incrementally re-parsed tree, as a language server gets it) and
/// <see cref="CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(SemanticModel, TextSpan?, CancellationToken)"/>
/// for that one document with <see cref="CorsAnalyzer"/> alone. Reported: the analyzer's own execution time (the
/// compiler's telemetry) and the call's wall-clock time, which includes the compiler binding the document.
/// </summary>
public static class EditorReport
{
    public const int DefaultProgramLines = 3_000;

    private const int WarmCycles = 10;

    /// <summary>The inline endpoints of the padded Program.cs start with this; the edit changes one of their routes.</summary>
    private const string EditedRoute = "app.MapGet(\"/p/";

    public static void Run(int fileCount, int programLines)
    {
        const WebAppShape Shape = WebAppShape.Rich;
        Compilation compilation = AnalysisSetup.CreateCompilation(fileCount, aspNetCore: true, WebAppGenerator.DefaultCorsFileInterval, Shape, programLines);
        var additionalFiles = AnalysisSetup.AdditionalFiles(Shape);

        // The language server has compiled the project before the edit (and the compiler's own code is JIT-compiled).
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            throw new InvalidOperationException($"The generated app does not compile: {errors[0]} ({errors.Length} errors).");
        }

        var tree = compilation.SyntaxTrees.Single(syntaxTree => syntaxTree.FilePath.EndsWith("/Program.cs", StringComparison.Ordinal));
        var lines = tree.GetText().Lines;
        var edited = lines.Where(line => line.ToString().StartsWith(EditedRoute, StringComparison.Ordinal)).Select(line => line.LineNumber).ToArray();
        if (edited.Length == 0)
        {
            throw new InvalidOperationException($"Program.cs has no inline endpoint to edit ({lines.Count} lines; ask for more with --lines).");
        }

        var lineNumber = edited[edited.Length / 2];
        var original = lines[lineNumber].ToString();
        Console.WriteLine($"The rich app, {fileCount:N0} files; Program.cs {lines.Count:N0} lines of top-level statements. Each cycle edits line "
            + $"{lineNumber + 1:N0} (a route's text) and asks GetAnalyzerSemanticDiagnosticsAsync(model, span: null) for Program.cs, CorsAnalyzer alone, one thread.");

        var analyzer = new CorsAnalyzer();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(analyzer);
        var ours = new List<double>();
        var wall = new List<double>();
        var diagnostics = ImmutableArray<Diagnostic>.Empty;
        for (var cycle = 0; cycle <= WarmCycles; cycle++)
        {
            (compilation, tree) = Edit(compilation, tree, lineNumber, original.Replace("\"/p/", $"\"/p/e{cycle}/", StringComparison.Ordinal));
            var watch = Stopwatch.StartNew();
            var model = compilation.GetSemanticModel(tree);
            var withAnalyzers = AnalysisSetup.WithAnalyzers(compilation, analyzers, logTime: true, additionalFiles);
            diagnostics = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
            wall.Add(watch.Elapsed.TotalMilliseconds);
            ours.Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        }

        Console.WriteLine($"cold (the first edit; the analyzer's first run in the process): CorsAnalyzer {ours[0]:F1} ms, wall {wall[0]:F1} ms");
        Console.WriteLine($"warm (median of the {WarmCycles} edits after it): CorsAnalyzer {Median(ours.Skip(1)):F1} ms ({ours.Skip(1).Min():F1}-{ours.Skip(1).Max():F1}), "
            + $"wall {Median(wall.Skip(1)):F1} ms ({wall.Skip(1).Min():F1}-{wall.Skip(1).Max():F1})");
        var found = diagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal).Select(group => $"{group.Key} x{group.Count()}");
        Console.WriteLine($"Diagnostics in Program.cs: {(diagnostics.IsEmpty ? "none" : string.Join(", ", found))}");

        // For scale: the compiler alone on the same edits (Program.cs's semantic diagnostics: binding it, no analyzer).
        var compiler = new List<double>();
        for (var cycle = 0; cycle < WarmCycles; cycle++)
        {
            (compilation, tree) = Edit(compilation, tree, lineNumber, original.Replace("\"/p/", $"\"/p/c{cycle}/", StringComparison.Ordinal));
            var watch = Stopwatch.StartNew();
            compilation.GetSemanticModel(tree).GetDiagnostics();
            compiler.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"The compiler alone after the same edits (SemanticModel.GetDiagnostics of Program.cs, median of {WarmCycles}): {Median(compiler):F1} ms");
    }

    private static (Compilation, SyntaxTree) Edit(Compilation compilation, SyntaxTree tree, int lineNumber, string newLine)
    {
        var text = tree.GetText();
        var changed = tree.WithChangedText(text.WithChanges(new TextChange(text.Lines[lineNumber].Span, newLine)));
        return (compilation.ReplaceSyntaxTree(tree, changed), changed);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
