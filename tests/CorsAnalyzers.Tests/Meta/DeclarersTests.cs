using System.Linq;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

/// <summary>
/// The call filter hands a model only the methods of the declarers it reads, so a wrong declarer silences a model:
/// each kind is checked on the assemblies it stands for, in the ASP.NET Core this machine runs and in 8.
/// </summary>
public class DeclarersTests
{
    private const string Source = """
        public class AppType { }
        """;

    public static TheoryData<string> Frameworks => new() { "current", "net8" };

    [Theory]
    [MemberData(nameof(Frameworks))]
    public void Of_EachAssembly_IsItsDeclarer(string framework)
    {
        var references = framework == "current" ? AspNetCoreReferences.CurrentAssemblies : AspNetCoreReferences.Net80Assemblies;
        var library = CSharpCompilation.Create("SomeLibrary", new[] { CSharpSyntaxTree.ParseText("public class LibraryType { }") }, references)
            .ToMetadataReference();
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(Source) }, references.Append(library));
        Assert.True(CorsSymbols.TryCreate(compilation, out var symbols));
        var declarers = symbols.Declarers;

        Assert.Equal(Declarer.Source, declarers.Of(compilation.GetTypeByMetadataName("AppType")));
        Assert.Equal(Declarer.Cors, declarers.Of(symbols.CorsOptions));
        Assert.Equal(Declarer.Cors, declarers.Of(symbols.CorsEndpointConventionBuilderExtensions));
        Assert.Equal(Declarer.Framework, declarers.Of(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.IApplicationBuilder")));
        Assert.Equal(Declarer.Framework, declarers.Of(compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection")));
        Assert.Equal(Declarer.Platform, declarers.Of(compilation.GetSpecialType(SpecialType.System_String)));
        Assert.Equal(Declarer.Platform, declarers.Of(compilation.GetTypeByMetadataName("System.Linq.Enumerable")));
        Assert.Equal(Declarer.Platform, declarers.Of(compilation.GetTypeByMetadataName("System.Collections.Generic.CollectionExtensions")));
        Assert.Equal(Declarer.Other, declarers.Of(compilation.GetTypeByMetadataName("LibraryType")));
        Assert.Equal(Declarer.Platform, declarers.Of((IAssemblySymbol?)null));
    }

    [Fact]
    public void Of_SeveralTypes_IsTheirUnion()
    {
        var compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(Source) }, AspNetCoreReferences.CurrentAssemblies);
        Assert.True(CorsSymbols.TryCreate(compilation, out var symbols));

        Assert.Equal(
            Declarer.Source | Declarer.Cors | Declarer.Platform,
            symbols.Declarers.Of(compilation.GetTypeByMetadataName("AppType"), symbols.CorsPolicy, null, compilation.GetSpecialType(SpecialType.System_Int32)));
    }
}
