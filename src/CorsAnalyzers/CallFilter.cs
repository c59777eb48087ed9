using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>The models that learn something from calls to a method (<see cref="CallFilter"/>'s answer).</summary>
[Flags]
internal enum CallReaders
{
    None = 0,
    Policies = 1,
    Pipeline = 2,
    Registry = 4,
    Headers = 8,
}

/// <summary>
/// The first question the host asks of every invocation: which models can learn something from a call to this method?
/// Each model answers for the methods it reads (<see cref="CallFilter.Create"/> is handed their predicates), and the
/// answer is kept per method, so the thousands of calls to the same LINQ, logging and user methods cost one lookup each
/// instead of every model's own symbol comparisons, and a call that one model reads is not handed to the others. The
/// models still decide everything about the calls they are handed.
/// </summary>
internal sealed class CallFilter
{
    // How many slots a probe looks at before it gives up and overwrites the first.
    private const int Probes = 8;

    private const int InitialSize = 1024;

    private const int MaxSize = 1 << 18;

    // Indexed by the bit of CallReaders each model answers for; null for a model that does not run.
    private readonly Func<IMethodSymbol, bool>?[] _predicates;

    private readonly object _growing = new();

    // A cache, not a map: slots keyed by the method's definition (unreduced, not constructed: every call of
    // Enumerable.Select<TSource, TResult> shares one), found by the definition's identity hash. Reference identity, not
    // SymbolEqualityComparer: the compiler hands out one symbol object per definition. A slot holds an immutable entry,
    // so a reader sees a whole entry or none; two threads asking at once both compute the same answer. The table starts
    // small (an editor's single-document analysis meets few methods) and doubles when half full; a write racing with the
    // doubling may land in the old table, and a full probe overwrites a slot: either way a method is only asked again.
    // A lookup is one array read: a ConcurrentDictionary's comparer calls and node walk were a tenth of the package's
    // time in a build.
    private Entry?[] _entries = new Entry?[InitialSize];
    private int _count;

    private CallFilter(Func<IMethodSymbol, bool>?[] predicates) => _predicates = predicates;

    /// <summary>
    /// A filter that hands a call to each model whose predicate reads its method's definition (a null predicate: that model
    /// does not run).
    /// </summary>
    public static CallFilter Create(
        Func<IMethodSymbol, bool>? policies,
        Func<IMethodSymbol, bool>? pipeline,
        Func<IMethodSymbol, bool>? registry,
        Func<IMethodSymbol, bool>? headers)
        => new(new[] { policies, pipeline, registry, headers });

    /// <summary>The models that may learn something from <paramref name="invocation"/>; <see cref="CallReaders.None"/> for most calls.</summary>
    public CallReaders ReadersOf(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        var entries = Volatile.Read(ref _entries);
        var hash = RuntimeHelpers.GetHashCode(definition);
        var mask = entries.Length - 1;
        for (var probe = 0; probe < Probes; probe++)
        {
            var entry = entries[(hash + probe) & mask];
            if (entry is null)
            {
                break;
            }

            if (ReferenceEquals(entry.Definition, definition))
            {
                return entry.Readers;
            }
        }

        var readers = Ask(definition);
        Insert(entries, new Entry(definition, readers), hash);
        if (Interlocked.Increment(ref _count) > entries.Length / 2 && entries.Length < MaxSize)
        {
            Grow(entries);
        }

        return readers;
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
                    Insert(bigger, entry, RuntimeHelpers.GetHashCode(entry.Definition));
                }
            }

            Volatile.Write(ref _entries, bigger);
        }
    }

    private CallReaders Ask(IMethodSymbol definition)
    {
        var readers = CallReaders.None;
        for (var bit = 0; bit < _predicates.Length; bit++)
        {
            if (_predicates[bit] is { } reads && reads(definition))
            {
                readers |= (CallReaders)(1 << bit);
            }
        }

        return readers;
    }

    private sealed class Entry
    {
        public Entry(IMethodSymbol definition, CallReaders readers)
        {
            Definition = definition;
            Readers = readers;
        }

        public IMethodSymbol Definition { get; }

        public CallReaders Readers { get; }
    }
}
