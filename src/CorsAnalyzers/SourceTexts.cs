using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers;

/// <summary>
/// Whether a file's text holds a name at all, before its syntax is walked. The compilation-wide scans (a policy provider of
/// the app's own, configuration sources changed in code) look for a few rare names in every file: walking each file's
/// tokens built the syntax nodes of the whole compilation, and was more than half of a first run. The text is searched in
/// chunks, so no file is copied whole.
/// </summary>
internal static class SourceTexts
{
    private const int ChunkLength = 32 * 1024;

    /// <summary>True when the text of <paramref name="tree"/> contains one of <paramref name="names"/> (ordinal).</summary>
    public static bool MayContain(SyntaxTree tree, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        var longest = 0;
        foreach (var name in names)
        {
            longest = Math.Max(longest, name.Length);
        }

        var text = tree.GetText(cancellationToken);
        for (var start = 0; start < text.Length; start += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Chunks overlap by a name's length less one, so a name across a chunk's end is still found.
            var chunk = text.ToString(new TextSpan(start, Math.Min(ChunkLength + longest - 1, text.Length - start)));
            foreach (var name in names)
            {
                if (chunk.IndexOf(name, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
