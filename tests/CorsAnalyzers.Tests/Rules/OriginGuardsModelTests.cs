using System.Linq;
using CorsAnalyzers.Headers;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// The hook the origin-check rule (CORS013) is called through: <see cref="HeaderBody.GetOriginGuards"/> gives, for each
/// reflected origin, the origin value and the condition that guards it.
/// </summary>
public class OriginGuardsModelTests
{
    [Theory]
    [InlineData("if (origin.EndsWith(\"contoso.com\"))", "OtherCheck", "origin.EndsWith(\"contoso.com\")")]
    [InlineData("if (!string.IsNullOrEmpty(origin) && Regex.IsMatch(origin, \"contoso\"))", "OtherCheck", "!string.IsNullOrEmpty(origin) && Regex.IsMatch(origin, \"contoso\")")]
    [InlineData("if (Allowed.Contains(origin))", "Membership", "Allowed.Contains(origin)")]
    [InlineData("if (origin != null)", "None", null)]
    [InlineData("if (context.Request.Method == \"GET\")", "None", null)]
    public void ReflectedOrigin_GivesItsGuard(string check, string kind, string? condition)
    {
        var source = $$"""
            using System.Text.RegularExpressions;

            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                string origin = context.Request.Headers.Origin.ToString();
                {{check}}
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                }

                await next(context);
            });

            partial class Program
            {
                private static readonly string[] Allowed = { "https://app.contoso.com" };
            }
            """;

        var guard = Assert.Single(Body(source).GetOriginGuards());

        Assert.Equal(kind, guard.Kind.ToString());
        Assert.Equal(condition, guard.Condition?.Syntax.ToString());
        Assert.Equal("origin", guard.Origin.Syntax.ToString());
        Assert.Equal("context.Response.Headers[\"Access-Control-Allow-Origin\"] = origin", guard.Write.Operation.Syntax.ToString());
    }

    [Fact]
    public void SecondWriteOfAFunction_IsNotModelledAgain()
    {
        const string source = """
            var app = WebApplication.Create(args);
            app.Use(async (context, next) =>
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = "*";
                context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
                await next(context);
            });
            """;
        var (writes, symbols) = Writes(source);

        var body = HeaderBody.ForFirstWrite(writes[0], symbols);

        Assert.NotNull(body);
        Assert.Equal(2, body!.AllowOriginWrites.Length);
        Assert.NotNull(body.Credentials);
        Assert.Null(HeaderBody.ForFirstWrite(writes[1], symbols));
        Assert.Equal(GuardKind.None, Assert.Single(body.GetOriginGuards()).Kind);
    }

    private static HeaderBody Body(string source)
    {
        var (writes, symbols) = Writes(source);
        return HeaderBody.ForFirstWrite(Assert.Single(writes), symbols)!;
    }

    private static (HeaderWrite[] Writes, HeaderSymbols Symbols) Writes(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create(
            "Guards",
            new[] { tree, CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings) },
            AspNetCoreReferences.CurrentAssemblies,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        Assert.True(HeaderSymbols.TryCreate(compilation, out var symbols));
        var model = compilation.GetSemanticModel(tree);
        var writes = tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Select(assignment => model.GetOperation(assignment))
            .OfType<ISimpleAssignmentOperation>()
            .Select(assignment => HeaderWrites.Read(assignment, symbols))
            .OfType<HeaderWrite>()
            .Where(write => write.Header == CorsHeader.AllowOrigin)
            .ToArray();
        return (writes, symbols);
    }
}
