using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>
/// Finds writes of CORS headers into a response: the dictionary calls (<c>Add</c>, <c>TryAdd</c>, <c>Append</c>,
/// <c>AppendCommaSeparatedValues</c>, <c>SetCommaSeparatedValues</c>), the indexer and the typed properties. Every method
/// is recognised by its declaring type and its parameters, never by its name; the receiver must be the response's headers
/// (a request's are read-only input). Anything else, including headers handed in by code we cannot see (a parameter), is
/// not a write we know of. System.Net.Http's headers (<c>HttpResponseMessage.Headers</c>) are HttpClient's: ASP.NET Core
/// serializes an <c>HttpResponseMessage</c> an endpoint returns as JSON and sends none of its headers, so writing there
/// gives no browser access (a browser test shows it).
/// </summary>
internal static class HeaderWrites
{
    /// <summary>Who declares the methods <see cref="ReadsCallsTo"/> may accept: the header collections' types.</summary>
    public static Declarer CallDeclarers(HeaderSymbols symbols, Declarers declarers)
        => declarers.Of(symbols.Dictionary, symbols.HeaderDictionaryExtensions, symbols.CollectionExtensions);

    /// <summary>True when calls to <paramref name="definition"/> may write a header (the host's <see cref="CallFilter"/>).</summary>
    public static bool ReadsCallsTo(IMethodSymbol definition, HeaderSymbols symbols)
    {
        var type = definition.ContainingType;
        return symbols.IsDictionary(type)
            || SymbolEqualityComparer.Default.Equals(type, symbols.HeaderDictionaryExtensions)
            || SymbolEqualityComparer.Default.Equals(type, symbols.CollectionExtensions);
    }

    /// <summary>The write <paramref name="invocation"/> makes, or null. Cheap for every other call: declaring-type checks first.</summary>
    public static HeaderWrite? Read(IInvocationOperation invocation, HeaderSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return null;
        }

        IOperation? receiver;
        int nameOrdinal;
        if (symbols.IsDictionary(type))
        {
            // IDictionary<,>.Add(key, value); TryGetValue has an out parameter, the other members one parameter or none.
            if (method.Parameters.Length != 2 || method.Parameters[1].RefKind != RefKind.None)
            {
                return null;
            }

            receiver = invocation.Instance;
            nameOrdinal = 0;
        }
        else if (SymbolEqualityComparer.Default.Equals(type, symbols.HeaderDictionaryExtensions)
            || SymbolEqualityComparer.Default.Equals(type, symbols.CollectionExtensions))
        {
            // Append/AppendCommaSeparatedValues/SetCommaSeparatedValues(this IHeaderDictionary, key, value) and
            // TryAdd(this IDictionary<,>, key, value); GetCommaSeparatedValues has two parameters, GetValueOrDefault takes
            // an IReadOnlyDictionary, Remove has an out parameter.
            method = method.ReducedFrom ?? method;
            if (method.Parameters.Length != 3 || method.Parameters[2].RefKind != RefKind.None
                || method.Parameters[0].Type is not INamedTypeSymbol first
                || (!symbols.IsHeaderDictionary(first) && !symbols.IsDictionary(first)))
            {
                return null;
            }

            receiver = Argument(invocation, 0);
            nameOrdinal = 1;
        }
        else
        {
            return null;
        }

        return receiver is not null && IsResponseHeaders(receiver, symbols)
            ? Write(invocation, Argument(invocation, nameOrdinal), Argument(invocation, nameOrdinal + 1), symbols)
            : null;
    }

    /// <summary>The write <paramref name="assignment"/> makes (<c>Headers[name] = value</c>, <c>Headers.AccessControlAllowOrigin = value</c>), or null.</summary>
    public static HeaderWrite? Read(ISimpleAssignmentOperation assignment, HeaderSymbols symbols)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property } target || property.ContainingType is not { } type)
        {
            return null;
        }

        if (property.IsIndexer)
        {
            if ((!symbols.IsHeaderDictionary(type) && !symbols.IsDictionary(type)) || target.Arguments.Length != 1
                || target.Instance is null || !IsResponseHeaders(target.Instance, symbols))
            {
                return null;
            }

            return Write(assignment, target.Arguments[0].Value, assignment.Value, symbols);
        }

        if (!symbols.IsHeaderDictionary(type) || target.Instance is null)
        {
            return null;
        }

        var header = HeaderValues.TypedProperty(property);
        return header is CorsHeader.AllowOrigin or CorsHeader.AllowCredentials && IsResponseHeaders(target.Instance, symbols)
            ? new HeaderWrite(assignment, header, assignment.Value)
            : null;
    }

    /// <summary>
    /// True for <c>HttpResponse.Headers</c> (<c>context.Response.Headers</c>, a controller's <c>Response.Headers</c>) and a
    /// local that holds it; false for a request's headers and for any dictionary whose origin we cannot see.
    /// </summary>
    public static bool IsResponseHeaders(IOperation receiver, HeaderSymbols symbols)
    {
        var operation = receiver.FollowLocal();
        return operation is IPropertyReferenceOperation { Property: var property, Instance: var response } && symbols.IsResponseHeaders(property)
            && !IsMadeHere(response);
    }

    // The response of a context the code makes itself (`new DefaultHttpContext().Response`, a test's fake): no client
    // receives it.
    private static bool IsMadeHere(IOperation? response)
    {
        for (var depth = 0; response is not null && depth < 4; depth++)
        {
            var operation = response.FollowLocal();
            if (operation is IObjectCreationOperation)
            {
                return true;
            }

            response = operation is IPropertyReferenceOperation { Instance: { } instance } ? instance : null;
        }

        return false;
    }

    public static bool IsRequestHeaders(IOperation receiver, HeaderSymbols symbols)
    {
        var operation = receiver.FollowLocal();
        return operation is IPropertyReferenceOperation { Property: var property } && symbols.IsRequestHeaders(property);
    }

    /// <summary>The argument passed to the parameter at <paramref name="ordinal"/> (named arguments may come in any order).</summary>
    public static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static HeaderWrite? Write(IOperation operation, IOperation? name, IOperation? value, HeaderSymbols symbols)
    {
        if (name is null || value is null)
        {
            return null;
        }

        var header = HeaderValues.Name(name, symbols);
        return header is CorsHeader.AllowOrigin or CorsHeader.AllowCredentials ? new HeaderWrite(operation, header, value) : null;
    }
}
