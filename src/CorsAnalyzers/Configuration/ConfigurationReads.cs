using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Configuration;

internal enum ConfigurationReadKind
{
    /// <summary>One string: <c>config["Cors:Origin"]</c>, <c>GetSection("Cors:Origin").Value</c>, <c>GetValue&lt;string&gt;(...)</c>.</summary>
    String,

    /// <summary>A list bound from a section's children: <c>GetSection("Cors:Origins").Get&lt;string[]&gt;()</c>.</summary>
    List,
}

/// <summary>A read of the app's configuration in code: which key, read how, and the default it falls back to.</summary>
internal readonly struct ConfigurationRead
{
    public ConfigurationRead(ConfigurationReadKind kind, string key, IOperation? defaultValue)
    {
        Kind = kind;
        Key = key;
        DefaultValue = defaultValue;
    }

    public ConfigurationReadKind Kind { get; }

    /// <summary>The full key, <c>:</c>-separated from the root of the configuration.</summary>
    public string Key { get; }

    /// <summary><c>GetValue&lt;string&gt;("Key", "default")</c>'s default: the value when no source holds the key.</summary>
    public IOperation? DefaultValue { get; }
}

/// <summary>
/// Recognises configuration reads by symbol (<c>IConfiguration</c>'s indexer and <c>GetSection</c>, and their
/// implementations on <c>ConfigurationManager</c> and friends; <c>IConfigurationSection.Value</c>; <c>ConfigurationBinder</c>'s
/// <c>Get&lt;T&gt;</c> and <c>GetValue&lt;T&gt;</c>; a property of an object bound by <c>Get&lt;T&gt;()</c> or <c>Bind</c>), and holds the
/// project's <see cref="ConfigurationFiles"/>. Created once per compilation, the first time a policy passes a value that is
/// not a constant; the symbols and files are read then, never on the per-invocation path.
/// </summary>
internal sealed partial class ConfigurationReads
{
    private const int MaxDepth = 8;

    // Where the types are declared (WellKnownTypes: one assembly's table, not every reference's).
    private const string AbstractionsAssembly = "Microsoft.Extensions.Configuration.Abstractions";
    private const string OptionsAssembly = "Microsoft.Extensions.Options";

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _configuration;
    private readonly INamedTypeSymbol? _section;
    private readonly INamedTypeSymbol? _binder;
    private readonly INamedTypeSymbol? _extensions;
    private readonly IPropertySymbol? _indexer;
    private readonly IMethodSymbol? _getSection;
    private readonly IPropertySymbol? _value;
    private readonly INamedTypeSymbol? _list;

    private readonly ConfigurationSources? _sources;
    private readonly CancellationToken _cancellationToken;

    private ConfigurationReads(Compilation compilation, INamedTypeSymbol configuration, ConfigurationFiles files, CancellationToken cancellationToken)
    {
        _compilation = compilation;
        _sources = ConfigurationSources.Create(compilation, files);
        _cancellationToken = cancellationToken;
        _options = WellKnownTypes.Get(compilation, OptionsAssembly, OptionsName);
        _optionsSnapshot = WellKnownTypes.Get(compilation, OptionsAssembly, OptionsSnapshotName);
        _optionsMonitor = WellKnownTypes.Get(compilation, OptionsAssembly, OptionsMonitorName);
        _configuration = configuration;
        _list = WellKnownTypes.Get(compilation, "System.Collections", "System.Collections.Generic.List`1");
        _section = WellKnownTypes.Get(compilation, AbstractionsAssembly, "Microsoft.Extensions.Configuration.IConfigurationSection");
        _binder = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Configuration.Binder", "Microsoft.Extensions.Configuration.ConfigurationBinder");
        _extensions = WellKnownTypes.Get(compilation, AbstractionsAssembly, "Microsoft.Extensions.Configuration.ConfigurationExtensions");
        Files = files;
        foreach (var member in configuration.GetMembers())
        {
            switch (member)
            {
                case IPropertySymbol { IsIndexer: true, Parameters.Length: 1 } indexer when indexer.Parameters[0].Type.SpecialType == SpecialType.System_String:
                    _indexer = indexer;
                    break;
                case IMethodSymbol { Name: "GetSection", Parameters.Length: 1 } getSection:
                    _getSection = getSection;
                    break;
            }
        }

        foreach (var member in _section?.GetMembers("Value") ?? ImmutableArray<ISymbol>.Empty)
        {
            _value = member as IPropertySymbol ?? _value;
        }
    }

