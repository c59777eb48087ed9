using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>
/// Checks we do not follow, which make a reflection <see cref="GuardKind.Unknown"/> rather than unchecked: CORS008 and
/// CORS009 report a reflection only when nothing on its way may have checked the origin.
/// </summary>
internal static partial class OriginGuards
{
    private const int MaxLocalDepth = 3;

    private const int MaxEnclosingFunctions = 4;

    /// <summary>True when a local that holds the origin is assigned anywhere but where it got the origin.</summary>
    private static bool AnyAssignedAgain(List<ILocalSymbol> locals)
    {
        foreach (var local in locals)
        {
            if (SourceBodies.IsAssigned(local))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasGuard(ISwitchCaseOperation switchCase)
    {
        foreach (var clause in switchCase.Clauses)
        {
            if (clause is IPatternCaseClauseOperation { Guard: not null })
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyCaseLeaves(ISwitchOperation @switch)
    {
        foreach (var switchCase in @switch.Cases)
        {
            if (switchCase.Body.Length > 0 && Exits(switchCase.Body[switchCase.Body.Length - 1]) && switchCase.Body[switchCase.Body.Length - 1] is not IBranchOperation { BranchKind: BranchKind.Break })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="invocation"/> also takes a predicate (<c>app.UseWhen(context =&gt; ..., branch =&gt; ...)</c>).</summary>
    private static bool TakesPredicate(IInvocationOperation invocation, IArgumentOperation except)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument != except && argument.Parameter?.Type is INamedTypeSymbol { DelegateInvokeMethod.ReturnType.SpecialType: SpecialType.System_Boolean })
            {
                return true;
            }
        }

        return false;
    }

    private sealed partial class Search
    {
        /// <summary>
        /// The checks around the function that writes: for a lambda, the conditions around it in the functions it is
        /// written in (and a predicate it is paired with, <c>UseWhen</c>); for a local function, those around its calls;
        /// for a helper method that receives the request, its callers (not followed: unknown).
        /// </summary>
        public void WalkAround(IOperation root, IOperation write)
        {
            for (var level = 0; level < MaxEnclosingFunctions && !Unknown && Membership is null; level++)
            {
                switch (root.Parent)
                {
                    case IAnonymousFunctionOperation lambda:
                        if (lambda.Parent is IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } argument }
                            && TakesPredicate(call, argument))
                        {
                            Unknown = true;
                            return;
                        }

                        var enclosing = HeaderBody.FunctionOf(lambda);
                        Walk(lambda, enclosing);
                        root = enclosing;
                        break;
                    case ILocalFunctionOperation localFunction:
                        WalkCalls(localFunction);
                        return;
                    default:
                        if (DeclaringMethod(write) is { } method && (IsHelperMethod(method) || AnotherMethodReadsOrigin(method, write.SemanticModel)))
                        {
                            Unknown = true;
                        }

                        return;
                }
            }
        }

        private void WalkCalls(ILocalFunctionOperation localFunction)
        {
            IOperation top = localFunction;
            while (top.Parent is { } parent)
            {
                top = parent;
            }

            foreach (var operation in top.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation call && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, localFunction.Symbol))
                {
                    var before = (Membership, Unknown, OtherCount);
                    Walk(call, HeaderBody.FunctionOf(call));
                    if (Membership != before.Membership || Unknown != before.Unknown || OtherCount != before.OtherCount)
                    {
                        // A local function checked at one call site: the others are not judged one by one.
                        Unknown |= Membership is null;
                        return;
                    }
                }
            }
        }

        /// <summary>The method whose body holds <paramref name="write"/> (not a lambda's or local function's); null in top-level statements.</summary>
        private static IMethodSymbol? DeclaringMethod(IOperation write)
            => write.Syntax.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>() is { } declaration
                ? write.SemanticModel?.GetDeclaredSymbol(declaration) as IMethodSymbol
                : null;

