using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>What a hand-written <c>Access-Control-Allow-Origin</c> sends, as far as the code shows it.</summary>
internal enum AllowOriginValue
{
    /// <summary>A value we cannot read, or a list of origins without <c>*</c>.</summary>
    Other,

    /// <summary><c>*</c> alone.</summary>
    AnyOrigin,

    /// <summary><c>*</c> among other values: <c>"*, https://app.contoso.com"</c>, <c>new[] { "https://app.contoso.com", "*" }</c>.</summary>
    WildcardAmongOthers,

    /// <summary>The request's own <c>Origin</c> header, sent back.</summary>
    RequestOrigin,
}

/// <summary>Reads header names and values: constants, interpolations of constants, <c>StringValues</c>, arrays, the request's <c>Origin</c>.</summary>
internal static class HeaderValues
{
    private const int MaxDepth = 8;

    /// <summary>Which CORS header <paramref name="name"/> names: a string (compared as HTTP does, ignoring case) or a <c>HeaderNames</c> field.</summary>
    public static CorsHeader Name(IOperation name, HeaderSymbols symbols)
    {
        if (Text(name, 0) is { } text)
        {
            return Classify(text);
        }

        // HeaderNames' fields are static readonly since ASP.NET Core 6 (no constant value): the field, compared as a symbol,
        // is the header it names.
        return name.WalkDownConversions() is IFieldReferenceOperation { Field: var field } && symbols.IsHeaderNames(field.ContainingType)
            ? field.Name switch
            {
                "AccessControlAllowOrigin" => CorsHeader.AllowOrigin,
                "AccessControlAllowCredentials" => CorsHeader.AllowCredentials,
                "Origin" => CorsHeader.Origin,
                _ => CorsHeader.None,
            }
            : CorsHeader.None;
    }

    /// <summary>Which header one of <c>IHeaderDictionary</c>'s own typed properties is (the caller checked the declaring type).</summary>
    public static CorsHeader TypedProperty(IPropertySymbol property) => property.Name switch
    {
        "AccessControlAllowOrigin" => CorsHeader.AllowOrigin,
        "AccessControlAllowCredentials" => CorsHeader.AllowCredentials,
        "Origin" => CorsHeader.Origin,
        _ => CorsHeader.None,
    };

    /// <summary>What a write of <c>Access-Control-Allow-Origin</c> sends.</summary>
    public static AllowOriginValue ReadAllowOrigin(IOperation value, HeaderSymbols symbols)
    {
        if (IsRequestOrigin(value, symbols, null, 0))
        {
            return AllowOriginValue.RequestOrigin;
        }

        var elements = 0;
        var wildcard = false;
        if (!CollectValues(value, symbols, ref elements, ref wildcard, 0) || !wildcard)
        {
            return AllowOriginValue.Other;
        }

        return elements == 1 ? AllowOriginValue.AnyOrigin : AllowOriginValue.WildcardAmongOthers;
    }

