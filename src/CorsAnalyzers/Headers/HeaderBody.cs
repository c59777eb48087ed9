using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>
/// The CORS response headers one function writes by hand: a method, a local function or a lambda (<c>app.Use(async
/// (context, next) =&gt; ...)</c>, <c>OnPrepareResponse = ctx =&gt; ...</c>), without the functions nested in it. Built
/// when the operation callback meets the function's first <c>Access-Control-Allow-Origin</c> write, and asked by every
/// header rule.
/// </summary>
internal sealed class HeaderBody
{
    private readonly HeaderSymbols _symbols;
    private ImmutableArray<OriginGuard> _guards;

    private HeaderBody(IOperation root, ImmutableArray<HeaderWrite> allowOrigin, HeaderWrite? credentials, HeaderSymbols symbols)
    {
        Root = root;
        AllowOriginWrites = allowOrigin;
        Credentials = credentials;
        _symbols = symbols;
    }

    /// <summary>The function's body (or the whole operation block for a method and for top-level statements).</summary>
    public IOperation Root { get; }

    /// <summary>Every write of <c>Access-Control-Allow-Origin</c> in the function, in source order.</summary>
    public ImmutableArray<HeaderWrite> AllowOriginWrites { get; }

    /// <summary>The first write of <c>Access-Control-Allow-Credentials: true</c> in the function, or null.</summary>
    public HeaderWrite? Credentials { get; }

    public HeaderSymbols Symbols => _symbols;

    /// <summary>
    /// <see cref="Credentials"/> when it may be sent with <paramref name="write"/>; null when the two are on paths that
    /// exclude each other (<c>if (publicPath) { ...origin...; return; }</c> before the credentialed branch, or the two
    /// branches of one <c>if</c>).
    /// </summary>
    public HeaderWrite? CredentialsFor(HeaderWrite write)
        => Credentials is { } credentials && !ControlFlow.Exclusive(write.Operation, credentials.Operation) ? credentials : null;

    /// <summary>What one <c>Access-Control-Allow-Origin</c> write of this function sends.</summary>
    public AllowOriginValue ValueOf(HeaderWrite write) => HeaderValues.ReadAllowOrigin(write.Value, _symbols);

    /// <summary>
    /// The hook for origin checks: for each write that sends the request's <c>Origin</c> back, the origin value, the
    /// condition that guards it and how (<see cref="GuardKind"/>). A <see cref="GuardKind.OtherCheck"/> condition
    /// (<c>origin.EndsWith("contoso.com")</c>) is for CORS013's origin-check judgement.
    /// </summary>
    public ImmutableArray<OriginGuard> GetOriginGuards()
    {
        if (_guards.IsDefault)
        {
            var guards = ImmutableArray.CreateBuilder<OriginGuard>();
            foreach (var write in AllowOriginWrites)
            {
                if (ValueOf(write) == AllowOriginValue.RequestOrigin)
                {
                    guards.Add(OriginGuards.Find(write, Root, _symbols));
                }
            }

            _guards = guards.ToImmutable();
        }

        return _guards;
    }

    /// <summary>
    /// The body around <paramref name="trigger"/> when <paramref name="trigger"/> is the first <c>Access-Control-Allow-Origin</c>
    /// write of its function; null otherwise, so each function is modelled and judged once.
    /// </summary>
    public static HeaderBody? ForFirstWrite(HeaderWrite trigger, HeaderSymbols symbols)
    {
        var root = FunctionOf(trigger.Operation);
        var allowOrigin = ImmutableArray.CreateBuilder<HeaderWrite>();
        HeaderWrite? credentials = null;
        var pending = new Stack<IOperation>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            var write = operation switch
            {
                IInvocationOperation invocation => HeaderWrites.Read(invocation, symbols),
                ISimpleAssignmentOperation assignment => HeaderWrites.Read(assignment, symbols),
                _ => null,
            };
            if (write?.Header == CorsHeader.AllowOrigin)
            {
                allowOrigin.Add(write);
            }
            else if (write?.Header == CorsHeader.AllowCredentials && HeaderValues.IsTrue(write.Value, symbols)
                && (credentials is null || write.Operation.Syntax.SpanStart < credentials.Operation.Syntax.SpanStart))
            {
                credentials = write;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation))
                {
                    pending.Push(child);
                }
            }
        }

        if (allowOrigin.Count == 0)
        {
            return null;
        }

        allowOrigin.Sort((left, right) => left.Operation.Syntax.SpanStart.CompareTo(right.Operation.Syntax.SpanStart));
        return allowOrigin[0].Operation == trigger.Operation
            ? new HeaderBody(root, allowOrigin.ToImmutable(), credentials, symbols)
            : null;
    }

    /// <summary>The body of the nearest lambda or local function around <paramref name="operation"/>, else the whole operation block.</summary>
    public static IOperation FunctionOf(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IAnonymousFunctionOperation function)
            {
                return function.Body;
            }

            if (parent is ILocalFunctionOperation localFunction)
            {
                return (IOperation?)localFunction.Body ?? localFunction;
            }

            current = parent;
        }

        return current;
    }
}
