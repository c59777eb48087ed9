using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>Thin entry points over <see cref="CorsTest{TRule, TCodeFix}"/>: <c>using Verify = CSharpCodeFixVerifier&lt;XRule, XFixer&gt;;</c>.</summary>
internal static class CSharpCodeFixVerifier<TRule, TCodeFix>
    where TRule : CorsRule, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic() => new DiagnosticResult(new TRule().Descriptor);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
        => VerifyAnalyzerAsync(source, AspNetCoreVersion.Current, expected);

    public static Task VerifyAnalyzerAsync(string source, AspNetCoreVersion version, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(source, version: version);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>One file, and <paramref name="library"/> in a referenced project (code of another assembly).</summary>
    public static Task VerifyAnalyzerAsync(string source, string library, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(source).WithLibrary(library);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Several files (<see cref="CorsTest{TRule, TCodeFix}.FileName"/>): a policy defined in one and used in another, say.</summary>
    public static Task VerifyAnalyzerAsync(string[] sources, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(sources);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// One file and the project's settings files (<c>("appsettings.json", "{ ... }")</c>, names relative to the project
    /// folder <c>/0/</c>), passed as additional files as the package's props passes them; markup in them marks expected
    /// diagnostics.
    /// </summary>
    public static Task VerifyAnalyzerAsync(string source, (string Name, string Content)[] settingsFiles, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(source).WithSettingsFiles(settingsFiles);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="VerifyCodeFixAsync"/>, with settings files (unchanged by the fix).</summary>
    public static Task VerifyCodeFixAsync(string source, (string Name, string Content)[] settingsFiles, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(source, fixedSource).WithSettingsFiles(settingsFiles);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Applies the fix to each diagnostic in turn, then checks Fix All in document, project and solution gives the same result.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, string? editorConfig = null, params DiagnosticResult[] expected)
    {
        var test = new CorsTest<TRule, TCodeFix>(source, fixedSource);
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Like <see cref="VerifyCodeFixAsync"/>, and Fix All in document, project and solution must reach <paramref name="fixedSource"/> in one pass.</summary>
    public static Task VerifyFixAllAsync(string source, string fixedSource, string? editorConfig = null)
    {
        var test = new CorsTest<TRule, TCodeFix>(source, fixedSource);
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig);
        }

        return test.RunAsync();
    }
}
