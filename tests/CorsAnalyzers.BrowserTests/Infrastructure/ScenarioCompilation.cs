using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// One scenario app as a Roslyn project: its Program.cs, the shared <c>ScenarioApi.cs</c> (endpoints and a tiny
/// authentication handler) and the web SDK's implicit usings, compiled against this process's own ASP.NET Core
/// (the framework it then runs on). Runs the package's analyzer, applies its code fixes, and emits the app.
/// </summary>
public sealed class ScenarioCompilation
{
    public const string ProgramPath = "/app/Program.cs";

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private static readonly ImmutableArray<MetadataReference> References = LoadFrameworkReferences();
    private static readonly string SharedApi = ReadScenario("ScenarioApi.cs");

    private readonly Project _project;

    private ScenarioCompilation(Project project) => _project = project;

    public async Task<string> GetProgramAsync()
        => (await _project.Documents.Single(document => document.FilePath == ProgramPath).GetTextAsync()).ToString();

    /// <summary>The scenario's Program.cs with its <see cref="Placeholders"/> replaced.</summary>
    public static ScenarioCompilation Create(string file, string trustedOrigin, string? editorConfig = null)
        => FromSource(Placeholders.Apply(ReadScenario(file), trustedOrigin), editorConfig is null ? null : Placeholders.Apply(editorConfig, trustedOrigin));

    public static ScenarioCompilation FromSource(string program, string? editorConfig = null)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "ScenarioApp", "ScenarioApp", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: References))
            .AddDocument(DocumentId.CreateNewId(projectId), "Program.cs", SourceText.From(program), filePath: ProgramPath)
            .AddDocument(DocumentId.CreateNewId(projectId), "ScenarioApi.cs", SourceText.From(SharedApi), filePath: "/app/ScenarioApi.cs")
            .AddDocument(DocumentId.CreateNewId(projectId), "GlobalUsings.cs", SourceText.From(ImplicitUsings), filePath: "/app/GlobalUsings.cs");
        if (editorConfig is not null)
        {
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".editorconfig", SourceText.From(editorConfig), filePath: "/app/.editorconfig");
        }

        return new ScenarioCompilation(solution.GetProject(projectId)!);
    }

    /// <summary>What the package's analyzer reports, in source order.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
    {
        var compilation = await GetCompilationAsync();
        var exceptions = new ConcurrentQueue<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            _project.AnalyzerOptions,
            onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CorsAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        if (!exceptions.IsEmpty)
        {
            throw new AggregateException("The analyzer threw.", exceptions);
        }

        return diagnostics.OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>Applies the package's code fix (the first action it offers) for every diagnostic of <paramref name="id"/>, one at a time.</summary>
    public async Task<ScenarioCompilation> ApplyFixAsync(string id)
    {
        var current = this;
        for (var round = 0; round < 10; round++)
        {
            var diagnostic = (await current.AnalyzeAsync()).FirstOrDefault(diagnostic => diagnostic.Id == id);
            if (diagnostic is null)
            {
                return current;
            }

            var document = current._project.GetDocument(diagnostic.Location.SourceTree!)!;
            var provider = Fixers().SingleOrDefault(fixer => fixer.FixableDiagnosticIds.Contains(id))
                ?? throw new InvalidOperationException($"The package has no code fix for {id}.");
            CodeAction? action = null;
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (registered, _) => action ??= registered, CancellationToken.None));
            if (action is null)
            {
                throw new InvalidOperationException($"{provider.GetType().Name} offered no fix for: {diagnostic}");
            }

            var apply = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            current = new ScenarioCompilation(apply.ChangedSolution.GetProject(current._project.Id)!);
        }

        throw new InvalidOperationException($"{id} was still reported after ten fixes.");
    }

    /// <summary>Writes the app (app.dll and its runtimeconfig.json for Microsoft.AspNetCore.App) into <paramref name="folder"/>.</summary>
    public async Task<string> EmitAsync(string folder)
    {
        var compilation = await GetCompilationAsync();
        var path = Path.Combine(folder, "app.dll");
        using (var stream = File.Create(path))
        {
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException("The scenario app does not compile:" + Environment.NewLine
                    + string.Join(Environment.NewLine, result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error)));
            }
        }

        var version = $"{Environment.Version.Major}.{Environment.Version.Minor}.0";
        await File.WriteAllTextAsync(Path.Combine(folder, "app.runtimeconfig.json"), $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
                "frameworks": [
                  { "name": "Microsoft.NETCore.App", "version": "{{version}}" },
                  { "name": "Microsoft.AspNetCore.App", "version": "{{version}}" }
                ]
              }
            }
            """);
        return path;
    }

    private async Task<Compilation> GetCompilationAsync()
        => await _project.GetCompilationAsync() ?? throw new InvalidOperationException("No compilation.");

    private static CodeFixProvider[] Fixers()
        => typeof(CodeFixes.Rules.ReorderUseCorsFixer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .ToArray();

    private static string ReadScenario(string file)
    {
        using var stream = typeof(ScenarioCompilation).Assembly.GetManifestResourceStream("Scenarios/" + file)
            ?? throw new ArgumentException($"No scenario file Scenarios/{file}.", nameof(file));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>This process's own framework (.NET and ASP.NET Core implementation assemblies), the one the app runs on.</summary>
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var folders = new[] { typeof(object), typeof(CorsPolicyBuilder) }
            .Select(type => Path.GetDirectoryName(type.Assembly.Location)!)
            .ToArray();
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => folders.Contains(Path.GetDirectoryName(path), StringComparer.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
