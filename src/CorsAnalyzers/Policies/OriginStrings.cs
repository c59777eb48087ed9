using System;
using System.Globalization;

namespace CorsAnalyzers.Policies;

internal enum OriginProblemKind
{
    None,

    /// <summary><c>"null"</c>: the opaque origin, sent by sandboxed iframes and <c>file:</c> pages of any site.</summary>
    NullOrigin,

    /// <summary><c>"*"</c> next to other origins: only a lone <c>"*"</c> means any origin.</summary>
    AnyAmongOthers,

    Whitespace,
    MissingScheme,

    /// <summary>A scheme browsers never put in an Origin header (<c>file</c>, <c>ws</c>, <c>ftp</c>, ...).</summary>
    UnsupportedScheme,

    /// <summary>Not <c>scheme://host[:port]</c> at all: no host, user info, a port that is not a number.</summary>
    Invalid,

    PathQueryOrFragment,
    DefaultPort,

    /// <summary>Upper-case letters in an origin added to <c>CorsPolicy.Origins</c> directly, which nothing lowercases.</summary>
    UpperCase,

    /// <summary><c>"https://*.contoso.com"</c> in a policy that does not call <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c>.</summary>
    WildcardSubdomainNotEnabled,

    /// <summary>A <c>*</c> anywhere in the host but as its whole first label.</summary>
    MisplacedWildcard,

    /// <summary><c>"https://a.com,https://b.com"</c>: a list joined into one string, compared with the Origin header as a whole.</summary>
    CommaJoined,
}

/// <summary>What is wrong with one origin string, and the origin the user meant when that is certain.</summary>
internal readonly struct OriginProblem
{
    public OriginProblem(OriginProblemKind kind, string? canonical = null, string? scheme = null)
    {
        Kind = kind;
        Canonical = canonical;
        Scheme = scheme;
    }

    public OriginProblemKind Kind { get; }

    /// <summary>The origin as a browser sends it; null when it cannot be known without guessing.</summary>
    public string? Canonical { get; }

    /// <summary>The scheme of an <see cref="OriginProblemKind.UnsupportedScheme"/> origin.</summary>
    public string? Scheme { get; }
}

/// <summary>
/// Checks origin strings against the form browsers send (<c>scheme://host[:port]</c>, lowercase, no default port)
/// and against how ASP.NET Core compares them: <c>CorsPolicyBuilder.WithOrigins</c> lowercases, <c>CorsPolicy.Origins</c>
/// compares ordinally, and with <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c> entries containing <c>"://*."</c>
/// match subdomains by scheme, host suffix and port.
/// </summary>
internal static class OriginStrings
{
    /// <summary>Schemes whose pages never send an Origin header with that scheme; custom app schemes (<c>capacitor://</c>, <c>chrome-extension://</c>) do.</summary>
    private static readonly string[] NeverSentSchemes = { "file", "ws", "wss", "ftp", "data", "blob", "about", "javascript", "mailto" };

    /// <param name="origin">The constant origin.</param>
    /// <param name="isVerbatim">Added to <c>CorsPolicy.Origins</c> as written (no lowercasing).</param>
    /// <param name="wildcardSubdomains">The policy calls <c>SetIsOriginAllowedToAllowWildcardSubdomains()</c> on this path.</param>
    /// <param name="hasOtherOrigins">The policy's origin list holds other entries on this path.</param>
    public static OriginProblem Check(string origin, bool isVerbatim, bool wildcardSubdomains, bool hasOtherOrigins)
    {
        if (origin.IndexOf(',') >= 0)
        {
            // An Origin header holds one origin; no browser sends a comma in it.
            return new OriginProblem(OriginProblemKind.CommaJoined);
        }

        var trimmed = origin.Trim();
        if (string.Equals(trimmed, "null", StringComparison.OrdinalIgnoreCase))
        {
            return new OriginProblem(OriginProblemKind.NullOrigin);
        }

        if (trimmed == PolicyValue.Any)
        {
            return hasOtherOrigins ? new OriginProblem(OriginProblemKind.AnyAmongOthers) : default;
        }

        if (HasWhitespace(trimmed))
        {
            return new OriginProblem(OriginProblemKind.Whitespace);
        }

        if (trimmed.Length != origin.Length)
        {
            // Only surrounding whitespace: the origin meant is the trimmed one, made canonical when it has a fixable problem.
            var shape = trimmed.Length == 0 ? new OriginProblem(OriginProblemKind.Invalid) : Check(trimmed, isVerbatim, wildcardSubdomains, hasOtherOrigins);
            return new OriginProblem(OriginProblemKind.Whitespace, shape.Kind == OriginProblemKind.None ? trimmed : shape.Canonical);
        }

        var schemeEnd = origin.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return new OriginProblem(origin.Length == 0 || origin.IndexOf(':') > 0 && !IsHostAndPort(origin) ? OriginProblemKind.Invalid : OriginProblemKind.MissingScheme);
        }

