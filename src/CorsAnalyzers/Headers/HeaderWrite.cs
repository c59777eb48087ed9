using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Headers;

/// <summary>The headers of the CORS protocol the model tells apart; every other header name is <see cref="None"/>.</summary>
internal enum CorsHeader
{
    None,
    AllowOrigin,
    AllowCredentials,

    /// <summary>The request's <c>Origin</c>: read, never written, by the code the model judges.</summary>
    Origin,
}

/// <summary>
/// One write of a CORS header into a response's headers: <c>Response.Headers["Access-Control-Allow-Origin"] = "*"</c>,
/// <c>Headers.Append(HeaderNames.AccessControlAllowCredentials, "true")</c>, <c>Headers.AccessControlAllowOrigin = origin</c>.
/// </summary>
internal sealed class HeaderWrite
{
    public HeaderWrite(IOperation operation, CorsHeader header, IOperation value)
    {
        Operation = operation;
        Header = header;
        Value = value;
    }

    /// <summary>The invocation or assignment that writes the header.</summary>
    public IOperation Operation { get; }

    public CorsHeader Header { get; }

    /// <summary>The value written, as the user wrote it (conversions included).</summary>
    public IOperation Value { get; }

    /// <summary>Where a diagnostic about the write goes: a call's name and arguments, or the whole assignment.</summary>
    public Location Location => Operation.NameAndArgumentsLocation();
}
