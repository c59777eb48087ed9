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
/// What one model asks the <see cref="CallFilter"/> to hand it: calls to methods declared by one of
/// <see cref="Declarers"/> (where the types it reads live) for which <see cref="Reads"/> is true.
/// </summary>
internal sealed class CallQuestion
{
    public CallQuestion(Declarer declarers, Func<IMethodSymbol, bool> reads)
    {
        Declarers = declarers;
        Reads = reads;
    }

    public Declarer Declarers { get; }

    /// <summary>Asked of a method's definition (unreduced, not constructed), once per definition.</summary>
    public Func<IMethodSymbol, bool> Reads { get; }
}

/// <summary>
/// The first question the host asks of every invocation (and, in a second filter, of every object creation): which
/// models can learn something from a call to this method or constructor? Each model answers for the methods it reads
/// (<see cref="Create"/> is handed their questions), and the answer is kept per definition, so the thousands of calls
/// to the same LINQ, logging and user methods cost one lookup each instead of every model's own symbol comparisons, and
/// a call that one model reads is not handed to the others. The models still decide everything about the calls they
/// are handed.
/// </summary>
internal sealed class CallFilter
{
    // Indexed by the bit of CallReaders each model answers for; null for a model that does not run.
    private readonly CallQuestion?[] _questions;
    private readonly Declarers _declarers;

    // Keyed by the method's definition (unreduced, not constructed: every call of Enumerable.Select<TSource, TResult>
    // shares one).
    private readonly IdentityCache<CallReaders> _readers;

    private CallFilter(Declarers declarers, CallQuestion?[] questions)
    {
        _declarers = declarers;
        _questions = questions;
        _readers = new IdentityCache<CallReaders>(method => Ask((IMethodSymbol)method));
        for (var bit = 0; bit < questions.Length; bit++)
        {
            if (questions[bit] is not null)
            {
                Running |= (CallReaders)(1 << bit);
            }
        }
    }

    /// <summary>The models that run (a non-null question): what a creation whose constructor did not resolve is handed to.</summary>
    public CallReaders Running { get; }

    /// <summary>
    /// A filter that hands a call to each model whose question reads its method's definition (a null question: that model
    /// does not run).
    /// </summary>
    public static CallFilter Create(Declarers declarers, CallQuestion? policies, CallQuestion? pipeline, CallQuestion? registry, CallQuestion? headers)
        => new(declarers, new[] { policies, pipeline, registry, headers });

    /// <summary>
    /// The models that may learn something from <paramref name="invocation"/>; <see cref="CallReaders.None"/> for most calls.
    /// <paramref name="definition"/> is the method's definition the answer is kept for (unreduced, not constructed), so a
    /// model that keeps facts of its own per definition need not find it again.
    /// </summary>
    public CallReaders ReadersOf(IInvocationOperation invocation, out IMethodSymbol definition)
    {
        var method = invocation.TargetMethod;
        definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return _readers.Get(definition);
    }

    /// <summary>
    /// The models that may learn something from <paramref name="creation"/>, asked of its constructor's definition; every
    /// running model when the constructor did not resolve (code that does not compile).
    /// </summary>
    public CallReaders ReadersOf(IObjectCreationOperation creation)
        => creation.Constructor is { } constructor ? _readers.Get(constructor.OriginalDefinition) : Running;

    private CallReaders Ask(IMethodSymbol definition)
    {
        // Who declared the method first, once per assembly: most methods an app calls are its own, which only the
        // pipeline model (helpers) and the registry (generic methods) may read.
        var declarer = _declarers.Of(definition.ContainingAssembly);
        var readers = CallReaders.None;
        for (var bit = 0; bit < _questions.Length; bit++)
        {
            if (_questions[bit] is { } question && (question.Declarers & declarer) != 0 && question.Reads(definition))
            {
                readers |= (CallReaders)(1 << bit);
            }
        }

        return readers;
    }
}
