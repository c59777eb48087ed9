using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// One middleware a pipeline adds at one point of the source: a direct <c>app.UseX()</c> call, or one of the
/// middleware a helper defined in the compilation adds (<c>app.UseSecurity()</c> whose body calls <c>UseAuthentication()</c>).
/// </summary>
internal sealed class PipelineCall
{
    public PipelineCall(MiddlewareKind kind, IInvocationOperation invocation, int position, int step, MiddlewareKind[] helperKinds)
    {
        Kind = kind;
        Invocation = invocation;
        Position = position;
        Step = step;
        HelperKinds = helperKinds;
    }

    public MiddlewareKind Kind { get; }

    /// <summary>The call in the analysed body: the <c>Use*</c> call itself, or the call to the helper that adds the middleware.</summary>
    public IInvocationOperation Invocation { get; }

    /// <summary>Where the call's name starts: the order in which a chain or a list of statements runs.</summary>
    public int Position { get; }

    /// <summary>Order among the middleware one helper call adds (0 for a direct call).</summary>
    public int Step { get; }

    /// <summary>Every middleware the helper adds, in order; empty for a direct call.</summary>
    public MiddlewareKind[] HelperKinds { get; }

    public bool IsDirect => HelperKinds.Length == 0;

    /// <summary>The method called here: <c>UseCors</c> itself, or the helper.</summary>
    public IMethodSymbol Method => Invocation.TargetMethod;

    public bool IsSameCallAs(PipelineCall other) => Invocation == other.Invocation;

    /// <summary>
    /// True when no start of the app adds both calls: the other branch of an <c>if</c> or <c>switch</c>
    /// (<c>if (maintenance) app.Run(...); else { app.UseCors(); ... }</c>), or after a path that returns.
    /// </summary>
    public bool ExcludedBy(PipelineCall other) => ControlFlow.Exclusive(Invocation, other.Invocation);
}
