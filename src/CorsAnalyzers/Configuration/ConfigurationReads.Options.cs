using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Configuration;

/// <summary>
/// The options pattern: <c>IOptions&lt;CorsSettings&gt;.Value</c> (also <c>IOptionsSnapshot</c>'s <c>Value</c> and
/// <c>IOptionsMonitor</c>'s <c>CurrentValue</c>) is the object the app bound to that type, wherever the options come from:
/// a <c>Startup.Configure</c> parameter, a service resolved from the provider. Its section is known only when the source
/// binds the type exactly once, by <c>services.Configure&lt;CorsSettings&gt;(section)</c> or
/// <c>services.AddOptions&lt;CorsSettings&gt;().Bind(section)</c> / <c>.BindConfiguration("Cors")</c>, and nothing else in the
/// compilation configures it: any other call with the type among its type arguments (<c>Configure</c> with a delegate,
/// <c>PostConfigure</c>, <c>Options.Create</c>, a helper of ours), any other generic use of it (<c>IConfigureOptions&lt;&gt;</c>
/// implemented or registered), a named binding, a builder kept in a variable, or a type declared outside the compilation
/// (a library could configure it) keeps the value unknown.
/// </summary>
internal sealed partial class ConfigurationReads
{
    private const string OptionsName = "Microsoft.Extensions.Options.IOptions`1";
    private const string OptionsSnapshotName = "Microsoft.Extensions.Options.IOptionsSnapshot`1";
    private const string OptionsMonitorName = "Microsoft.Extensions.Options.IOptionsMonitor`1";
    private const string ConfigureFromConfigurationName = "Microsoft.Extensions.DependencyInjection.OptionsConfigurationServiceCollectionExtensions";
    private const string BuilderFromConfigurationName = "Microsoft.Extensions.DependencyInjection.OptionsBuilderConfigurationExtensions";
    private const string AddOptionsName = "Microsoft.Extensions.DependencyInjection.OptionsServiceCollectionExtensions";
    private const string OptionsBuilderName = "Microsoft.Extensions.Options.OptionsBuilder`1";

    /// <summary>How <c>OptionsBuilder&lt;TOptions&gt;</c> displays (a meta test checks it against the resolved type).</summary>
    internal const string OptionsBuilderDisplay = "Microsoft.Extensions.Options.OptionsBuilder<TOptions>";

    // The section each options type is bound to; Unknown when it cannot be told (computed once per type, when first read).
    private const string Unknown = "\0";

    private readonly INamedTypeSymbol? _options;
    private readonly INamedTypeSymbol? _optionsSnapshot;
    private readonly INamedTypeSymbol? _optionsMonitor;
    private readonly ConcurrentDictionary<ITypeSymbol, string> _optionsSections = new(SymbolEqualityComparer.Default);

    /// <summary>The options types <see cref="TryOptionsValue"/> reads (a meta test resolves them on ASP.NET Core 8 and 10).</summary>
    public static IEnumerable<string> OptionsMetadataNames { get; } = new[]
    {
        OptionsName, OptionsSnapshotName, OptionsMonitorName, ConfigureFromConfigurationName, BuilderFromConfigurationName, AddOptionsName, OptionsBuilderName,
    };

    /// <summary><c>options.Value</c> of an <c>IOptions&lt;T&gt;</c> or <c>IOptionsSnapshot&lt;T&gt;</c>, <c>monitor.CurrentValue</c>: T, declared in source.</summary>
    private bool TryOptionsValue(IPropertyReferenceOperation property, out INamedTypeSymbol bound)
    {
        bound = null!;
        var owner = property.Property.ContainingType?.OriginalDefinition;
        var isValue = property.Property.Name == "Value" && (SymbolEqualityComparer.Default.Equals(owner, _options) || SymbolEqualityComparer.Default.Equals(owner, _optionsSnapshot));
        var isCurrentValue = property.Property.Name == "CurrentValue" && SymbolEqualityComparer.Default.Equals(owner, _optionsMonitor);
        if ((!isValue && !isCurrentValue) || property.Type is not INamedTypeSymbol { TypeKind: TypeKind.Class } type
            || !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly) || Kind(type) is not null)
        {
            return false;
        }