        var scheme = origin.Substring(0, schemeEnd).ToLowerInvariant();
        if (Array.IndexOf(NeverSentSchemes, scheme) >= 0)
        {
            return new OriginProblem(OriginProblemKind.UnsupportedScheme, scheme: scheme);
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = origin.IndexOfAny(new[] { '/', '?', '#' }, authorityStart);
        var authority = authorityEnd < 0 ? origin.Substring(authorityStart) : origin.Substring(authorityStart, authorityEnd - authorityStart);
        if (!TrySplitAuthority(authority, out var host, out var port))
        {
            return new OriginProblem(OriginProblemKind.Invalid);
        }

        if (host.IndexOf('*') >= 0)
        {
            var isSubdomainWildcard = host.StartsWith("*.", StringComparison.Ordinal) && host.Length > 2 && host.IndexOf('*', 1) < 0;
            if (!isSubdomainWildcard)
            {
                return new OriginProblem(OriginProblemKind.MisplacedWildcard);
            }

            // With wildcard subdomains on, ASP.NET Core parses the entry as a URI: path and default port do not matter.
            return wildcardSubdomains ? default : new OriginProblem(OriginProblemKind.WildcardSubdomainNotEnabled);
        }

        var isWeb = scheme is "http" or "https";
        var isDefaultPort = port is { } number && isWeb && number == (scheme == "https" ? 443 : 80);
        var canonicalOrigin = scheme + "://" + host.ToLowerInvariant() + (port is { } p && !isDefaultPort ? ":" + p.ToString(CultureInfo.InvariantCulture) : string.Empty);

        // WithOrigins canonicalises IDN hosts itself (scheme and host only); other origins are only lowercased.
        var builderCanonicalises = !isVerbatim && isWeb && !IsAscii(host);
        if (authorityEnd >= 0 && !builderCanonicalises)
        {
            return new OriginProblem(OriginProblemKind.PathQueryOrFragment, canonicalOrigin);
        }

        if ((isDefaultPort || authority.EndsWith(":", StringComparison.Ordinal)) && !builderCanonicalises)
        {
            return new OriginProblem(OriginProblemKind.DefaultPort, canonicalOrigin);
        }

        if (isVerbatim && !string.Equals(origin, origin.ToLowerInvariant(), StringComparison.Ordinal))
        {
            return new OriginProblem(OriginProblemKind.UpperCase, canonicalOrigin);
        }

        return default;
    }

    /// <summary><c>host[:port]</c>, where host may be a bracketed IPv6 address; false for user info, an empty host or a bad port.</summary>
    private static bool TrySplitAuthority(string authority, out string host, out int? port)
    {
        host = authority;
        port = null;
        if (authority.Length == 0 || authority.IndexOf('@') >= 0)
        {
            return false;
        }

        int hostEnd;
        if (authority[0] == '[')
        {
            hostEnd = authority.IndexOf(']') + 1;
        }
        else
        {
            var colon = authority.IndexOf(':');
            hostEnd = colon < 0 ? authority.Length : colon;
        }

        if (hostEnd <= 0)
        {
            return false;
        }

        host = authority.Substring(0, hostEnd);
        if (hostEnd == authority.Length)
        {
            return true;
        }

        if (authority[hostEnd] != ':')
        {
            return false;
        }

        var portText = authority.Substring(hostEnd + 1);
        if (portText.Length == 0)
        {
            return true;
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 65535)
        {
            return false;
        }

        port = number;
        return true;
    }

    /// <summary><c>localhost:4200</c>: a host and port with the scheme left out.</summary>
    private static bool IsHostAndPort(string origin)
    {
        var colon = origin.LastIndexOf(':');
        return colon > 0 && colon < origin.Length - 1 && int.TryParse(origin.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool HasWhitespace(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
