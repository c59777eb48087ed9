using System.IO;
using System.Linq;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CorsAnalyzers.Tests.Meta;

public class WellKnownTypesTests
{
    private static readonly MetadataReference[] WebReferences = AspNetCoreReferences.CurrentAssemblies.ToArray();

    private static readonly MetadataReference[] PlainReferences = WebReferences
        .Where(reference => !Path.GetFileName(((PortableExecutableReference)reference).FilePath!).StartsWith("Microsoft.AspNetCore", System.StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void MayReference_WebProject_IsTrue()
    {
        var compilation = CSharpCompilation.Create("Web", references: WebReferences);

        Assert.True(WellKnownTypes.MayReference(compilation, WellKnownTypes.CorsAssembly));
        Assert.True(CorsSymbols.TryCreate(compilation, out _));
    }

    [Fact]
    public void MayReference_ProjectWithoutAspNetCore_IsFalse()
    {
        var compilation = CSharpCompilation.Create("Library", references: PlainReferences);

        Assert.NotEmpty(PlainReferences);
        Assert.False(WellKnownTypes.MayReference(compilation, WellKnownTypes.CorsAssembly));
        Assert.False(CorsSymbols.TryCreate(compilation, out _));
    }

    [Fact]
    public void MayReference_ReferenceWithoutAFile_IsTrue()
    {
        // An in-memory reference could be anything: the symbols decide.
        var image = CSharpCompilation.Create("InMemory", references: PlainReferences, options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var compilation = CSharpCompilation.Create("Library", references: PlainReferences.Append(image.ToMetadataReference()));

        Assert.True(WellKnownTypes.MayReference(compilation, WellKnownTypes.CorsAssembly));
        Assert.False(CorsSymbols.TryCreate(compilation, out _));
    }

    [Fact]
    public void MayReference_SimilarFileName_IsFalse()
    {
        var image = File.ReadAllBytes(typeof(WellKnownTypesTests).Assembly.Location);
        var similar = MetadataReference.CreateFromImage(image, filePath: "/refs/Contoso.Microsoft.AspNetCore.Cors.dll");
        var compilation = CSharpCompilation.Create("Library", references: PlainReferences.Append(similar));

        Assert.False(WellKnownTypes.MayReference(compilation, WellKnownTypes.CorsAssembly));
    }
}
