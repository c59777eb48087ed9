using System;
using System.IO;
using System.Linq;
using System.Text;
using CorsAnalyzers.Configuration;
using Microsoft.Extensions.Configuration;

namespace CorsAnalyzers.Tests.Configuration;

/// <summary>
/// Our JSON reader against ASP.NET Core's own JSON configuration provider (this test process's framework): the same keys
/// and values for the files it accepts, null for the files it rejects.
/// </summary>
public class JsonSettingsReaderTests
{
    [Theory]
    [InlineData("""{ "Cors": { "Origins": [ "https://a.contoso.com", "https://b.contoso.com" ] } }""")]
    [InlineData("""{ "A": 1, "B": -2.5e3, "C": true, "D": false, "E": "x" }""")]
    [InlineData("""{ "Nested": [ [ "a", "b" ], { "Key": "v" } ] }""")]
    [InlineData("""{ "Escapes": "quote \" backslash \\ slash \/ tab \t unicode \u00e9 \u2028" }""")]
    [InlineData("""
        // comment
        {
          /* block
             comment */
          "Cors": {
            "Origins": [ "https://a.contoso.com", ], // trailing commas
          },
        }
        """)]
    [InlineData("\uFEFF{ \"Bom\": \"yes\" }")]
    [InlineData("""{ "Mixed": { "case": "a" }, "mixed": { "Other": "b" } }""")]
    [InlineData("""{ "Colon:Key": { "Inner": "x" } }""")]
    [InlineData("""{ }""")]
    public void AcceptedFiles_GiveTheKeysAndValuesAspNetCoreGives(string json)
    {
        var expected = AspNetCore(json)!;
        var leaves = JsonSettingsReader.Read(json);

        // Keys compare ignoring case (AsEnumerable spells a key as its section was first written).
        Assert.NotNull(leaves);
        Assert.Equal(
            expected.Select(pair => (pair.Key.ToUpperInvariant(), pair.Value)).OrderBy(pair => pair.Item1, StringComparer.Ordinal),
            leaves!.Where(leaf => leaf.Value is not null).Select(leaf => (leaf.Key.ToUpperInvariant(), leaf.Value!)).OrderBy(pair => pair.Item1, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("""{ "Cors": { "Origins": [ "https://a.contoso.com" ] } """)]
    [InlineData("""{ "Key": "a", "KEY": "b" }""")]
    [InlineData("""{ "A": { "B": "x" }, "a": { "b": "y" } }""")]
    [InlineData("""[ "https://a.contoso.com" ]""")]
    [InlineData("""{ 'Key': 'single quotes' }""")]
    [InlineData("""{ "Key": "unterminated }""")]
    [InlineData("""{ "Key": "x" } }""")]
    [InlineData("""{ "Key": "x" } /* unterminated""")]
    [InlineData("""{ "Key": 01 }""")]
    [InlineData("{ \"Key\": \"raw\nline break\" }")]
    [InlineData("""{ "Key": undefined }""")]
    [InlineData("""{ "Key" "x" }""")]
    [InlineData("""{ "A": "x" "B": "y" }""")]
    public void RejectedFiles_GiveNull(string json)
    {
        Assert.Null(AspNetCore(json));
        Assert.Null(JsonSettingsReader.Read(json));
    }

    [Fact]
    public void DeeplyNestedFile_DoesNotOverflow()
    {
        var json = "{ \"a\": " + string.Concat(Enumerable.Repeat("[", 100_000)) + string.Concat(Enumerable.Repeat("]", 100_000)) + " }";

        Assert.Null(JsonSettingsReader.Read(json));
    }

    [Fact]
    public void Spans_PointAtTheStringInTheFile()
    {
        const string json = "{\n  \"Cors\": { \"Origin\": \"https://a.contoso.com/\" }\n}";

        var leaf = Assert.Single(JsonSettingsReader.Read(json)!);

        Assert.Equal("Cors:Origin", leaf.Key);
        Assert.Equal("\"https://a.contoso.com/\"", json.Substring(leaf.Span.Start, leaf.Span.Length));
    }

    /// <summary>What ASP.NET Core's JSON provider makes of <paramref name="json"/>; null when it rejects the file.</summary>
    private static (string Key, string Value)[]? AspNetCore(string json)
    {
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
            return configuration.AsEnumerable().Where(pair => pair.Value is not null).Select(pair => (pair.Key, pair.Value!)).ToArray();
        }
        catch (Exception exception) when (exception is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
