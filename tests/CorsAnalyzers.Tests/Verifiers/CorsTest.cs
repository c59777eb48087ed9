using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CorsAnalyzers.Tests.Verifiers;

/// <summary>Which ASP.NET Core a test compiles against.</summary>
public enum AspNetCoreVersion
{
    Current,
    Net80,
    None,
}

/// <summary>What a web project's compilation has besides the snippet under test.</summary>
public static class WebProject
{
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Cors.Infrastructure;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        """;

    public const string NoAspNetCoreUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Threading.Tasks;
        """;
}

/// <summary>
/// A test of one rule (and its fixer) on snippets that read like a web project's code: the web SDK's implicit
/// usings are present, and top-level statements compile as a program. The package's <see cref="CorsAnalyzer"/>
/// runs with <typeparamref name="TRule"/> alone, so other rules' findings on the same snippet do not show.
/// </summary>
internal sealed class CorsTest<TRule, TCodeFix> : CSharpCodeFixTest<CorsAnalyzer, TCodeFix, DefaultVerifier>
    where TRule : CorsRule, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CorsTest(string source, string? fixedSource = null, AspNetCoreVersion version = AspNetCoreVersion.Current)
        : this(new[] { source }, fixedSource is null ? null : new[] { fixedSource }, version)
    {
    }

    /// <summary>
    /// A test of several files: the first is <c>/0/Program.cs</c>, the others <c>/0/File1.cs</c>, <c>/0/File2.cs</c>, ...
    /// The compilation is a program (an application, as web apps are) when a file has top-level statements or a
    /// <c>static Main</c>.
    /// </summary>
    public CorsTest(string[] sources, string[]? fixedSources = null, AspNetCoreVersion version = AspNetCoreVersion.Current)
    {
        ReferenceAssemblies = AspNetCoreReferences.NoPackages;
        TestState.AdditionalReferences.AddRange(AspNetCoreReferences.For(version));
        if (typeof(RegistryRule).IsAssignableFrom(typeof(TRule)))
        {
            // Registry rules report at the end of the compilation: their diagnostics are not local to a member.
            CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        var usings = version == AspNetCoreVersion.None ? WebProject.NoAspNetCoreUsings : WebProject.ImplicitUsings;
        var outputKind = sources.Any(IsProgram) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        TestState.OutputKind = outputKind;
        for (var i = 0; i < sources.Length; i++)
        {
            TestState.Sources.Add((FileName(i), sources[i]));
        }

        TestState.Sources.Add(("/0/GlobalUsings.cs", usings));
        if (fixedSources is not null)
        {
            FixedState.OutputKind = outputKind;
            for (var i = 0; i < fixedSources.Length; i++)
            {
                FixedState.Sources.Add((FileName(i), fixedSources[i]));
            }

            FixedState.Sources.Add(("/0/GlobalUsings.cs", usings));
        }
    }

    /// <summary>
    /// Adds a project the test project references: code of another assembly (in the IDE a compilation reference, whose
    /// symbols have syntax the analyzer must not treat as its own compilation's).
    /// </summary>
    public CorsTest<TRule, TCodeFix> WithLibrary(string source)
    {
        var library = new ProjectState("Library", LanguageNames.CSharp, "/Library/", "cs");
        library.Sources.Add(("/Library/Library.cs", source));
        library.AdditionalReferences.AddRange(TestState.AdditionalReferences);
        TestState.AdditionalProjects.Add("Library", library);
        TestState.AdditionalProjectReferences.Add("Library");
        return this;
    }

    /// <summary>
    /// Adds <paramref name="source"/> compiled to an assembly the project references as metadata: what a build sees of a
    /// project reference or a package (the assembly references only what its code uses, unlike <see cref="WithLibrary"/>'s
    /// compilation, which references all that its project does).
    /// </summary>
    public CorsTest<TRule, TCodeFix> WithCompiledLibrary(string source)
    {
        var compilation = CSharpCompilation.Create(
            "CompiledLibrary",
            new[] { CSharpSyntaxTree.ParseText(source) },
            TestState.AdditionalReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new System.IO.MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            throw new System.InvalidOperationException("The library does not compile: " + string.Join("; ", emitted.Diagnostics));
        }

        TestState.AdditionalReferences.Add(MetadataReference.CreateFromImage(image.ToArray()));
        return this;
    }

    /// <summary>Adds settings files as additional files of the project, in <c>/0/</c> beside the sources.</summary>
    public CorsTest<TRule, TCodeFix> WithSettingsFiles((string Name, string Content)[] files)
    {
        foreach (var (name, content) in files)
        {
            TestState.AdditionalFiles.Add(("/0/" + name, content));
            if (FixedState.Sources.Count > 0)
            {
                FixedState.AdditionalFiles.Add(("/0/" + name, Unmarked(content)));
            }
        }

        return this;
    }

    /// <summary>Settings file text without the test markup (<c>{|CORS005:...|}</c>) that marks expected diagnostics.</summary>
    private static string Unmarked(string content)
    {
        TestFileMarkupParser.GetSpans(content, out var output, out ImmutableDictionary<string, ImmutableArray<Microsoft.CodeAnalysis.Text.TextSpan>> _);
        return output;
    }

    public static string FileName(int index) => index == 0 ? "/0/Program.cs" : $"/0/File{index}.cs";

    /// <summary>The package's analyzer running <typeparamref name="TRule"/> only.</summary>
    public static CorsAnalyzer Analyzer() => new(ImmutableArray.Create<CorsRule>(new TRule()));

    /// <summary>Adds a <c>.editorconfig</c> that applies to every source file.</summary>
    public CorsTest<TRule, TCodeFix> WithEditorConfig(string settings)
    {
        var editorConfig = "root = true\n\n[*.cs]\n" + settings + "\n";
        TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return this;
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { Analyzer() };

    private static bool IsProgram(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        return root.ChildNodes().OfType<GlobalStatementSyntax>().Any()
            || root.DescendantNodes().OfType<MethodDeclarationSyntax>().Any(method => method.Identifier.Text == "Main" && method.Modifiers.Any(SyntaxKind.StaticKeyword));
    }
}
