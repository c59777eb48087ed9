using System;
using System.Collections.Immutable;

namespace CorsAnalyzers.Policies;

/// <summary>An origin an attacker could own, proposed by one check, and why the check would let it through.</summary>
internal sealed class OriginCandidate
{
    public OriginCandidate(WeakCheckKind kind, string origin)
    {
        Kind = kind;
        Origin = origin;
    }

    public WeakCheckKind Kind { get; }

    public string Origin { get; }
}

/// <summary>
/// The origins an attacker could register to pass one check, made from the check's own text: <c>https://evil</c> before an
/// <c>EndsWith</c> suffix, <c>.evil.io</c> after a <c>StartsWith</c> prefix, and for a pattern, a text it was written to
/// accept with the host going on, text before it, or an inner dot replaced. Each is a real origin (http or https, a
/// lowercase host, no path) on a domain other than the one the check names and its subdomains; whether the check really
/// accepts it is decided by running it (<see cref="OriginCheckEvaluator"/>).
/// </summary>
internal static class OriginCandidates
{
    public static ImmutableArray<OriginCandidate> ForEndsWith(string text, OriginSubject subject)
    {
        // A leading dot (".contoso.com") or a scheme ("://contoso.com") ends the domain: only its own hosts pass.
        if (text[0] is '.' or '/' || text.Contains("://"))
        {
            return ImmutableArray<OriginCandidate>.Empty;
        }

        var origin = text[0] == ':' && subject == OriginSubject.Origin ? "https://evil.example" + text : "https://evil" + text;
        return Single(WeakCheckKind.EndsWithoutDot, origin, OwnerOf(text));
    }

    public static ImmutableArray<OriginCandidate> ForStartsWith(string text, OriginSubject subject)
    {
        var host = text;
        var prefix = "https://";
        if (subject == OriginSubject.Origin)
        {
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0)
            {
                return ImmutableArray<OriginCandidate>.Empty;
            }

            host = text.Substring(scheme + 3);
            prefix = text.Substring(0, scheme + 3);
        }

        if (host.IndexOf(':') >= 0 || host.IndexOf('/') >= 0)
        {
            return ImmutableArray<OriginCandidate>.Empty;
        }

        return Single(WeakCheckKind.StartsWithoutEnd, prefix + Extend(host), OwnerOf(host));
    }

    public static ImmutableArray<OriginCandidate> ForContains(string text, OriginSubject subject)
    {
        if (subject == OriginSubject.Origin && text.Contains("://"))
        {
            var candidates = ForStartsWith(text, subject);
            return candidates.IsEmpty ? candidates : ImmutableArray.Create(new OriginCandidate(WeakCheckKind.ContainsAnywhere, candidates[0].Origin));
        }

        var owner = OwnerOf(text.Trim('.'));
        var builder = ImmutableArray.CreateBuilder<OriginCandidate>(2);
        Add(builder, WeakCheckKind.ContainsAnywhere, "https://" + (text[0] == '.' ? "evil" + text : text) + (text[text.Length - 1] == '.' ? "evil.io" : ".evil.io"), owner);
        Add(builder, WeakCheckKind.ContainsAnywhere, "https://evil" + text, owner);
        return builder.ToImmutable();
    }

    /// <summary>From a text the pattern was written to accept: the host going on, text before it, each inner dot as another letter.</summary>
    public static ImmutableArray<OriginCandidate> ForPattern(string sample)
    {
        var benign = sample.Contains("://") ? sample : "https://" + (sample.StartsWith(".", StringComparison.Ordinal) ? "app" + sample : sample);
        if (!IsOrigin(benign, out var scheme, out var host, out var port))
        {
            return ImmutableArray<OriginCandidate>.Empty;
        }

        var owner = OwnerOf(host);
        var builder = ImmutableArray.CreateBuilder<OriginCandidate>();
        if (port.Length == 0)
        {
            Add(builder, WeakCheckKind.PatternOpenAtEnd, scheme + "://" + Extend(host), owner);
        }

        Add(builder, WeakCheckKind.PatternOpenAtStart, scheme + "://evil" + host + port, owner);
        for (var dot = host.IndexOf('.'); dot >= 0 && host.IndexOf('.', dot + 1) > 0; dot = host.IndexOf('.', dot + 1))
        {
            Add(builder, WeakCheckKind.PatternUnescapedDot, scheme + "://" + host.Substring(0, dot) + "x" + host.Substring(dot + 1) + port, owner);
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<OriginCandidate> Single(WeakCheckKind kind, string origin, string owner)
    {
        var builder = ImmutableArray.CreateBuilder<OriginCandidate>(1);
        Add(builder, kind, origin, owner);
        return builder.ToImmutable();
    }

    /// <summary>Adds a candidate that is a real origin on a domain other than <paramref name="owner"/> and its subdomains.</summary>
    private static void Add(ImmutableArray<OriginCandidate>.Builder candidates, WeakCheckKind kind, string origin, string owner)
    {
        if (IsOrigin(origin, out _, out var host, out _) && host.IndexOf('.') > 0
            && !string.Equals(host, owner, StringComparison.Ordinal) && !host.EndsWith("." + owner, StringComparison.Ordinal))
        {
            candidates.Add(new OriginCandidate(kind, origin));
        }
    }

    /// <summary>The host made longer with a domain of the attacker's: <c>app.contoso.com</c> -&gt; <c>app.contoso.com.evil.io</c>.</summary>
    private static string Extend(string host)
        => host.Length == 0 ? "evil.example" : host[host.Length - 1] is '.' or '-' ? host + "evil.io" : host + ".evil.io";

    /// <summary>The registrable domain a text names, roughly (its last two labels): the owner's hosts are not an attack.</summary>
    private static string OwnerOf(string text)
    {
        var colon = text.IndexOf(':');
        var host = (colon >= 0 ? text.Substring(0, colon) : text).Trim('.');
        var last = host.LastIndexOf('.');
        var secondLast = last > 0 ? host.LastIndexOf('.', last - 1) : -1;
        return secondLast >= 0 ? host.Substring(secondLast + 1) : host;
    }

    /// <summary>True for an origin as browsers send it: http or https, a lowercase host, an optional port, nothing after.</summary>
    private static bool IsOrigin(string text, out string scheme, out string host, out string port)
    {
        scheme = host = port = string.Empty;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        scheme = uri.Scheme;
        host = uri.Host;
        port = uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return string.Equals(text, scheme + "://" + host + port, StringComparison.Ordinal);
    }
}
