using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>What a <c>string</c> method does in an origin check.</summary>
internal enum StringMethod
{
    None,
    EndsWith,
    StartsWith,
    Contains,
    IndexOf,
    Equals,

    /// <summary><c>ToLower()</c>, <c>ToLowerInvariant()</c>, <c>Trim()</c>: the same origin, normalised.</summary>
    Normalize,

    /// <summary><c>string.IsNullOrEmpty(origin)</c>, <c>string.IsNullOrWhiteSpace(origin)</c>: whether there is an origin at all.</summary>
    IsNullOrEmpty,
}

/// <summary>What a <c>System.Uri</c> property gives of the URI it is read from.</summary>
internal enum UriPart
{
    None,
    Host,
    Scheme,
}

/// <summary>
/// The System types origin checks are written with (<c>string</c>, <c>Uri</c>, <c>Regex</c>, <c>[GeneratedRegex]</c>),
/// resolved once per compilation on first use (<see cref="CorsSymbols.OriginChecks"/>): only a policy with an origin
/// predicate, or a colleague rule with a guard to judge, ever asks.
/// </summary>
internal sealed class OriginCheckSymbols
{
    public const string UriName = "System.Uri";
    public const string RegexName = "System.Text.RegularExpressions.Regex";
    public const string GeneratedRegexAttributeName = "System.Text.RegularExpressions.GeneratedRegexAttribute";
    public const string StringComparisonName = "System.StringComparison";

    /// <summary>Every metadata name this type resolves; a meta-test checks each against .NET 8 and 10.</summary>
    public const string EnumerableName = "System.Linq.Enumerable";
    public const string ListName = "System.Collections.Generic.List`1";
    public const string MemoryExtensionsName = "System.MemoryExtensions";

    public static ImmutableArray<string> MetadataNames { get; } = ImmutableArray.Create(UriName, RegexName, GeneratedRegexAttributeName, StringComparisonName, EnumerableName, ListName, MemoryExtensionsName);

    private readonly INamedTypeSymbol _string;
    private readonly INamedTypeSymbol? _uri;
    private readonly INamedTypeSymbol? _regex;
    private readonly INamedTypeSymbol? _generatedRegexAttribute;
    private readonly INamedTypeSymbol? _enumerable;
    private readonly INamedTypeSymbol? _list;
    private readonly INamedTypeSymbol? _memoryExtensions;

    public OriginCheckSymbols(Compilation compilation)
    {
        _string = compilation.GetSpecialType(SpecialType.System_String);
        _uri = WellKnownTypes.Get(compilation, "System.Runtime", UriName);
        _regex = WellKnownTypes.Get(compilation, "System.Text.RegularExpressions", RegexName);
        _generatedRegexAttribute = WellKnownTypes.Get(compilation, "System.Text.RegularExpressions", GeneratedRegexAttributeName);
        _enumerable = WellKnownTypes.Get(compilation, "System.Linq", EnumerableName);
        _list = WellKnownTypes.Get(compilation, "System.Collections", ListName);
        _memoryExtensions = WellKnownTypes.Get(compilation, "System.Memory", MemoryExtensionsName);
        StringComparison = WellKnownTypes.Get(compilation, "System.Runtime", StringComparisonName);
    }

    public INamedTypeSymbol? StringComparison { get; }

    // Symbols first, then names (as in CorsSymbols): a member is classified only once its containing type is the
    // System type itself, compared as a symbol, so a user's method of the same name never gets here.

    /// <summary>What <paramref name="method"/> does when it is one of <c>System.String</c>'s own methods.</summary>
    public StringMethod GetStringMethod(IMethodSymbol method)
    {
        if (!SymbolEqualityComparer.Default.Equals(method.ContainingType, _string))
        {
            return StringMethod.None;
        }

        return method.Name switch
        {
            "EndsWith" => StringMethod.EndsWith,
            "StartsWith" => StringMethod.StartsWith,
            "Contains" => StringMethod.Contains,
            "IndexOf" => StringMethod.IndexOf,
            "Equals" => StringMethod.Equals,
            "ToLower" or "ToLowerInvariant" or "Trim" when method.Parameters.Length == 0 => StringMethod.Normalize,
            "IsNullOrEmpty" or "IsNullOrWhiteSpace" when method.IsStatic && method.Parameters.Length == 1 => StringMethod.IsNullOrEmpty,
            _ => StringMethod.None,
        };
    }

    public bool IsString(ITypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type, _string);

    public bool IsUri(ITypeSymbol? type) => _uri is not null && SymbolEqualityComparer.Default.Equals(type, _uri);

    /// <summary>The part of the URI a <c>Uri</c> property gives: <c>Host</c>, <c>IdnHost</c>, <c>DnsSafeHost</c>, <c>Scheme</c>.</summary>
    public UriPart GetUriPart(IPropertySymbol property)
    {
        if (!IsUri(property.ContainingType))
        {
            return UriPart.None;
        }

        return property.Name switch
        {
            "Host" or "IdnHost" or "DnsSafeHost" => UriPart.Host,
            "Scheme" => UriPart.Scheme,
            _ => UriPart.None,
        };
    }

    /// <summary><c>Uri.TryCreate(string, UriKind, out Uri)</c>.</summary>
    public bool IsUriTryCreate(IMethodSymbol method)
        => method.Name == "TryCreate" && method.IsStatic && IsUri(method.ContainingType)
            && method.Parameters.Length == 3 && IsString(method.Parameters[0].Type);