        /// <summary>
        /// True for a write in a method that receives the request from its caller (<c>static void WriteCors(HttpContext
        /// context)</c>), which may check it first; not for the methods ASP.NET Core calls itself: a middleware's
        /// <c>Invoke</c>/<c>InvokeAsync</c>, an interface's or base class's method (<c>IMiddleware</c>, filters).
        /// </summary>
        private bool IsHelperMethod(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsOverride || method.Name is "Invoke" or "InvokeAsync" || ImplementsInterface(method))
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (_symbols.CarriesRequest(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when another method of the type that writes reads the request's <c>Origin</c>: ASP.NET Core may call it
        /// earlier on the same request, and it may end the request there. An action filter whose <c>OnActionExecuting</c>
        /// sets a result for an origin it does not trust keeps its own <c>OnActionExecuted</c> from running, so the write
        /// there is checked where we do not follow the check.
        /// </summary>
        private bool AnotherMethodReadsOrigin(IMethodSymbol method, SemanticModel? model)
        {
            foreach (var member in method.ContainingType.GetMembers())
            {
                if (member is not IMethodSymbol other || SymbolEqualityComparer.Default.Equals(other, method)
                    || SourceBodies.GetBody(other, model) is not { } body)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    if ((operation is IPropertyReferenceOperation && HeaderValues.IsRequestOrigin(operation, _symbols, null, 0))
                        || (operation is IInvocationOperation invocation && HeaderValues.IsOriginLookup(invocation, _symbols)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool ImplementsInterface(IMethodSymbol method)
        {
            if (!method.ExplicitInterfaceImplementations.IsEmpty)
            {
                return true;
            }

            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Every local the condition reads that holds the request's origin counts as the origin, whether or not it is the
        /// value written (<c>var origin = Request.Headers.Origin; if (!StringValues.IsNullOrEmpty(origin)) ... = Request.Headers.Origin</c>).
        /// </summary>
        private void AddOriginLocals(IOperation condition)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is ILocalReferenceOperation { Local: var local } && !_locals.Contains(local))
                {
                    HeaderValues.IsRequestOrigin(operation, _symbols, _locals, 0);
                }
            }
        }

        /// <summary>
        /// True when <paramref name="condition"/>, which does not name the origin, may still be computed from it: it hands
        /// the request (<c>HttpContext</c>, <c>HttpRequest</c>, the headers, a filter's context) to a method, reads a
        /// local computed that way or from the origin (<c>var ok = allowed.Contains(origin); if (ok)</c>), or a bool
        /// parameter. <c>context.Request.Method == "OPTIONS"</c>, <c>env.IsDevelopment()</c> are not.
        /// </summary>
        private bool MayReadRequest(IOperation condition, int depth)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when IsNamedHeaderLookup(invocation):
                        // Headers.ContainsKey("Origin"), Headers.TryGetValue("X-Requested-With", out _): a header named in
                        // the code, whether there is one.
                        break;
                    case IInvocationOperation invocation:
                        if (invocation.Instance is { } instance && _symbols.CarriesRequest(instance.Type))
                        {
                            return true;
                        }

                        foreach (var argument in invocation.Arguments)
                        {
                            if (_symbols.CarriesRequest(argument.Value.WalkDownConversions().Type))
                            {
                                return true;
                            }
                        }

                        break;
                    case ILocalReferenceOperation { Local: var local } when !_locals.Contains(local):
                        if (depth >= MaxLocalDepth
                            || SourceBodies.GetInitializer(local, operation.SemanticModel) is not { } initializer
                            || Mentions(initializer, _locals, _symbols)
                            || MayReadRequest(initializer, depth + 1))
                        {
                            return true;
                        }

                        break;
                    case IParameterReferenceOperation { Parameter.Type.SpecialType: SpecialType.System_Boolean }:
                        return true;
                }
            }

            return false;
        }

        private bool IsNamedHeaderLookup(IInvocationOperation invocation)
            => invocation.Instance is { } instance && _symbols.IsHeaderDictionary(instance.WalkDownConversions().Type)
                && HeaderWrites.Argument(invocation, 0) is { ConstantValue: { HasValue: true, Value: string } };
    }
}