    /// <summary>The metadata names resolved (a meta test checks each against ASP.NET Core 8 and 10).</summary>
    public static ImmutableArray<string> MetadataNames { get; } = ImmutableArray.Create(
        "Microsoft.Extensions.Configuration.IConfiguration",
        "Microsoft.Extensions.Configuration.IConfigurationSection",
        "Microsoft.Extensions.Configuration.ConfigurationBinder",
        "Microsoft.Extensions.Configuration.ConfigurationExtensions");

    public ConfigurationFiles Files { get; }

    /// <summary>Null when the compilation has no <c>IConfiguration</c> (then no read is recognised).</summary>
    public static ConfigurationReads? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        => WellKnownTypes.Get(compilation, AbstractionsAssembly, MetadataNames[0]) is { } configuration
            ? new ConfigurationReads(compilation, configuration, ConfigurationFiles.Read(options, cancellationToken), cancellationToken)
            : null;

    /// <summary>
    /// Whether <paramref name="operation"/> reads configuration, and which key. A read is not resolved when the app changes
    /// its configuration's sources in code (<see cref="ConfigurationSources"/>): the files may not hold what it reads.
    /// </summary>
    public bool TryRead(IOperation operation, out ConfigurationRead read)
        => TryReadCore(operation, out read) && !(_sources?.MayChange(_cancellationToken) ?? false);

    private bool TryReadCore(IOperation operation, out ConfigurationRead read)
    {
        read = default;
        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } indexer
                when IsMember(indexer.Property, _indexer) && ReadKey(indexer.Arguments[0].Value) is { } key
                && TrySection(indexer.Instance, 0, out var parent):
                read = new ConfigurationRead(ConfigurationReadKind.String, Combine(parent, key), null);
                return true;

            case IPropertyReferenceOperation { Property.IsIndexer: false } value when IsMember(value.Property, _value)
                && TrySection(value.Instance, 0, out var path) && path is not null:
                read = new ConfigurationRead(ConfigurationReadKind.String, path, null);
                return true;

