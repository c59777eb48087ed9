using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit.Abstractions;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>
/// Every code fix of the package, applied to every diagnostic the analyzers report on the rule tests' snippets:
/// the fixed code has no compiler error the original did not have, and the diagnostic is gone.
/// </summary>
public class CodeFixRobustnessTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(TestSources.Names), MemberType = typeof(TestSources))]
    public async Task EveryFix_OnEveryDiagnostic_CompilesAndRemovesIt(string name)
    {
        var source = TestSources.Get(name);
        var document = CreateDocument(source.Text);
        var before = await AnalyzeAsync(document.Project);
        before.Run.AssertNoAnalyzerException(name);
        var applied = 0;

        foreach (var diagnostic in before.Run.Diagnostics)
        {
            foreach (var fixer in PackageComponents.CodeFixProviders.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                foreach (var action in await GetFixesAsync(fixer, document, diagnostic))
                {
                    var fixedProject = await ApplyAsync(action, document.Project);
                    var after = await AnalyzeAsync(fixedProject);
                    var where = $"{name}: {fixer.GetType().Name} '{action.Title}' on {diagnostic}";

                    after.Run.AssertNoAnalyzerException(where);
                    var newErrors = NewErrors(before.Errors, after.Errors);
                    Assert.True(newErrors.Count == 0, $"{where} introduced {string.Join("; ", newErrors)} in:\n{await TextAsync(fixedProject)}");
                    Assert.True(
                        after.Run.Reported(diagnostic.Id).Length < before.Run.Reported(diagnostic.Id).Length,
                        $"{where} left the diagnostic in:\n{await TextAsync(fixedProject)}");
                    applied++;
                }
            }
        }

        output.WriteLine($"{before.Run.Diagnostics.Length} diagnostics, {applied} fixes applied and checked.");
    }

    [Fact]
    public async Task EveryFixer_IsAppliedToSomeSnippet()
    {
        var fixedIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in TestSources.All.Where(source => source.HasMarkup))
        {
            var document = CreateDocument(source.Text);
            var run = (await AnalyzeAsync(document.Project)).Run;
            foreach (var diagnostic in run.Diagnostics)
            {
                foreach (var fixer in PackageComponents.CodeFixProviders.Where(fixer => fixer.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    if ((await GetFixesAsync(fixer, document, diagnostic)).Any())
                    {
                        fixedIds.Add(fixer.GetType().Name);
                    }
                }
            }
        }

        Assert.NotEmpty(PackageComponents.CodeFixProviders);
        Assert.Equal(PackageComponents.CodeFixProviders.Select(fixer => fixer.GetType().Name).Order(), fixedIds.Order());
    }

    private static Document CreateDocument(string text)
    {
        var compilation = AnalyzerRun.CreateCompilation(new[] { AnalyzerRun.Parse(text) });
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Robustness",
                "Robustness",
                LanguageNames.CSharp,
                compilationOptions: compilation.Options,
                parseOptions: AnalyzerRun.ParseOptions,
                metadataReferences: AspNetCoreReferences.CurrentAssemblies))
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.cs", compilation.SyntaxTrees[0].GetText(), filePath: "/0/GlobalUsings.cs");
        var documentId = DocumentId.CreateNewId(projectId);
        solution = solution.AddDocument(documentId, "Program.cs", SourceText.From(text), filePath: "/0/Program.cs");
        return solution.GetDocument(documentId)!;
    }

    private static async Task<(AnalyzerRun Run, ImmutableArray<Diagnostic> Errors)> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return (await AnalyzerRun.AnalyzeAsync(compilation), errors);
    }

    private static async Task<ImmutableArray<CodeAction>> GetFixesAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic)
    {
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await fixer.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    private static async Task<Project> ApplyAsync(CodeAction action, Project project)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return changed.GetProject(project.Id)!;
    }

    /// <summary>Errors of the fixed code beyond those of the original (compared by ID and count, since positions move).</summary>
    private static List<string> NewErrors(ImmutableArray<Diagnostic> before, ImmutableArray<Diagnostic> after)
    {
        var counts = before.GroupBy(error => error.Id).ToDictionary(group => group.Key, group => group.Count());
        return after
            .GroupBy(error => error.Id)
            .Where(group => group.Count() > counts.GetValueOrDefault(group.Key))
            .Select(group => group.First().ToString())
            .ToList();
    }

    private static async Task<string> TextAsync(Project project)
        => string.Join("\n", await Task.WhenAll(project.Documents.Select(async document => (await document.GetTextAsync()).ToString())));
}
