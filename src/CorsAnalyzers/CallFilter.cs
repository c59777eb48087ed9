using System;
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
/// The first question the host asks of every invocation (and, in a second filter, of every object creation): which
/// models can learn something from a call to this method or constructor? Each model answers for the methods it reads
/// (<see cref="Create"/> is handed their predicates), and the answer is kept per definition, so the thousands of calls
/// to the same LINQ, logging and user methods cost one lookup each instead of every model's own symbol comparisons, and
/// a call that one model reads is not handed to the others. The models still decide everything about the calls they
/// are handed.
/// </summary>
internal sealed class CallFilter
{
    // Indexed by the bit of CallReaders each model answers for; null for a model that does not run.
    private readonly Func<IMethodSymbol, bool>?[] _predicates;

    // Keyed by the method's definition (unreduced, not constructed: every call of Enumerable.Select<TSource, TResult>
    // shares one).
    private readonly IdentityCache<CallReaders> _readers;

    private CallFilter(Func<IMethodSymbol, bool>?[] predicates)
    {
        _predicates = predicates;
        _readers = new IdentityCache<CallReaders>(Ask);
        for (var bit = 0; bit < predicates.Length; bit++)
        {
            if (predicates[bit] is not null)
            {
                Running |= (CallReaders)(1 << bit);
            }
        }
    }

    /// <summary>The models that run (a non-null predicate): what a creation whose constructor did not resolve is handed to.</summary>
    public CallReaders Running { get; }

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
        return _readers.Get((method.ReducedFrom ?? method).OriginalDefinition);
    }

    /// <summary>
    /// The models that may learn something from <paramref name="creation"/>, asked of its constructor's definition; every
    /// running model when the constructor did not resolve (code that does not compile).
    /// </summary>
    public CallReaders ReadersOf(IObjectCreationOperation creation)
        => creation.Constructor is { } constructor ? _readers.Get(constructor.OriginalDefinition) : Running;

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
}
