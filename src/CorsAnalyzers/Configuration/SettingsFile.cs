using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Configuration;

/// <summary>One JSON settings file of the project (<c>appsettings.json</c>, <c>appsettings.Production.json</c>, ...), read once.</summary>
internal sealed class SettingsFile
{
    private readonly Dictionary<string, JsonLeaf> _leaves;
    private readonly SourceText _text;

    private SettingsFile(string path, string? environment, SourceText text, Dictionary<string, JsonLeaf> leaves)
    {
        Path = path;
        FileName = System.IO.Path.GetFileName(path);
        Environment = environment;
        _text = text;
        _leaves = leaves;
    }

    public string Path { get; }

    public string FileName { get; }

    /// <summary>The environment of <c>appsettings.{Environment}.json</c>; null for <c>appsettings.json</c> and other files.</summary>
    public string? Environment { get; }

    /// <summary>The file's keys, compared as ASP.NET Core compares configuration keys (ordinal, ignoring case).</summary>
    public IEnumerable<string> Keys => _leaves.Keys;

    /// <summary>Reads <paramref name="text"/>; null when ASP.NET Core would reject it (see <see cref="JsonSettingsReader"/>).</summary>
    public static SettingsFile? Read(string path, string? environment, SourceText text)
    {
        var leaves = JsonSettingsReader.Read(text.ToString());
        if (leaves is null)
        {
            return null;
        }

        var byKey = new Dictionary<string, JsonLeaf>(leaves.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var leaf in leaves)
        {
            byKey[leaf.Key] = leaf;
        }

        return new SettingsFile(path, environment, text, byKey);
    }

    /// <summary>The environment <paramref name="path"/>'s name gives: <c>Production</c> for <c>appsettings.Production.json</c>.</summary>
    public static bool IsAppSettings(string path, out string? environment)
    {
        environment = null;
        var name = System.IO.Path.GetFileName(path);
        const string Prefix = "appsettings.";
        const string Suffix = ".json";
        if (!name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || !name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (name.Length == Prefix.Length + Suffix.Length - 1)
        {
            // "appsettings.json": the dot is shared by prefix and suffix.
            return true;
        }

        if (name.Length <= Prefix.Length + Suffix.Length)
        {
            return false;
        }

        environment = name.Substring(Prefix.Length, name.Length - Prefix.Length - Suffix.Length);
        return environment.IndexOf('.') < 0;
    }

    public bool TryGetLeaf(string key, out JsonLeaf leaf) => _leaves.TryGetValue(key, out leaf);

    public Location GetLocation(TextSpan span) => Location.Create(Path, span, _text.Lines.GetLinePositionSpan(span));

    /// <summary>Where the file is named in messages: " in appsettings.Production.json (the Production environment)".</summary>
    public string Describe()
        => Environment is null ? $" in {FileName}" : $" in {FileName} (the {Environment} environment)";
}
