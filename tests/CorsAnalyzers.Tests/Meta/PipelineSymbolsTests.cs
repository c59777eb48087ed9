using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

public class PipelineSymbolsTests
{
    [Theory]
    [InlineData(AspNetCoreVersion.Current)]
    [InlineData(AspNetCoreVersion.Net80)]
    public void EveryTypeAndMethodResolves(AspNetCoreVersion version)
    {
        var compilation = CreateCompilation(version);

        foreach (var name in PipelineSymbols.MetadataNames)
        {
            Assert.True(compilation.GetTypeByMetadataName(name) is not null, $"{name} does not resolve on {version}");
        }

        foreach (var (type, method, _) in PipelineSymbols.MiddlewareMethods)
        {
            Assert.True(compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>().Any(), $"{type}.{method} is missing on {version}");
        }

        foreach (var (type, method, _, _) in PipelineSymbols.RegistrationMethods)
        {
            Assert.True(compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>().Any(), $"{type}.{method} is missing on {version}");
        }
    }

    [Theory]
    [InlineData(AspNetCoreVersion.Current)]
    [InlineData(AspNetCoreVersion.Net80)]
    public void MiddlewareMethodsAreClassified(AspNetCoreVersion version)
    {
        var compilation = CreateCompilation(version);
        Assert.True(CorsSymbols.TryCreate(compilation, out var cors));
        Assert.True(PipelineSymbols.TryCreate(compilation, cors, out var symbols));

        foreach (var (type, method, kind) in PipelineSymbols.MiddlewareMethods)
        {
            foreach (var symbol in compilation.GetTypeByMetadataName(type)!.GetMembers(method).OfType<IMethodSymbol>())
            {
                Assert.Equal(kind, symbols.GetMiddleware(symbol));
            }
        }

        Assert.True(symbols.IsApplicationBuilder(compilation.GetTypeByMetadataName(PipelineSymbols.WebApplicationName)));
    }

    private static Compilation CreateCompilation(AspNetCoreVersion version)
        => CSharpCompilation.Create("Meta", references: AspNetCoreReferences.For(version));
}
