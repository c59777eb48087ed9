using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CorsAnalyzers.CodeFixes;

/// <summary>Small syntax edits shared by the fixes: appending a call to a builder chain, string literals.</summary>
internal static class ChainSyntax
{
    /// <summary>
    /// <c>target.name(arguments)</c>. When <paramref name="target"/> is a call that starts its own line in a multi-line
    /// chain, the new call goes on the next line with the same indentation; otherwise it is appended inline.
    /// </summary>
    public static ExpressionSyntax AppendCall(ExpressionSyntax target, string name, IEnumerable<ExpressionSyntax> arguments)
    {
        var trailing = target.GetTrailingTrivia();
        var receiver = target.WithoutTrailingTrivia();
        var dot = SyntaxFactory.Token(SyntaxKind.DotToken);
        if (target is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            && access.OperatorToken.GetPreviousToken().TrailingTrivia.LastOrDefault() is var endOfLine
            && endOfLine.IsKind(SyntaxKind.EndOfLineTrivia))
        {
            receiver = receiver.WithTrailingTrivia(endOfLine);
            dot = dot.WithLeadingTrivia(access.OperatorToken.LeadingTrivia);
        }

        var argumentList = SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments.Select(SyntaxFactory.Argument)));
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, dot, SyntaxFactory.IdentifierName(name)),
                argumentList)
            .WithTrailingTrivia(trailing);
    }

    public static LiteralExpressionSyntax StringLiteral(string text)
        => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

    /// <summary>
    /// <paramref name="literal"/> with the value <paramref name="value"/>, written in the same quote style (regular,
    /// verbatim or single-line raw); null when that style cannot hold the value.
    /// </summary>
    public static LiteralExpressionSyntax? WithValue(LiteralExpressionSyntax literal, string value)
    {
        var token = literal.Token;
        string text;
        if (token.IsKind(SyntaxKind.StringLiteralToken))
        {
            text = token.Text.StartsWith("@", System.StringComparison.Ordinal)
                ? "@\"" + value.Replace("\"", "\"\"") + "\""
                : SyntaxFactory.Literal(value).Text;
        }
        else if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            var quotes = new string('"', token.Text.TakeWhile(c => c == '"').Count());
            text = quotes + value + quotes;
        }
        else
        {
            return null;
        }

        return SyntaxFactory.ParseExpression(text) is LiteralExpressionSyntax parsed
            && !parsed.ContainsDiagnostics
            && parsed.Token.ValueText == value
            ? literal.WithToken(parsed.Token.WithTriviaFrom(token))
            : null;
    }
}
