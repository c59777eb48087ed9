using System;

namespace CorsAnalyzers.Policies;

/// <summary>The origins the weak-check evaluator runs, parsed as <c>System.Uri</c> would, mostly without it.</summary>
internal static class PlainOrigin
{
    /// <summary>
    /// <c>Uri.TryCreate(text, UriKind.Absolute, out var uri)</c> and the <c>uri.Scheme</c> and <c>uri.Host</c> it gives. The
    /// origins this evaluator runs are mostly plain <c>http(s)://host[:port]</c>, whose answer is known without
    /// <c>System.Uri</c> (absolute, scheme and host lower-cased): its first call set up enough of the runtime to cost a build
    /// milliseconds. Only such plain origins are answered here: DNS labels of ASCII letters, digits and inner hyphens, the last
    /// one starting with a letter (no IPv4 form, which Uri rewrites), and a port without leading zeros; everything else is
    /// Uri's to judge (PlainOriginTests compares the two).
    /// </summary>
    internal static bool TryCreateUri(string text, out string scheme, out string host)
    {
        if (TrySplitPlainOrigin(text, out scheme, out host))
        {
            return true;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var parsed))
        {
            scheme = parsed.Scheme;
            host = parsed.Host;
            return true;
        }

        scheme = host = string.Empty;
        return false;
    }

    private static bool TrySplitPlainOrigin(string text, out string scheme, out string host)
    {
        scheme = host = string.Empty;
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        var schemeText = separator > 0 ? text.Substring(0, separator) : string.Empty;
        if (!schemeText.Equals("http", StringComparison.OrdinalIgnoreCase) && !schemeText.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hostStart = separator + 3;
        var hostEnd = hostStart;
        var labelStart = hostStart;
        while (hostEnd < text.Length && text[hostEnd] != ':')
        {
            var c = text[hostEnd];
            if (c == '.')
            {
                if (hostEnd == labelStart || text[hostEnd - 1] == '-')
                {
                    return false;
                }

                labelStart = hostEnd + 1;
            }
            else if (c == '-' && hostEnd == labelStart)
            {
                return false;
            }
            else if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-'))
            {
                return false;
            }

            hostEnd++;
        }

        if (hostEnd == labelStart || !char.IsLetter(text[labelStart]) || text[hostEnd - 1] == '-' || !IsPort(text, hostEnd))
        {
            return false;
        }

        scheme = schemeText.ToLowerInvariant();
        host = text.Substring(hostStart, hostEnd - hostStart).ToLowerInvariant();
        return true;
    }

    /// <summary>True when <paramref name="text"/> ends at <paramref name="index"/> or goes on with <c>:</c> and a port number.</summary>
    private static bool IsPort(string text, int index)
    {
        if (index == text.Length)
        {
            return true;
        }

        var digits = text.Length - index - 1;
        if (digits is < 1 or > 5 || text[index + 1] == '0')
        {
            return false;
        }

        var port = 0;
        for (var i = index + 1; i < text.Length; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }

            port = (port * 10) + (text[i] - '0');
        }

        return port <= 65535;
    }
}
