using System.Linq;
using CorsAnalyzers.Policies;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

public class OriginCheckSymbolsTests
{
    [Theory]
    [InlineData(AspNetCoreVersion.Current)]
    [InlineData(AspNetCoreVersion.Net80)]
    public void EveryTypeResolves(AspNetCoreVersion version)
    {
        var compilation = CSharpCompilation.Create("Meta", references: AspNetCoreReferences.For(version));

        Assert.All(OriginCheckSymbols.MetadataNames, name => Assert.True(compilation.GetTypeByMetadataName(name) is not null, $"{name} does not resolve on {version}."));
    }

    [Fact]
    public void StringMembersAreClassifiedOnlyOnSystemString()
    {
        var compilation = CSharpCompilation.Create("Meta", references: AspNetCoreReferences.CurrentAssemblies);
        var symbols = new OriginCheckSymbols(compilation);
        var endsWith = compilation.GetSpecialType(SpecialType.System_String).GetMembers("EndsWith").OfType<IMethodSymbol>().First();
        var uriHost = (IPropertySymbol)compilation.GetTypeByMetadataName(OriginCheckSymbols.UriName)!.GetMembers("Host").Single();
        var builderWithOrigins = compilation.GetTypeByMetadataName(CorsSymbols.CorsPolicyBuilderName)!.GetMembers("WithOrigins").OfType<IMethodSymbol>().First();

        Assert.Equal(StringMethod.EndsWith, symbols.GetStringMethod(endsWith));
        Assert.Equal(UriPart.Host, symbols.GetUriPart(uriHost));
        Assert.Equal(StringMethod.None, symbols.GetStringMethod(builderWithOrigins));
    }
}
