using System.Linq;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

/// <summary>
/// <see cref="SourceBodies.MayCall"/>: the syntactic test that spares the pipeline model binding a helper that cannot add
/// middleware. It must say false only when no call of the body can be a known method or one declared in source.
/// </summary>
public class SourceBodiesTests
{
    private const string Helpers = """
        static class Helpers
        {
            public static WebApplication MapRoutes(this WebApplication app)
            {
                app.MapGet("/a", () => Results.Ok("a")).RequireCors("Api");
                app.MapGet("/b", async (HttpContext context) => { await context.Response.WriteAsync("b"); });
                return app;
            }

            public static void UsesMiddleware(IApplicationBuilder app) => app.UseAuthorization();

            public static void CallsSourceMember(IApplicationBuilder app) => app.Secure();

            public static void Secure(this IApplicationBuilder app) => app.UseAuthentication();

            public static void CallsLocalFunction(IApplicationBuilder app)
            {
                Configure(app);

                static void Configure(IApplicationBuilder pipeline) => pipeline.UseRouting();
            }

            public static void MiddlewareOnlyInLambda(IApplicationBuilder app)
                => app.MapWhen(_ => true, branch => branch.UseAuthorization());

            public static void CallsThroughDelegate(IApplicationBuilder app, System.Action<IApplicationBuilder> configure)
                => configure(app);

            public static void ConditionalCall(IApplicationBuilder? app) => app?.UseAuthorization();
        }
        """;

    [Theory]
    [InlineData("MapRoutes", false, false)]
    [InlineData("UsesMiddleware", false, true)]
    [InlineData("CallsSourceMember", false, true)]
    [InlineData("CallsLocalFunction", false, true)]
    [InlineData("MiddlewareOnlyInLambda", false, false)]
    [InlineData("MiddlewareOnlyInLambda", true, true)]
    [InlineData("CallsThroughDelegate", false, false)]
    [InlineData("ConditionalCall", false, true)]
    public void MayCall_SaysFalseOnlyWhenNoCallCanBeFollowed(string methodName, bool inLambdas, bool expected)
    {
        var compilation = Compile(Helpers, OutputKind.DynamicallyLinkedLibrary);
        var method = compilation.GetTypeByMetadataName("Helpers")!.GetMembers(methodName).OfType<IMethodSymbol>().Single();

        var mayCall = SourceBodies.MayCall(method, PipelineSymbols.IsMiddlewareName, new SourceBodies.SourceNames(compilation), inLambdas);

        Assert.Equal(expected, mayCall);
    }

    [Fact]
    public void MayCall_TopLevelLocalFunctionCallingAnother_IsTrue()
    {
        var compilation = Compile("""
            var app = WebApplication.Create(args);
            Outer(app);

            static void Outer(IApplicationBuilder pipeline) => Inner(pipeline);

            static void Inner(IApplicationBuilder pipeline) => pipeline.UseAuthorization();
            """);
        var tree = compilation.SyntaxTrees.First();
        var outer = compilation.GetSemanticModel(tree).GetDeclaredSymbol(
            tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax>().First())!;

        Assert.True(SourceBodies.MayCall((IMethodSymbol)outer, PipelineSymbols.IsMiddlewareName, new SourceBodies.SourceNames(compilation), inLambdas: false));
    }

    [Fact]
    public void MayCall_SameTreeInALaterCompilation_AsksThatCompilationForItsMembers()
    {
        // The names a body calls are kept per syntax tree, across compilations (an editor's next compilation reuses the
        // trees of files it did not edit); whether a name is a source member is the compilation's own answer.
        var helper = CSharpSyntaxTree.ParseText("""
            static class Helpers
            {
                public static void CallsSecure(IApplicationBuilder app) => Extensions.Secure(app);
            }
            """);
        var usings = CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
        var without = CSharpCompilation.Create("Without", new[] { helper, usings }, AspNetCoreReferences.CurrentAssemblies, options);
        var with = without.AddSyntaxTrees(CSharpSyntaxTree.ParseText("""
            static class Extensions
            {
                public static void Secure(IApplicationBuilder app) => app.UseAuthentication();
            }
            """));

        bool MayCall(Compilation compilation)
        {
            var method = compilation.GetTypeByMetadataName("Helpers")!.GetMembers("CallsSecure").OfType<IMethodSymbol>().Single();
            return SourceBodies.MayCall(method, PipelineSymbols.IsMiddlewareName, new SourceBodies.SourceNames(compilation), inLambdas: false);
        }

        Assert.False(MayCall(without));
        Assert.True(MayCall(with));
        Assert.False(MayCall(without));
    }

    private static Compilation Compile(string source, OutputKind kind = OutputKind.ConsoleApplication)
    {
        var compilation = CSharpCompilation.Create(
            "Bodies",
            new[] { CSharpSyntaxTree.ParseText(source), CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings) },
            AspNetCoreReferences.CurrentAssemblies,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        return compilation;
    }
}
