using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers;

/// <summary>
/// The first question the host asks of every invocation: can any model learn something from a call to this method?
/// Each model answers for the methods it reads (<see cref="CallFilter.Create"/> is handed their predicates), and the
/// answer is kept per method, so the thousands of calls to the same LINQ, logging and user methods cost one lookup each
/// instead of every model's own symbol comparisons. The models still decide everything about the calls that pass.
/// </summary>
internal sealed class CallFilter
{
    private static readonly object Read = new();
    private static readonly object Skipped = new();

    // Keyed by the method's definition (unreduced, not constructed): every call of Enumerable.Select<TSource, TResult>
    // shares one entry. Reference identity, not SymbolEqualityComparer: the compiler hands out one symbol object per
    // definition, and were it ever to hand out two, the second would only be asked again. Object values, not bool: the
    // framework has this dictionary precompiled for reference types only, and a build would JIT a bool instantiation.
    private readonly ConcurrentDictionary<IMethodSymbol, object> _answers = new(ReferenceComparer<IMethodSymbol>.Instance);
    private readonly Func<IMethodSymbol, bool>[] _readers;

    private CallFilter(Func<IMethodSymbol, bool>[] readers) => _readers = readers;

    /// <summary>A filter that passes a call when any of <paramref name="readers"/> reads its method's definition.</summary>
    public static CallFilter Create(List<Func<IMethodSymbol, bool>> readers) => new(readers.ToArray());

    /// <summary>True when some model may learn something from <paramref name="invocation"/>.</summary>
    public bool Passes(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!_answers.TryGetValue(definition, out var answer))
        {
            answer = Ask(definition) ? Read : Skipped;
            _answers.TryAdd(definition, answer);
        }

        return answer == Read;
    }

    private bool Ask(IMethodSymbol definition)
    {
        foreach (var reads in _readers)
        {
            if (reads(definition))
            {
                return true;
            }
        }

        return false;
    }
}
