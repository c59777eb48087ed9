using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers;

internal static class Locations
{
    /// <summary>
    /// A call's method name and argument list (<c>AllowAnyOrigin()</c> in <c>p.WithMethods("GET").AllowAnyOrigin()</c>),
    /// not the whole chain before it. Anything else: the operation's own syntax.
    /// </summary>
    public static Location NameAndArguments(IOperation call)
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
}
