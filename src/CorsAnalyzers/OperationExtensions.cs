using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers;

/// <summary>The small questions every model asks of operations, answered once.</summary>
internal static class OperationExtensions
{
    /// <summary>The operation under any conversions and parentheses: <c>"*"</c> in <c>(object)("*")</c>.</summary>
    public static IOperation WalkDownConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// A local read followed to the value it was declared with (<c>var configure = p =&gt; ...; AddPolicy("Api", configure)</c>),
    /// conversions removed; any other operation unchanged, and so is a local assigned again anywhere in its member (its
    /// initial value may not be the one read: <c>check = o =&gt; allowed.Contains(o);</c> after <c>_ =&gt; true</c>).
    /// </summary>
    public static IOperation FollowLocal(this IOperation operation)
    {
        operation = operation.WalkDownConversions();
        return operation is ILocalReferenceOperation { Local: var local }
            && SourceBodies.GetInitializer(local, operation.SemanticModel) is { } initializer
            && !SourceBodies.IsAssigned(local)
            ? initializer.WalkDownConversions()
            : operation;
    }

    /// <summary>
    /// A call's method name and argument list (<c>AllowAnyOrigin()</c> in <c>p.WithMethods("GET").AllowAnyOrigin()</c>),
    /// not the whole chain before it. Anything else: the operation's own syntax.
    /// </summary>
    public static Location NameAndArgumentsLocation(this IOperation call)
    {
        var syntax = call.Syntax;
        if (syntax is InvocationExpressionSyntax invocation)
        {
            var name = invocation.Expression switch
            {
                MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
                MemberBindingExpressionSyntax memberBinding => memberBinding.Name,
                _ => null,
            };
            if (name is not null)
            {
                return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(name.SpanStart, invocation.ArgumentList.Span.End));
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>The nearest ancestor that is not a conversion or parentheses: the comparison around <c>(origin.IndexOf("a"))</c>.</summary>
    public static IOperation? ParentSkippingConversions(this IOperation operation)
    {
        var parent = operation.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }
}
