using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>One snippet of an analyzer test: a raw string literal in tests/CorsAnalyzers.Tests/Rules/*.cs, markup removed.</summary>
public sealed record TestSource(string Name, string Text, bool HasMarkup)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every C# snippet of the rule tests, read by parsing the test files themselves (copied next to the test assembly),
/// so the robustness tests cover each new rule's tests without edits here.
/// </summary>
public static class TestSources
{
    public const string Folder = "RobustnessSources";

    private static readonly Lazy<ImmutableDictionary<string, TestSource>> Sources = new(Load);

    public static IEnumerable<TestSource> All => Sources.Value.Values.OrderBy(source => source.Name, StringComparer.Ordinal);

    public static TestSource Get(string name) => Sources.Value[name];

    /// <summary>The names of every snippet, as theory data.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var source in All)
        {
            data.Add(source.Name);
        }

        return data;
    }

    private static ImmutableDictionary<string, TestSource> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, Folder);
        var sources = ImmutableDictionary.CreateBuilder<string, TestSource>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var tree = CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file);
            foreach (var token in tree.GetRoot().DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    continue;
                }

                // Settings (.editorconfig text) and other non-code strings have neither statements nor blocks.
                var text = token.ValueText;
                if (!text.Contains(';') && !text.Contains('{'))
                {
                    continue;
                }

                var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var name = $"{Path.GetFileNameWithoutExtension(file)}:{line}";
                var code = RemoveMarkup(text, out var hasMarkup);
                sources[name] = new TestSource(name, code, hasMarkup);
            }
        }

        return sources.ToImmutable();
    }

    /// <summary>The snippet as the test compiles it: <c>{|#0:...|}</c>, <c>{|ID:...|}</c> and <c>[|...|]</c> markup removed.</summary>
    private static string RemoveMarkup(string text, out bool hasMarkup)
    {
        TestFileMarkupParser.GetSpans(text, out var output, out ImmutableDictionary<string, ImmutableArray<TextSpan>> spans);
        hasMarkup = spans.Values.Any(list => !list.IsEmpty);
        return output;
    }
}