    /// <summary>True when the value written is exactly <c>true</c>: the only value with which browsers share a credentialed response.</summary>
    public static bool IsTrue(IOperation value, HeaderSymbols symbols)
    {
        var operation = value.FollowLocal();
        if (operation is IObjectCreationOperation { Arguments.Length: 1 } creation && symbols.IsStringValues(creation.Type))
        {
            operation = creation.Arguments[0].Value;
        }

        return Text(operation, 0) is { } text && string.Equals(text.Trim(' ', '\t'), "true", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when <paramref name="value"/> is the request's <c>Origin</c>: <c>Request.Headers.Origin</c>,
    /// <c>Request.Headers["Origin"]</c> (also through <c>HeaderNames.Origin</c>, <c>ToString()</c> and <c>FirstOrDefault()</c>), a local that holds
    /// one, or the local <c>TryGetValue("Origin", out var origin)</c> fills. The locals followed are added to <paramref name="locals"/>.
    /// </summary>
    public static bool IsRequestOrigin(IOperation value, HeaderSymbols symbols, List<ILocalSymbol>? locals, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        var operation = value.WalkDownConversions();
        switch (operation)
        {
            case ILocalReferenceOperation { Local: var local }:
                var initializer = operation.FollowLocal();
                var isOrigin = initializer != operation
                    ? IsRequestOrigin(initializer, symbols, locals, depth + 1)
                    : IsFilledWithOrigin(local, operation.SemanticModel, symbols);
                if (isOrigin)
                {
                    locals?.Add(local);
                }

                return isOrigin;
            case IPropertyReferenceOperation { Instance: { } instance, Property: var property } reference:
                if (property.IsIndexer)
                {
                    return (symbols.IsHeaderDictionary(property.ContainingType) || symbols.IsDictionary(property.ContainingType))
                        && reference.Arguments.Length == 1
                        && Name(reference.Arguments[0].Value, symbols) == CorsHeader.Origin
                        && HeaderWrites.IsRequestHeaders(instance, symbols);
                }

                return symbols.IsHeaderDictionary(property.ContainingType) && TypedProperty(property) == CorsHeader.Origin
                    && HeaderWrites.IsRequestHeaders(instance, symbols);
            case IInvocationOperation { Instance: { } instance, TargetMethod: var method }
                when method.Parameters.IsEmpty && method.ReturnType.SpecialType == SpecialType.System_String && symbols.IsStringValues(method.ContainingType):
                // StringValues.ToString(): the values joined, which for one Origin header is that origin.
                return IsRequestOrigin(instance, symbols, locals, depth + 1);
            case IInvocationOperation { Instance: null, TargetMethod: var method } invocation
                when invocation.Arguments.Length == 1 && symbols.OriginChecks.IsOneElementOfStrings(method):
                // Request.Headers["Origin"].FirstOrDefault(): the request's one Origin value.
                return IsRequestOrigin(invocation.Arguments[0].Value, symbols, locals, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>True for <c>Request.Headers.TryGetValue("Origin", out var origin)</c> (and <c>ContainsKey</c>): a test that the request has an Origin, not a check of it.</summary>
    public static bool IsOriginLookup(IInvocationOperation invocation, HeaderSymbols symbols)
        => invocation.TargetMethod.ContainingType is { } type && symbols.IsDictionary(type) && invocation.Instance is { } instance
            && invocation.Arguments.Length is 1 or 2 && HeaderWrites.Argument(invocation, 0) is { } name
            && Name(name, symbols) == CorsHeader.Origin && HeaderWrites.IsRequestHeaders(instance, symbols);

    /// <summary>A string the code spells out: a constant, or a local, readonly or private field, interpolation or concatenation made of them.</summary>
    public static string? Text(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        operation = operation.WalkDownConversions();
        if (operation.ConstantValue is { HasValue: true, Value: string inner })
        {
            return inner;
        }

        switch (operation)
        {
            case ILocalReferenceOperation { Local: var local }:
                // `string allowOrigin = "*"; ... TryGetValue(host, out allowOrigin)`: assigned again, the initial value may not be sent.
                var initializer = operation.FollowLocal();
                return initializer != operation && !SourceBodies.IsAssigned(local) ? Text(initializer, depth + 1) : null;
            case IFieldReferenceOperation { Field: var field } when field.IsReadOnly || field.DeclaredAccessibility == Accessibility.Private:
                // A readonly or private field spelled out where it is declared (`private string Star = "*";`): only its own
                // type can change it, and one that does is rare enough that the initial value is what is sent.
                return SourceBodies.GetInitializer(field, operation.SemanticModel) is { } fieldValue ? Text(fieldValue, depth + 1) : null;
            case IInterpolatedStringOperation interpolated:
                var text = string.Empty;
                foreach (var part in interpolated.Parts)
                {
                    var piece = part switch
                    {
                        IInterpolatedStringTextOperation literal => Text(literal.Text, depth + 1),
                        IInterpolationOperation { Alignment: null, FormatString: null } hole => Text(hole.Expression, depth + 1),
                        _ => null,
                    };
                    if (piece is null)
                    {
                        return null;
                    }

                    text += piece;
                }

                return text;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                return Text(concatenation.LeftOperand, depth + 1) is { } left && Text(concatenation.RightOperand, depth + 1) is { } right ? left + right : null;
            default:
                return null;
        }
    }

    private static CorsHeader Classify(string name)
    {
        if (string.Equals(name, "Access-Control-Allow-Origin", StringComparison.OrdinalIgnoreCase))
        {
            return CorsHeader.AllowOrigin;
        }

        if (string.Equals(name, "Access-Control-Allow-Credentials", StringComparison.OrdinalIgnoreCase))
        {
            return CorsHeader.AllowCredentials;
        }

        return string.Equals(name, "Origin", StringComparison.OrdinalIgnoreCase) ? CorsHeader.Origin : CorsHeader.None;
    }

    // "*" counts as a wildcard element; every other value (read or not) as another element.
    private static bool CollectValues(IOperation value, HeaderSymbols symbols, ref int elements, ref bool wildcard, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        if (Text(value, 0) is { } text)
        {
            foreach (var part in text.Split(','))
            {
                var trimmed = part.Trim(' ', '\t');
                if (trimmed.Length > 0)
                {
                    elements++;
                    wildcard |= trimmed == "*";
                }
            }

            return true;
        }

        switch (value.FollowLocal())
        {
            case IObjectCreationOperation { Arguments.Length: 1 } creation when symbols.IsStringValues(creation.Type):
                return CollectValues(creation.Arguments[0].Value, symbols, ref elements, ref wildcard, depth + 1);
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    if (!CollectValues(element, symbols, ref elements, ref wildcard, depth + 1))
                    {
                        elements++;
                    }
                }

                return true;
            default:
                return false;
        }
    }

    // `out var origin` / `out StringValues origin` in Request.Headers.TryGetValue("Origin", ...).
    private static bool IsFilledWithOrigin(ILocalSymbol local, SemanticModel? model, HeaderSymbols symbols)
    {
        if (model is null || local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax() is not SingleVariableDesignationSyntax
            {
                Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } },
            }
            || call.SyntaxTree != model.SyntaxTree)
        {
            return false;
        }

        return model.GetOperation(call) is IInvocationOperation invocation && invocation.Arguments.Length == 2 && IsOriginLookup(invocation, symbols);
    }
}