        bound = type;
        return true;
    }

    /// <summary>The one section the compilation binds <paramref name="type"/>'s options to (see the type's summary).</summary>
    private bool TryOptionsSection(INamedTypeSymbol type, out string section)
    {
        section = _optionsSections.GetOrAdd(type, FindOptionsSection);
        return !ReferenceEquals(section, Unknown);
    }

    private string FindOptionsSection(ITypeSymbol type)
    {
        // The type is named in every call that configures it (as a type argument; an alias of it makes it unknown), so
        // only the files that name it are bound: their text is searched, which costs no binding.
        var trees = new List<SyntaxTree>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (tree.GetText().ToString().IndexOf(type.Name, StringComparison.Ordinal) >= 0)
            {
                trees.Add(tree);
            }
        }

        foreach (var tree in trees)
        {
            foreach (var alias in tree.GetRoot().DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax).OfType<UsingDirectiveSyntax>())
            {
                if (alias.Alias is not null && alias.Name?.ToString().EndsWith(type.Name, StringComparison.Ordinal) == true)
                {
                    // `using Settings = App.CorsSettings;` (or global): calls may name the alias in any file.
                    return Unknown;
                }
            }
        }

        string? section = null;
        var seen = new HashSet<InvocationExpressionSyntax>();
        foreach (var tree in trees)
        {
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (node is not SimpleNameSyntax name || name.Identifier.ValueText != type.Name)
                {
                    continue;
                }

                // A generic type around the name: IOptions<CorsSettings> as a parameter or service reads the options; any
                // other (IConfigureOptions<CorsSettings> implemented or registered, an OptionsBuilder<CorsSettings> kept,
                // typeof(IOptions<CorsSettings>) handed to a registration) may configure them.
                if (node.Parent is TypeArgumentListSyntax { Parent: GenericNameSyntax generic } && Invocation(generic) is null
                    && (!IsOptionsType(model.GetSymbolInfo(generic).Symbol) || generic.FirstAncestorOrSelf<TypeOfExpressionSyntax>() is not null))
                {
                    return Unknown;
                }

                // Every call around the name that has the type among its type arguments, named or inferred.
                foreach (var invocationSyntax in node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>())
                {
                    if (!seen.Add(invocationSyntax) || model.GetOperation(invocationSyntax) is not IInvocationOperation invocation)
                    {
                        continue;
                    }

                    switch (Use(invocation.TargetMethod, type))
                    {
                        case OptionsUse.None:
                            break;
                        case OptionsUse.Bind when BoundSection(invocation) is { } bound && section is null:
                            section = bound;
                            break;
                        case OptionsUse.Bind:
                            return Unknown;
                        case OptionsUse.Other:
                            return Unknown;
                    }
                }
            }
        }

        return section ?? Unknown;
    }

    private enum OptionsUse
    {
        /// <summary>The call does not have the type among its type arguments.</summary>
        None,

        /// <summary>It reads the options (<c>GetRequiredService&lt;IOptions&lt;T&gt;&gt;()</c>) or continues a binding chain.</summary>
        Read,

        /// <summary><c>Configure&lt;T&gt;(services, ...)</c> or <c>AddOptions&lt;T&gt;()</c>: a binding, if <see cref="BoundSection"/> says so.</summary>
        Bind,

        /// <summary>Anything else that mentions the type: it may configure the options.</summary>
        Other,
    }

    private OptionsUse Use(IMethodSymbol method, ITypeSymbol type)
    {
        var definition = method.ReducedFrom is { } reduced ? method.GetConstructedReducedFrom() ?? reduced : method;
        if (!Mentions(definition.TypeArguments, type, 0))
        {
            return OptionsUse.None;
        }

        var declaring = definition.ContainingType?.OriginalDefinition.ToDisplayString();
        return (definition.Name, declaring) switch
        {
            ("Configure", ConfigureFromConfigurationName) or ("AddOptions", AddOptionsName) => OptionsUse.Bind,
            ("Bind" or "BindConfiguration", BuilderFromConfigurationName) => OptionsUse.Read,
            // A consumer of the options: a service resolved, or a dependency of another options type's configuration
            // (`AddOptions<CorsOptions>().Configure<IOptions<CorsSettings>>((cors, settings) => ...)`).
            ("GetService" or "GetRequiredService", _) or ("Configure" or "PostConfigure", OptionsBuilderDisplay)
                when OnlyInOptions(definition.TypeArguments, type) => OptionsUse.Read,
            _ when definition.Name.StartsWith("Validate", StringComparison.Ordinal) && definition.ContainingNamespace?.ToDisplayString() is "Microsoft.Extensions.Options" or "Microsoft.Extensions.DependencyInjection" => OptionsUse.Read,
            _ => OptionsUse.Other,
        };
    }

    private static bool Mentions(IEnumerable<ITypeSymbol> types, ITypeSymbol type, int depth)
    {
        foreach (var candidate in types)
        {
            if (SymbolEqualityComparer.Default.Equals(candidate, type)
                || (depth < 4 && candidate is INamedTypeSymbol { IsGenericType: true } named && Mentions(named.TypeArguments, type, depth + 1))
                || (depth < 4 && candidate is IArrayTypeSymbol array && Mentions(new[] { array.ElementType }, type, depth + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is among <paramref name="typeArguments"/> only as <c>IOptions&lt;T&gt;</c> and its kin.</summary>
    private bool OnlyInOptions(ImmutableArray<ITypeSymbol> typeArguments, ITypeSymbol type)
    {
        foreach (var argument in typeArguments)
        {
            if (Mentions(new[] { argument }, type, 0) && !(IsOptionsType(argument) && SymbolEqualityComparer.Default.Equals(((INamedTypeSymbol)argument).TypeArguments[0], type)))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsOptionsType(ISymbol? symbol)
    {
        var definition = (symbol as INamedTypeSymbol)?.OriginalDefinition;
        return definition is not null && (SymbolEqualityComparer.Default.Equals(definition, _options)
            || SymbolEqualityComparer.Default.Equals(definition, _optionsSnapshot) || SymbolEqualityComparer.Default.Equals(definition, _optionsMonitor));
    }

    /// <summary>The invocation whose method <paramref name="generic"/> names (<c>services.Configure&lt;T&gt;(...)</c>, <c>Configure&lt;T&gt;(services, ...)</c>).</summary>
    private static InvocationExpressionSyntax? Invocation(GenericNameSyntax generic)
        => generic.Parent switch
        {
            InvocationExpressionSyntax invocation when invocation.Expression == generic => invocation,
            MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax invocation } access when access.Name == generic => invocation,
            _ => null,
        };

    /// <summary>
    /// The section of <c>services.Configure&lt;T&gt;(section)</c>, or of <c>services.AddOptions&lt;T&gt;()</c> followed by
    /// <c>.Bind(section)</c> or <c>.BindConfiguration("Key")</c> (validation calls may follow); null for a named binding, a
    /// binder-options delegate, a builder that goes anywhere else, or a section we cannot trace.
    /// </summary>
    private string? BoundSection(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        if (method.Name == "Configure")
        {
            // Configure<T>(services, config): the overloads with a name or binder options change what is bound.
            return method.Parameters.Length == 2 && invocation.Arguments.Length == 2 && TrySection(invocation.Arguments[1].Value, 0, out var path) ? path : null;
        }

        if (method.Parameters.Length != 1)
        {
            return null;
        }

        // services.AddOptions<T>().Bind(section).ValidateOnStart(): the builder goes straight into the one binding call.
        string? bound = null;
        IOperation builder = invocation;
        while (builder.Parent is IArgumentOperation { Parent: IInvocationOperation next } && next.Arguments.Length > 0 && next.Arguments[0].Value == builder)
        {
            var nextMethod = next.TargetMethod.ReducedFrom ?? next.TargetMethod;
            var declaring = nextMethod.ContainingType?.ToDisplayString();
            if (declaring == BuilderFromConfigurationName && bound is null)
            {
                bound = nextMethod.Name switch
                {
                    "Bind" when next.Arguments.Length == 2 && TrySection(next.Arguments[1].Value, 0, out var path) => path,
                    // BindConfiguration("Cors"), its binder-options parameter left out.
                    "BindConfiguration" when next.Arguments.Length >= 2 && ReadKey(next.Arguments[1].Value) is { } key
                        && (next.Arguments.Length == 2 || next.Arguments[2].ArgumentKind == ArgumentKind.DefaultValue) => key,
                    _ => null,
                };
                if (bound is null)
                {
                    return null;
                }
            }
            else if (!nextMethod.Name.StartsWith("Validate", StringComparison.Ordinal))
            {
                return null;
            }

            builder = next;
        }

        // The chain's last builder is a statement's value, discarded: nothing configures it later.
        return builder.Parent is IExpressionStatementOperation ? bound : null;
    }
}
