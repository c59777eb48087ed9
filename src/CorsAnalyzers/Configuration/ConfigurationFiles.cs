using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Configuration;

/// <summary>
/// The project's settings files, read once per compilation from its additional files, and the configurations ASP.NET Core
/// builds from them: <c>appsettings.json</c> overridden key by key by <c>appsettings.{Environment}.json</c> in that
/// environment (one <see cref="ConfigurationView"/> per environment file, and one for every other environment), then the
/// JSON files the user added (<c>CorsAnalyzersSettings="true"</c> metadata), which code adds after the defaults.
/// </summary>
internal sealed class ConfigurationFiles
{
    /// <summary>MSBuild property that turns off reading <c>appsettings*.json</c> (the package's props adds them).</summary>
    public const string ReadAppSettingsProperty = "build_property.CorsAnalyzersReadAppSettings";

    /// <summary>Additional-file metadata that marks another JSON file as configuration the app reads.</summary>
    public const string SettingsMetadata = "build_metadata.AdditionalFiles.CorsAnalyzersSettings";

    /// <summary>Parsed files by the additional text that holds them: the IDE hands the same text to the next compilation.</summary>
    private static readonly ConditionalWeakTable<AdditionalText, ParsedFile> Parsed = new();

    private ConfigurationFiles(ImmutableArray<ConfigurationView> views) => Views = views;

    /// <summary>
    /// The configurations the app may run with, each a stack of files; a single empty one when the project has no
    /// settings files (every key is then missing: supplied, if at all, by code or sources we cannot see).
    /// </summary>
    public ImmutableArray<ConfigurationView> Views { get; }

    public static ConfigurationFiles Read(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var readAppSettings = !(options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(ReadAppSettingsProperty, out var read)
            && string.Equals(read?.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        SettingsFile? appSettings = null;
        var environments = new List<SettingsFile>();
        var added = new List<SettingsFile>();
        foreach (var text in options.AdditionalFiles)
        {
            var isAppSettings = SettingsFile.IsAppSettings(text.Path, out var environment);
            var marked = options.AnalyzerConfigOptionsProvider.GetOptions(text).TryGetValue(SettingsMetadata, out var metadata)
                && string.Equals(metadata?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            if (!(isAppSettings && readAppSettings) && !marked)
            {
                continue;
            }

            if (Parse(text, isAppSettings ? environment : null, cancellationToken) is not { } file)
            {
                continue;
            }

            if (!isAppSettings)
            {
                added.Add(file);
            }
            else if (environment is null)
            {
                appSettings ??= file;
            }
            else if (!environments.Exists(other => string.Equals(other.Environment, environment, StringComparison.OrdinalIgnoreCase)))
            {
                environments.Add(file);
            }
        }

        var views = ImmutableArray.CreateBuilder<ConfigurationView>(environments.Count + 1);
        views.Add(new ConfigurationView(Stack(appSettings, null, added)));
        foreach (var environment in environments)
        {
            views.Add(new ConfigurationView(Stack(appSettings, environment, added)));
        }

        return new ConfigurationFiles(views.MoveToImmutable());
    }

    private static ImmutableArray<SettingsFile> Stack(SettingsFile? appSettings, SettingsFile? environment, List<SettingsFile> added)
    {
        var stack = ImmutableArray.CreateBuilder<SettingsFile>();
        if (appSettings is not null)
        {
            stack.Add(appSettings);
        }

        if (environment is not null)
        {
            stack.Add(environment);
        }

        stack.AddRange(added);
        return stack.ToImmutable();
    }

    private static SettingsFile? Parse(AdditionalText text, string? environment, CancellationToken cancellationToken)
    {
        if (Parsed.TryGetValue(text, out var parsed))
        {
            return parsed.File;
        }

        var source = text.GetText(cancellationToken);
        var file = source is null ? null : SettingsFile.Read(text.Path, environment, source);
        return Parsed.GetValue(text, _ => new ParsedFile(file)).File;
    }

    private sealed class ParsedFile
    {
        public ParsedFile(SettingsFile? file) => File = file;

        public SettingsFile? File { get; }
    }
}

/// <summary>One configuration the app may run with: files in the order ASP.NET Core adds them, the last holding a key winning.</summary>
internal sealed class ConfigurationView
{
    private readonly ImmutableArray<SettingsFile> _files;

    public ConfigurationView(ImmutableArray<SettingsFile> files) => _files = files;

    /// <summary>The files, in the order their keys override each other.</summary>
    public ImmutableArray<SettingsFile> Files => _files;

    /// <summary>The value of <paramref name="key"/>, or null when no file holds it.</summary>
    public ConfigurationValue? Get(string key)
    {
        for (var i = _files.Length - 1; i >= 0; i--)
        {
            if (_files[i].TryGetLeaf(key, out var leaf))
            {
                return new ConfigurationValue(_files[i], leaf);
            }
        }

        return null;
    }

    /// <summary>
    /// The keys of the children of section <paramref name="section"/> (<c>Cors:Origins:0</c>, <c>Cors:Origins:1</c>, ...),
    /// in ASP.NET Core's order (<c>ConfigurationKeyComparer</c>: numbers by value, first; then names ignoring case).
    /// </summary>
    public List<string> GetChildren(string section)
    {
        var prefix = section + ":";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in _files)
        {
            foreach (var key in file.Keys)
            {
                if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    var end = key.IndexOf(':', prefix.Length);
                    names.Add(end < 0 ? key.Substring(prefix.Length) : key.Substring(prefix.Length, end - prefix.Length));
                }
            }
        }

        var children = new List<string>(names);
        children.Sort(CompareSegments);
        for (var i = 0; i < children.Count; i++)
        {
            children[i] = prefix + children[i];
        }

        return children;
    }

    /// <summary>True when any file holds <paramref name="section"/> or a key under it.</summary>
    public bool Exists(string section) => Get(section) is not null || GetChildren(section).Count > 0;

    private static int CompareSegments(string x, string y)
    {
        var xIsNumber = int.TryParse(x, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var xNumber);
        var yIsNumber = int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var yNumber);
        return (xIsNumber, yIsNumber) switch
        {
            (true, true) => xNumber.CompareTo(yNumber),
            (true, false) => -1,
            (false, true) => 1,
            _ => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
        };
    }
}

