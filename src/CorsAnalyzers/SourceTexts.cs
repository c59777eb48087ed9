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
        => MayContain(tree, new NameSet(names), cancellationToken);

    /// <summary>True when the text of <paramref name="tree"/> contains one of the names of <paramref name="names"/> (ordinal).</summary>
    public static bool MayContain(SyntaxTree tree, NameSet names, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        for (var start = 0; start < text.Length; start += ChunkLength)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Chunks overlap by a name's length less one, so a name across a chunk's end is still found.
            var chunk = text.ToString(new TextSpan(start, Math.Min(ChunkLength + names.Longest - 1, text.Length - start)));
            if (names.IsIn(chunk))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Names grouped by their first characters, so that a text is searched once per group rather than once per name: the
    /// configuration scan's dozen <c>Add...</c> adders are one search for "Add" and a comparison at each find.
    /// </summary>
    internal sealed class NameSet
    {
        private const int PrefixLength = 3;

        // Groups by prefix, a class of ours rather than KeyValuePair: List's code over a value type (Find, say) is in no
        // precompiled image, and the JIT compiled it in every build.
        private readonly List<Group> _groups = new();

        public NameSet(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                if (name.Length == 0)
                {
                    continue;
                }

                Longest = Math.Max(Longest, name.Length);
                var prefix = name.Length <= PrefixLength ? name : name.Substring(0, PrefixLength);
                Group? group = null;
                foreach (var candidate in _groups)
                {
                    group ??= candidate.Prefix == prefix ? candidate : null;
                }

                if (group is null)
                {
                    group = new Group(prefix);
                    _groups.Add(group);
                }

                group.Names.Add(name);
            }
        }

        public int Longest { get; }

        public bool IsIn(string text)
        {
            foreach (var group in _groups)
            {
                var prefix = group.Prefix;
                for (var at = text.IndexOf(prefix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(prefix, at + 1, StringComparison.Ordinal))
                {
                    foreach (var name in group.Names)
                    {
                        if (at + name.Length <= text.Length && string.CompareOrdinal(text, at, name, 0, name.Length) == 0)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private sealed class Group
        {
            public Group(string prefix) => Prefix = prefix;

            public string Prefix { get; }

            public List<string> Names { get; } = new();
        }
    }
}
