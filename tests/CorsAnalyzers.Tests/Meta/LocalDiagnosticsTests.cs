using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Meta;

/// <summary>
/// The IDE shows and fixes only local diagnostics: those the analyzer driver files under the document that was analysed.
/// A finding reported from the operation that registers a policy but located in a later statement of the same member
/// must still be local, which is why <see cref="CorsAnalyzer"/> registers its operation action per operation block.
/// </summary>
public class LocalDiagnosticsTests
{
    [Fact]
    public async Task FindingInALaterStatementOfTheMember_IsLocalToTheDocument()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.Add("https://app.contoso.com/");
            policy.Methods.Add("GET");
            policy.Headers.Add("*");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();
            """;
        var tree = CSharpSyntaxTree.ParseText(source, path: "/0/Program.cs");
        var usings = CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings, path: "/0/GlobalUsings.cs");
        var compilation = CSharpCompilation.Create("Local", new[] { tree, usings }, AspNetCoreReferences.CurrentAssemblies, new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var analyzer = new CorsAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));

        // What the IDE asks for when it analyses one document.
        var result = await withAnalyzers.GetAnalysisResultAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);

        var local = result.SemanticDiagnostics.TryGetValue(tree, out var byAnalyzer) && byAnalyzer.TryGetValue(analyzer, out var diagnostics)
            ? diagnostics
            : ImmutableArray<Diagnostic>.Empty;
        var finding = Assert.Single(local, diagnostic => diagnostic.Id == DiagnosticIds.DoNotListOriginsThatNeverMatch);
        Assert.Equal("\"https://app.contoso.com/\"", tree.GetText().ToString(finding.Location.SourceSpan));
        Assert.DoesNotContain(result.CompilationDiagnostics.Values.SelectMany(values => values), diagnostic => diagnostic.Id.StartsWith("CORS", System.StringComparison.Ordinal));
    }
}