    /// <summary><c>Regex.IsMatch</c>, static (input, pattern[, options[, timeout]]) or on an instance (input).</summary>
    public bool IsRegexIsMatch(IMethodSymbol method)
        => method.Name == "IsMatch" && IsRegex(method.ContainingType) && method.Parameters.Length > 0 && IsString(method.Parameters[0].Type);

    /// <summary>
    /// <c>source.Any(x =&gt; ...)</c> (<c>Enumerable.Any</c> with a predicate) or <c>list.Exists(x =&gt; ...)</c> over strings,
    /// with a lambda: true when some element passes the lambda. The collection and the lambda, or false.
    /// </summary>
    public bool TryGetAnyCall(IInvocationOperation invocation, out IOperation source, out IAnonymousFunctionOperation predicate)
    {
        source = null!;
        predicate = null!;
        var method = invocation.TargetMethod;
        IOperation collection;
        IOperation function;
        if (method.Name == "Any" && method.IsStatic && invocation.Arguments.Length == 2 && method.TypeArguments.Length == 1
            && IsString(method.TypeArguments[0]) && SymbolEqualityComparer.Default.Equals(method.ContainingType, _enumerable))
        {
            collection = invocation.Arguments[0].Value;
            function = invocation.Arguments[1].Value;
        }
        else if (method.Name == "Exists" && !method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length == 1
            && method.ContainingType is { TypeArguments.Length: 1 } list && IsString(list.TypeArguments[0])
            && SymbolEqualityComparer.Default.Equals(list.OriginalDefinition, _list))
        {
            collection = instance;
            function = invocation.Arguments[0].Value;
        }
        else
        {
            return false;
        }

        if (function.WalkDownConversions() is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda } || lambda.Symbol.Parameters.Length != 1)
        {
            return false;
        }

        source = collection.WalkDownConversions();
        predicate = lambda;
        return true;
    }

    /// <summary>
    /// A test whether a list of strings holds a value: <c>list.Contains(value)</c> (<c>Enumerable.Contains</c> without a
    /// comparer, or <c>MemoryExtensions.Contains</c>, which C# 14 binds for an array) or <c>list.Any(x =&gt; x == value)</c>
    /// (<c>Enumerable.Any</c>, <c>List&lt;string&gt;.Exists</c>); both compare ordinally. The list and the value, or false.
    /// </summary>
    public bool TryGetMembershipTest(IInvocationOperation invocation, out IOperation list, out IOperation value)
    {
        list = null!;
        value = null!;
        var method = invocation.TargetMethod;
        if (method.Name == "Contains" && method.IsStatic && invocation.Arguments.Length == 2 && method.TypeArguments.Length == 1
            && IsString(method.TypeArguments[0])
            && (SymbolEqualityComparer.Default.Equals(method.ContainingType, _enumerable)
                || (_memoryExtensions is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, _memoryExtensions))))
        {
            list = invocation.Arguments[0].Value.WalkDownConversions();
            value = invocation.Arguments[1].Value;
            return true;
        }

        if (!TryGetAnyCall(invocation, out var source, out var predicate)
            || predicate.Body.Operations.Length != 1
            || predicate.Body.Operations[0] is not IReturnOperation { ReturnedValue: IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equality }
            || !IsString(equality.LeftOperand.Type) || !IsString(equality.RightOperand.Type))
        {
            return false;
        }

        var element = predicate.Symbol.Parameters[0];
        IOperation? other = IsParameter(equality.LeftOperand, element) ? equality.RightOperand
            : IsParameter(equality.RightOperand, element) ? equality.LeftOperand
            : null;
        if (other is null)
        {
            return false;
        }

        list = source;
        value = other;
        return true;
    }

    /// <summary>
    /// <c>Enumerable.First</c>, <c>FirstOrDefault</c>, <c>Last</c>, <c>LastOrDefault</c>, <c>Single</c> or
    /// <c>SingleOrDefault</c> of strings without a predicate: one element of the sequence (for a request's one
    /// <c>Origin</c> header, that origin).
    /// </summary>
    public bool IsOneElementOfStrings(IMethodSymbol method)
        => method.IsStatic && method.Parameters.Length == 1 && method.TypeArguments.Length == 1 && IsString(method.TypeArguments[0])
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, _enumerable)
            && method.Name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault";

    private static bool IsParameter(IOperation operation, IParameterSymbol parameter)
        => operation.WalkDownConversions() is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

    public bool IsRegex(ITypeSymbol? type) => _regex is not null && SymbolEqualityComparer.Default.Equals(type, _regex);

    /// <summary>The pattern and options of a <c>[GeneratedRegex("...")]</c> method, or null.</summary>
    public string? GetGeneratedPattern(IMethodSymbol method, out RegexOptions options)
    {
        options = RegexOptions.None;
        if (_generatedRegexAttribute is null)
        {
            return null;
        }

        foreach (var attribute in method.OriginalDefinition.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _generatedRegexAttribute)
                || attribute.ConstructorArguments.Length == 0 || attribute.ConstructorArguments[0].Value is not string pattern)
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int flags)
            {
                options = (RegexOptions)flags;
            }

            return pattern;
        }

        return null;
    }
}
