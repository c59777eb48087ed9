using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>Half-typed code: every rule test's snippet cut at token boundaries, analysed by every analyzer of the package.</summary>
public class TruncatedSourceTests(ITestOutputHelper output)
{
    /// <summary>Snippets with more boundaries than this are cut at this many, evenly spaced (deterministic).</summary>
    public const int MaxCutsPerSource = 200;

    [Theory]
    [MemberData(nameof(TestSources.Names), MemberType = typeof(TestSources))]
    public async Task TruncatedAtTokenBoundaries_NoAnalyzerThrows(string name)
    {
        var source = TestSources.Get(name);
        var cuts = Cuts(source.Text);
        foreach (var cut in cuts)
        {
            var run = await AnalyzerRun.AnalyzeAsync(source.Text.Substring(0, cut));
            run.AssertNoAnalyzerException($"{name} cut at {cut} of {source.Text.Length}");
        }

        output.WriteLine($"{cuts.Count} cuts analysed by {PackageComponents.Analyzers.Length} analyzers.");
    }

    [Fact]
    public void Cuts_CoverEveryBoundaryOfSmallSources_AndSampleLargeOnes()
    {
        Assert.Equal(new[] { 0, 3, 4, 5, 6, 7, 8 }, Cuts("var x;\nx"));

        var large = string.Concat(Enumerable.Repeat("x = 1;\n", 400));
        var cuts = Cuts(large);
        Assert.Equal(MaxCutsPerSource, cuts.Count);
        Assert.Equal(cuts.Distinct().Count(), cuts.Count);
        Assert.Equal(0, cuts[0]);
        Assert.True(cuts[^1] > large.Length * 0.99);
    }

    /// <summary>Every token's start and end, or <see cref="MaxCutsPerSource"/> of them evenly spaced.</summary>
    internal static IReadOnlyList<int> Cuts(string text)
    {
        var boundaries = new SortedSet<int> { 0 };
        foreach (var token in AnalyzerRun.Parse(text).GetRoot().DescendantTokens())
        {
            boundaries.Add(token.SpanStart);
            boundaries.Add(token.Span.End);
        }

        var all = boundaries.ToList();
        if (all.Count <= MaxCutsPerSource)
        {
            return all;
        }

        return Enumerable.Range(0, MaxCutsPerSource)
            .Select(index => all[(int)((long)index * (all.Count - 1) / (MaxCutsPerSource - 1))])
            .ToList();
    }
}
