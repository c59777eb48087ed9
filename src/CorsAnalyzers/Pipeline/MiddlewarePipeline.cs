using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// The middleware one <c>IApplicationBuilder</c>/<c>WebApplication</c> local or parameter adds in one method body,
/// in source order. A <c>UseWhen</c>/<c>Map</c> branch has its own builder parameter, so it is a pipeline of its own.
/// </summary>
internal sealed class MiddlewarePipeline
{
    public MiddlewarePipeline(ISymbol receiver, ITypeSymbol receiverType, ImmutableArray<PipelineCall> calls)
    {
        Receiver = receiver;
        ReceiverType = receiverType;
        Calls = calls;
    }

    /// <summary>The local or parameter the middleware is added to.</summary>
    public ISymbol Receiver { get; }

    public ITypeSymbol ReceiverType { get; }

    /// <summary>Every call, in the order the pipeline runs them.</summary>
    public ImmutableArray<PipelineCall> Calls { get; }

    public bool Contains(MiddlewareKind kind)
    {
        foreach (var call in Calls)
        {
            if (call.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first call of one of <paramref name="kinds"/> before <paramref name="call"/>; a helper's own calls are not compared with each other.</summary>
    public PipelineCall? FirstBefore(PipelineCall call, Func<MiddlewareKind, bool> kinds)
    {
        foreach (var other in Calls)
        {
            if (other == call)
            {
                return null;
            }

            if (!other.IsSameCallAs(call) && kinds(other.Kind) && !other.ExcludedBy(call))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>The first call of one of <paramref name="kinds"/> after <paramref name="call"/>.</summary>
    public PipelineCall? FirstAfter(PipelineCall call, Func<MiddlewareKind, bool> kinds)
    {
        var seen = false;
        foreach (var other in Calls)
        {
            if (other == call)
            {
                seen = true;
            }
            else if (seen && !other.IsSameCallAs(call) && kinds(other.Kind) && !other.ExcludedBy(call))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>True when a call of one of <paramref name="kinds"/> runs strictly between <paramref name="first"/> and <paramref name="last"/>.</summary>
    public bool AnyBetween(PipelineCall first, PipelineCall last, Func<MiddlewareKind, bool> kinds)
    {
        var inside = false;
        foreach (var other in Calls)
        {
            if (other == first)
            {
                inside = true;
            }
            else if (other == last)
            {
                return false;
            }
            else if (inside && kinds(other.Kind) && !other.IsSameCallAs(first) && !other.IsSameCallAs(last) && !other.ExcludedBy(first) && !other.ExcludedBy(last))
            {
                return true;
            }
        }

        return false;
    }
}
