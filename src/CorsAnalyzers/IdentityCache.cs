using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

/// <summary>
/// What a model learns from a symbol alone, computed once per symbol and kept for the compilation: the
/// <see cref="CallFilter"/>'s readers of each method, the registry's facts of each method and constructor, the
/// interfaces of ASP.NET Core's that a parameter's or type argument's type implements. Keyed by
/// reference identity, not <c>SymbolEqualityComparer</c>: the compiler hands out one symbol object per definition, and
/// a lookup is one array read where a <c>ConcurrentDictionary</c>'s comparer calls and node walk were a tenth of the
/// package's time in a build. Safe for concurrent use; two threads asking at once both compute the same answer.
/// </summary>
/// <remarks>
/// Keyed by <see cref="ISymbol"/>, not a type parameter: code shared over reference-type keys looks up its entry type at
/// run time on every read and write (the precompiled image's generic dictionary stubs); with a concrete key and a
/// value-type value each cache is code of its own.
/// </remarks>
internal sealed class IdentityCache<TValue>
{
    // How many slots a probe looks at before it gives up and overwrites the first.
    private const int Probes = 8;

    private const int InitialSize = 1024;

    private const int MaxSize = 1 << 18;

    private readonly Func<ISymbol, TValue> _compute;

    private readonly object _growing = new();

    // A cache, not a map: slots found by the key's identity hash, each holding an immutable entry, so a reader sees a
    // whole entry or none. The table starts small (an editor's single-document analysis meets few symbols) and doubles
    // when half full; a write racing with the doubling may land in the old table, and a full probe overwrites a slot:
    // either way a key is only computed again.
    private Entry?[] _entries = new Entry?[InitialSize];
    private int _count;

    public IdentityCache(Func<ISymbol, TValue> compute) => _compute = compute;

    /// <summary>The value for <paramref name="key"/>, computed on the first question.</summary>
    public TValue Get(ISymbol key)
    {
        var entries = Volatile.Read(ref _entries);
        var hash = RuntimeHelpers.GetHashCode(key);
        var mask = entries.Length - 1;
        for (var probe = 0; probe < Probes; probe++)
        {
            var entry = entries[(hash + probe) & mask];
            if (entry is null)
            {
                break;
            }

            if (ReferenceEquals(entry.Key, key))
            {
                return entry.Value;
            }
        }

        var value = _compute(key);
        Insert(entries, new Entry(key, value), hash);
        if (Interlocked.Increment(ref _count) > entries.Length / 2 && entries.Length < MaxSize)
        {
            Grow(entries);
        }

        return value;
    }

    private static void Insert(Entry?[] entries, Entry entry, int hash)
    {
        var mask = entries.Length - 1;
        var slot = hash & mask;
        for (var probe = 0; probe < Probes; probe++)
        {
            if (entries[(hash + probe) & mask] is null)
            {
                slot = (hash + probe) & mask;
                break;
            }
        }

        entries[slot] = entry;
    }

    private void Grow(Entry?[] entries)
    {
        lock (_growing)
        {
            if (_entries != entries)
            {
                return;
            }

            var bigger = new Entry?[entries.Length * 2];
            foreach (var entry in entries)
            {
                if (entry is not null)
                {
                    Insert(bigger, entry, RuntimeHelpers.GetHashCode(entry.Key));
                }
            }

            Volatile.Write(ref _entries, bigger);
        }
    }

    private sealed class Entry
    {
        public Entry(ISymbol key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public ISymbol Key { get; }

        public TValue Value { get; }
    }
}
