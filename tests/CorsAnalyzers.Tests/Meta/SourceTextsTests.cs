using System.Threading;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

/// <summary>The text search the compilation-wide scans start with: a name anywhere, also across a chunk's end, is found.</summary>
public class SourceTextsTests
{
    private static readonly string[] Names = { "ICorsPolicyProvider", "GetPolicy" };

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(32 * 1024 - 15)] // "class C : " is 10 characters: the name straddles the first chunk's end
    [InlineData(32 * 1024)]
    [InlineData(70_000)]
    public void NameAtAnyPosition_IsFound(int padding)
    {
        var tree = CSharpSyntaxTree.ParseText(new string(' ', padding) + "class C : ICorsPolicyProvider { }");

        Assert.True(SourceTexts.MayContain(tree, Names, CancellationToken.None));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(32 * 1024 - 15)]
    public void TextWithoutTheNames_IsNot(int padding)
    {
        var tree = CSharpSyntaxTree.ParseText(new string(' ', padding) + "class C : ICorsPolicy { void GetPolic() { } }");

        Assert.False(SourceTexts.MayContain(tree, Names, CancellationToken.None));
    }

    // Names that share their first characters are searched as one group: every find of the prefix is compared with each.
    private static readonly string[] Adders = { "AddJsonFile", "AddIniFile", "Sources" };

    [Theory]
    [InlineData("services.AddScoped<A>(); builder.Configuration.AddIniFile(\"x.ini\");")]
    [InlineData("AddJsonFile")]
    [InlineData("var s = c.AddJson; var t = c.Sources")]
    public void NameAfterOtherFindsOfItsPrefix_IsFound(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code);

        Assert.True(SourceTexts.MayContain(tree, Adders, CancellationToken.None));
    }

    [Theory]
    [InlineData("services.AddScoped<A>(); builder.Configuration.AddJson(); AddIniFil")]
    [InlineData("var s = c.Source; AddJsonFil")]
    public void PrefixesWithoutAName_AreNot(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code);

        Assert.False(SourceTexts.MayContain(tree, Adders, CancellationToken.None));
    }
}
