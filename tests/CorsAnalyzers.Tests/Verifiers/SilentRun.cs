using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs the whole <see cref="CorsAnalyzer"/> (every rule) on code that must compile, and fails, listing everything that was
/// reported, when a rule of <c>judged</c> reports or any rule throws: the correct-code suites' one harness.
/// </summary>
public static class SilentRun
{
    /// <summary>
    /// <paramref name="source"/> is Program.cs, <paramref name="more"/> further files; <paramref name="library"/>, when
    /// given, is compiled into a referenced assembly (code we cannot see). The output kind is an application when a file
    /// has top-level statements or a static Main, unless <paramref name="kind"/> says otherwise.
    /// </summary>
    public static async Task AssertSilentAsync(IReadOnlyCollection<string> judged, OutputKind? kind, string? library, string source, params string[] more)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(source, parse, path: "/0/Program.cs") };
        for (var i = 0; i < more.Length; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(more[i], parse, path: $"/0/File{i + 1}.cs"));
        }

        var isProgram = trees.Any(t => t.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any()
            || t.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.Text == "Main" && m.Modifiers.Any(SyntaxKind.StaticKeyword)));
        trees.Add(CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings, parse, path: "/0/GlobalUsings.cs"));
        var references = AspNetCoreReferences.CurrentAssemblies.ToList();
        if (library is not null)
        {
            var lib = CSharpCompilation.Create(
                "Library",
                new[] { CSharpSyntaxTree.ParseText(library, parse, path: "/Library/Library.cs"), CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings, parse, path: "/Library/GlobalUsings.cs") },
                AspNetCoreReferences.CurrentAssemblies,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var libErrors = lib.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            if (libErrors.Length > 0)
            {
                Assert.Fail("LIBRARY COMPILER ERRORS:\n" + string.Join("\n", libErrors.Select(Format)));
            }

            references.Add(lib.ToMetadataReference());
        }

        var compilation = CSharpCompilation.Create(
            "CorrectCode",
            trees,
            references,
            new CSharpCompilationOptions(kind ?? (isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary), nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        if (errors.Length > 0)
        {
            Assert.Fail("COMPILER ERRORS:\n" + string.Join("\n", errors.Select(Format)));
        }

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(compilation, new CorsAnalyzer());
        Assert.Empty(exceptions);
        var all = diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToArray();
        if (all.Any(d => judged.Contains(d.Id)))
        {
            Assert.Fail("REPORTED:\n" + string.Join("\n", all.Select(Format)));
        }
    }

    private static string Format(Diagnostic d)
    {
        var line = d.Location.GetLineSpan();
        var text = d.Location.SourceTree?.GetText().Lines[line.StartLinePosition.Line].ToString().Trim();
        var severity = d.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };
        return $"  {d.Location.SourceTree?.FilePath} line {line.StartLinePosition.Line + 1}: {severity} {d.Id}: {d.GetMessage()}   <<< {text}";
    }
}
