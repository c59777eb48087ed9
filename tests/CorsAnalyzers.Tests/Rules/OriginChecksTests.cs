using System.Linq;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// The weak-check component on its own, through the entry point the hand-written-header rules use: a condition and the
/// value that holds the request's origin (a local, or an expression read again in the condition).
/// </summary>
public class OriginChecksTests
{
    [Theory]
    [InlineData("origin.EndsWith(\"contoso.com\")", nameof(WeakCheckKind.EndsWithoutDot), "https://evilcontoso.com")]
    [InlineData("origin.StartsWith(\"https://app.contoso.com\")", nameof(WeakCheckKind.StartsWithoutEnd), "https://app.contoso.com.evil.io")]
    [InlineData("origin.ToLowerInvariant().Contains(\"contoso.com\")", nameof(WeakCheckKind.ContainsAnywhere), "https://contoso.com.evil.io")]
    [InlineData("Regex.IsMatch(origin, \"^https://app.contoso.com$\")", nameof(WeakCheckKind.PatternUnescapedDot), "https://appxcontoso.com")]
    [InlineData("new Uri(origin).Host.EndsWith(\"contoso.com\") && origin.StartsWith(\"https://\")", nameof(WeakCheckKind.EndsWithoutDot), "https://evilcontoso.com")]
    public void WeakGuardOfALocal_IsFound(string condition, string kind, string passingOrigin)
    {
        var (guard, origin, symbols) = Compile($$"""
            var origin = context.Request.Headers.Origin.ToString();
            if ({{condition}})
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
            }
            """, declaresLocal: true);

        var check = Assert.Single(OriginChecks.InCondition(guard, origin, symbols));

        Assert.Equal(kind, check.Kind.ToString());
        Assert.Equal(passingOrigin, check.PassingOrigin);
    }

    [Theory]
    [InlineData("origin == \"https://app.contoso.com\"")]
    [InlineData("new Uri(origin).Host.EndsWith(\".contoso.com\")")]
    [InlineData("Allowed.Contains(origin)")]
    [InlineData("origin.EndsWith(\"contoso.com\") && Allowed.Contains(origin)")]
    [InlineData("Regex.IsMatch(origin, @\"^https://(app|admin)\\.contoso\\.com$\")")]
    public void StrictGuard_FindsNothing(string condition)
    {
        var (guard, origin, symbols) = Compile($$"""
            var origin = context.Request.Headers.Origin.ToString();
            if ({{condition}})
            {
                context.Response.Headers.AccessControlAllowOrigin = origin;
            }
            """, declaresLocal: true);

        Assert.Empty(OriginChecks.InCondition(guard, origin, symbols));
    }

    [Fact]
    public void GuardOverAnExpression_MatchesTheSameMemberChain()
    {
        var (guard, origin, symbols) = Compile("""
            if (context.Request.Headers.Origin.ToString().EndsWith("contoso.com") || context.Request.Query["origin"].ToString().EndsWith(".contoso.com"))
            {
                context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
            }
            """, declaresLocal: false);

        var check = Assert.Single(OriginChecks.InCondition(guard, origin, symbols));

        Assert.Equal("https://evilcontoso.com", check.PassingOrigin);
    }

    private static (IOperation Guard, OriginValue Origin, OriginCheckSymbols Symbols) Compile(string body, bool declaresLocal)
    {
        var source = $$"""
            using System.Text.RegularExpressions;

            public static class Middleware
            {
                private static readonly HashSet<string> Allowed = new() { "https://app.contoso.com" };

                public static void Handle(HttpContext context)
                {
            {{body}}
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create(
            "Checks",
            new[] { tree, CSharpSyntaxTree.ParseText(WebProject.ImplicitUsings) },
            AspNetCoreReferences.CurrentAssemblies,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error));
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var condition = model.GetOperation(root.DescendantNodes().OfType<IfStatementSyntax>().First().Condition)!;
        var symbols = new OriginCheckSymbols(compilation);
        if (declaresLocal)
        {
            var local = model.GetDeclaredSymbol(root.DescendantNodes().OfType<VariableDeclaratorSyntax>().Last())!;
            return (condition, OriginValue.Of(local), symbols);
        }

        var header = root.DescendantNodes().OfType<InvocationExpressionSyntax>().First(call => call.ToString() == "context.Request.Headers.Origin.ToString()");
        return (condition, OriginValue.Of(model.GetOperation(header)!), symbols);
    }
}