            case IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance } property
                when TryBoundObject(instance, 0, out var section) && Kind(property.Property.Type) is { } propertyKind:
                // A property of an options object bound from a section: ConfigurationBinder matches names ignoring case.
                read = new ConfigurationRead(propertyKind, Combine(section, property.Property.Name), null);
                return true;

            case IInvocationOperation invocation when IsBinder(invocation.TargetMethod, out var method):
                return TryReadBinder(invocation, method, out read);

            default:
                return false;
        }
    }

    private bool TryReadBinder(IInvocationOperation invocation, IMethodSymbol method, out ConfigurationRead read)
    {
        read = default;
        if (method.TypeArguments.Length != 1 || invocation.Arguments.Length == 0 || Kind(method.TypeArguments[0]) is not { } kind)
        {
            return false;
        }

        var receiver = invocation.Arguments[0].Value;
        switch (method.Name)
        {
            case "Get" when TrySection(receiver, 0, out var section) && section is not null:
                read = new ConfigurationRead(kind, section, null);
                return true;

            case "GetValue" when kind == ConfigurationReadKind.String && invocation.Arguments.Length >= 2
                && ReadKey(invocation.Arguments[1].Value) is { } key && TrySection(receiver, 0, out var parent):
                // GetValue converts the key's value; a list needs Get<T>().
                var defaultValue = invocation.Arguments.Length >= 3 && invocation.Arguments[2].ArgumentKind != ArgumentKind.DefaultValue
                    ? invocation.Arguments[2].Value
                    : null;
                read = new ConfigurationRead(kind, Combine(parent, key), defaultValue);
                return true;

            default:
                return false;
        }
    }

    /// <summary>The section an expression is: null for the root (<c>builder.Configuration</c>, an <c>IConfiguration</c> parameter).</summary>
    private bool TrySection(IOperation? operation, int depth, out string? path)
    {
        path = null;
        if (operation is null || depth > MaxDepth)
        {
            return false;
        }

        operation = operation.WalkDownConversions();
        switch (operation)
        {
            case IConditionalAccessInstanceOperation:
                // `config.GetSection("Cors")?.Get<string[]>()`: the receiver is the conditional access's operand.
                for (var ancestor = operation.Parent; ancestor is not null; ancestor = ancestor.Parent)
                {
                    if (ancestor is IConditionalAccessOperation access)
                    {
                        return TrySection(access.Operation, depth + 1, out path);
                    }
                }

                return false;

            case IInvocationOperation invocation when IsGetSection(invocation, out var receiver, out var key):
                if (!TrySection(receiver, depth + 1, out var parent))
                {
                    return false;
                }

                path = Combine(parent, key);
                return true;

            case ILocalReferenceOperation { Local: var local }:
                return SourceBodies.GetInitializer(local, operation.SemanticModel) is { } initializer
                    && TrySection(initializer, depth + 1, out path);

            case IInvocationOperation or IObjectCreationOperation:
                // `new ConfigurationBuilder().AddInMemoryCollection(...).Build()`: a configuration the code builds itself
                // holds what it adds, not the app's settings files.
                return false;

            default:
                // A section we cannot trace (a parameter typed IConfigurationSection) is not the root.
                return operation.Type is INamedTypeSymbol type && !IsOrImplements(type, _section) && IsOrImplements(type, _configuration);
        }
    }

    /// <summary><c>GetSection("Key")</c> on a configuration, or <c>GetRequiredSection("Key")</c>.</summary>
    private bool IsGetSection(IInvocationOperation invocation, out IOperation? receiver, out string key)
    {
        receiver = null;
        key = string.Empty;
        var method = invocation.TargetMethod;
        if (invocation.Instance is not null && invocation.Arguments.Length == 1 && IsMember(method, _getSection))
        {
            receiver = invocation.Instance;
        }
        else if (method.IsExtensionMethod && invocation.Arguments.Length == 2 && method.Name == "GetRequiredSection"
            && SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, _extensions))
        {
            receiver = invocation.Arguments[0].Value;
        }
        else
        {
            return false;
        }

        if (ReadKey(invocation.Arguments[invocation.Arguments.Length - 1].Value) is not { } text)
        {
            return false;
        }

        key = text;
        return true;
    }

    /// <summary>String for a string; List for <c>string[]</c> and the generic collections of strings the binder fills; else null.</summary>
    private ConfigurationReadKind? Kind(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return ConfigurationReadKind.String;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
        {
            return ConfigurationReadKind.List;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named && named.TypeArguments[0].SpecialType == SpecialType.System_String)
        {
            switch (named.OriginalDefinition.SpecialType)
            {
                case SpecialType.System_Collections_Generic_IEnumerable_T:
                case SpecialType.System_Collections_Generic_IList_T:
                case SpecialType.System_Collections_Generic_ICollection_T:
                case SpecialType.System_Collections_Generic_IReadOnlyList_T:
                case SpecialType.System_Collections_Generic_IReadOnlyCollection_T:
                    return ConfigurationReadKind.List;
            }

            if (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _list))
            {
                return ConfigurationReadKind.List;
            }
        }

        return null;
    }

    private bool IsBinder(IMethodSymbol method, out IMethodSymbol definition)
    {
        definition = method.ReducedFrom is { } reduced ? method.GetConstructedReducedFrom() ?? reduced : method;
        return _binder is not null && SymbolEqualityComparer.Default.Equals(definition.ContainingType, _binder);
    }

    /// <summary><paramref name="member"/> is <paramref name="interfaceMember"/> or a type's implementation of it.</summary>
    private static bool IsMember(ISymbol member, ISymbol? interfaceMember)
    {
        if (interfaceMember is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, interfaceMember))
        {
            return true;
        }

        if (member.ContainingType is not { } type)
        {
            return false;
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            // IConfigurationSection and IConfigurationRoot inherit IConfiguration's members without redeclaring them;
            // an interface that redeclares one (`new string this[string key]`) is not followed.
            return false;
        }

        return SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(interfaceMember), member.OriginalDefinition);
    }

    /// <summary>True for <paramref name="candidate"/> and the types that implement it.</summary>
    internal static bool IsOrImplements(INamedTypeSymbol type, INamedTypeSymbol? candidate)
    {
        if (candidate is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, candidate))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ReadKey(IOperation key)
        => key.WalkDownConversions().ConstantValue is { HasValue: true, Value: string text } && text.Length > 0 ? text : null;

    private static string Combine(string? parent, string key) => parent is null ? key : parent + ":" + key;
}