/// <summary>A configuration value read from a settings file, and where the file says it.</summary>
internal sealed class ConfigurationValue
{
    private readonly int _offset;
    private readonly int _length;

    public ConfigurationValue(SettingsFile file, JsonLeaf leaf)
        : this(file, leaf, leaf.Value, 0, -1)
    {
    }

    private ConfigurationValue(SettingsFile file, JsonLeaf leaf, string? value, int offset, int length)
    {
        File = file;
        Leaf = leaf;
        Value = value;
        _offset = offset;
        _length = length;
    }

    public SettingsFile File { get; }

    public JsonLeaf Leaf { get; }

    /// <summary>A part of the file's string that <c>.Split(...)</c> made, not the whole value.</summary>
    public bool IsPart => _length >= 0;

    /// <summary>The value (a part of the file's string after <see cref="Slice"/>).</summary>
    public string? Value { get; }

    /// <summary>
    /// The string's position in the file: the whole JSON string, or the part a <c>.Split(',')</c> made of it (when the
    /// string has no escapes, so the part's offsets are the file's).
    /// </summary>
    public Location Location
        => File.GetLocation(_length >= 0 && Leaf.IsString && !Leaf.HasEscapes
            ? new Microsoft.CodeAnalysis.Text.TextSpan(Leaf.Span.Start + 1 + _offset, _length)
            : Leaf.Span);

    /// <summary>A part of this string (<paramref name="offset"/> in <see cref="Value"/>), as <c>string.Split</c> returns it.</summary>
    public ConfigurationValue Slice(string part, int offset) => new(File, Leaf, part, _offset + offset, part.Length);
}
