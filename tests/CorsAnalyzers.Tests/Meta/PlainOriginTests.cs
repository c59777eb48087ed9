using System;
using CorsAnalyzers.Policies;

namespace CorsAnalyzers.Tests.Meta;

public class PlainOriginTests
{
    /// <summary>
    /// The evaluator answers plain origins without System.Uri; every answer must be Uri's own: whether the text is an
    /// absolute URI, and its scheme and host.
    /// </summary>
    [Theory]
    [InlineData("https://app.contoso.com")]
    [InlineData("HTTPS://App.Contoso.COM:8443")]
    [InlineData("http://localhost")]
    [InlineData("http://localhost:5000")]
    [InlineData("https://evil.example:65535")]
    [InlineData("https://evil.example:65536")]
    [InlineData("https://evil.example:99999")]
    [InlineData("https://evil.example:080")]
    [InlineData("https://evil.example:")]
    [InlineData("https://1.2.3.4")]
    [InlineData("https://0x7f.1")]
    [InlineData("https://127.1")]
    [InlineData("https://a..b.com")]
    [InlineData("https://a.com.")]
    [InlineData("https://.a.com")]
    [InlineData("https://-a.com")]
    [InlineData("https://a-.com")]
    [InlineData("https://a-b.com")]
    [InlineData("https://a_b.com")]
    [InlineData("https://xn--bcher-kva.example")]
    [InlineData("https://bücher.example")]
    [InlineData("https://a.com/")]
    [InlineData("https://a.com/path")]
    [InlineData("https://a.com?x=1")]
    [InlineData("https://a.com#f")]
    [InlineData("https://user@a.com")]
    [InlineData("https://[::1]")]
    [InlineData("https://")]
    [InlineData("ftp://a.com")]
    [InlineData("wss://a.com")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("app.contoso.com")]
    [InlineData("https://probe.origin.invalid")]
    [InlineData("https://evil.app.contoso.com.evil.io")]
    public void TryCreateUri_AnswersAsSystemUri(string text)
    {
        var expected = Uri.TryCreate(text, UriKind.Absolute, out var uri);

        var actual = PlainOrigin.TryCreateUri(text, out var scheme, out var host);

        Assert.Equal(expected, actual);
        if (expected)
        {
            Assert.Equal(uri!.Scheme, scheme);
            Assert.Equal(uri.Host, host);
        }
    }
}
