using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Configuration;

/// <summary>
/// Whether the app changes its configuration's sources in code, so that the settings files may not hold the values it
/// runs with: a source added to the app's configuration (<c>builder.Configuration.AddInMemoryCollection(...)</c>,
/// <c>AddJsonFile("cors.json")</c>, <c>AddAzureKeyVault(...)</c>, the same inside <c>ConfigureAppConfiguration</c>), its
/// <c>Sources</c> list touched (<c>Sources.Clear()</c>), or <c>WebApplication.CreateEmptyBuilder</c>, which reads no
/// settings file. Sources every app already has (environment variables, the command line, user secrets) and
/// <c>appsettings*.json</c> or a file the project marks as settings added again change nothing the files say; a
/// configuration the code builds itself (<c>new ConfigurationBuilder()</c>) is not the app's. The adders are
/// recognised by symbol: extension methods of <c>IConfigurationBuilder</c> in the namespace
/// <c>Microsoft.Extensions.Configuration</c>, where .NET's and Azure's providers declare theirs. Answered once per
/// compilation, the first time a policy's value comes from a settings file.
/// </summary>
internal sealed class ConfigurationSources
{
    // The sources WebApplication.CreateBuilder already adds after the settings files: adding them again changes nothing
    // the analyzer reads from the files (it never reads environment variables or secrets).
    // Types of IConfigurationBuilder's namespace.
    private static readonly ImmutableArray<string> DefaultSources = ImmutableArray.Create(
        "EnvironmentVariablesExtensions", "CommandLineConfigurationExtensions", "UserSecretsConfigurationExtensions");

    // Per syntax tree, the nodes whose names may be a change (a fact of the text, kept while the tree lives).
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<string, ImmutableArray<SyntaxNode>>> Candidates = new();

    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _builder;
    private readonly ConfigurationFiles _files;
    private int _answer;

    private ConfigurationSources(Compilation compilation, INamedTypeSymbol builder, ConfigurationFiles files)
    {
        _compilation = compilation;
        _builder = builder;
        _files = files;
    }

    /// <summary>Null when the compilation has no <c>IConfigurationBuilder</c>: nothing can add a source.</summary>
    public static ConfigurationSources? Create(Compilation compilation, ConfigurationFiles files)
        => WellKnownTypes.Get(compilation, "Microsoft.Extensions.Configuration.Abstractions", "Microsoft.Extensions.Configuration.IConfigurationBuilder") is { } builder
            ? new ConfigurationSources(compilation, builder, files)
            : null;

    /// <summary>True when code may give the app other values than its settings files hold.</summary>
    public bool MayChange(CancellationToken cancellationToken)
    {
        // 0: not asked yet, 1: no, 2: yes. Two threads asking at once both compute the same answer.
        if (Volatile.Read(ref _answer) == 0)
        {
            Volatile.Write(ref _answer, Compute(cancellationToken) ? 2 : 1);
        }

        return Volatile.Read(ref _answer) == 2;
    }

    private bool Compute(CancellationToken cancellationToken)
    {
        var adders = Adders();
        var names = new HashSet<string>(StringComparer.Ordinal) { "Sources", "CreateEmptyBuilder" };
        foreach (var adder in adders)
        {
            names.Add(adder.Name);
        }

        var key = string.Join(",", names);
        var search = new SourceTexts.NameSet(names);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var candidates = CandidatesIn(tree, key, names, search, cancellationToken);
            if (candidates.IsEmpty)
            {
                continue;
            }

            // The compiler's analyzer driver shares its cached models through Compilation.GetSemanticModel; this runs at
            // most once per compilation, for a tree that names an adder.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            var model = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            foreach (var candidate in candidates)
            {
                if (IsChange(model.GetOperation(candidate, cancellationToken), adders))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The extension methods that add a source to an <c>IConfigurationBuilder</c>, but the defaults'.</summary>
    private List<IMethodSymbol> Adders()
    {
        // The builder's namespace in each assembly (the app's and each reference's), found by name from its global
        // namespace, whose members the compiler has loaded for its own lookups: the namespace merged over every reference
        // was populated whole for this one question (the compiler's code for it JIT-compiled in every build). Only the
        // members named Add... are loaded: the namespace's other extension classes (ConfigurationBinder) stay unread.
        var adders = new List<IMethodSymbol>();
        var path = new List<string>();
        for (var container = _builder.ContainingNamespace; container is { IsGlobalNamespace: false }; container = container.ContainingNamespace)
        {
            path.Insert(0, container.Name);
        }

        AddAdders(_compilation.Assembly, path, adders);
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            AddAdders(assembly, path, adders);
        }

        return adders;
    }

    private void AddAdders(IAssemblySymbol assembly, List<string> path, List<IMethodSymbol> adders)
    {
        INamespaceSymbol? container = assembly.GlobalNamespace;
        foreach (var name in path)
        {
            INamespaceSymbol? child = null;
            foreach (var member in container.GetMembers(name))
            {
                child ??= member as INamespaceSymbol;
            }

            if (child is null)
            {
                return;
            }

            container = child;
        }

        foreach (var type in container.GetTypeMembers())
        {
            if (!type.MightContainExtensionMethods || DefaultSources.Contains(type.MetadataName))
            {
                continue;
            }

            foreach (var name in type.MemberNames)
            {
                if (name.Length <= 3 || !name.StartsWith("Add", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var member in type.GetMembers(name))
                {
                    if (member is IMethodSymbol { IsExtensionMethod: true, Parameters.Length: > 0 } method
                        && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _builder))
                    {
                        adders.Add(method);
                    }
                }
            }
        }
    }

    private static ImmutableArray<SyntaxNode> CandidatesIn(SyntaxTree tree, string key, HashSet<string> names, SourceTexts.NameSet search, CancellationToken cancellationToken)
    {
        var byNames = Candidates.GetOrCreateValue(tree);
        lock (byNames)
        {
            if (byNames.TryGetValue(key, out var known))
            {
                return known;
            }
        }

        var found = ImmutableArray.CreateBuilder<SyntaxNode>();
        if (!SourceTexts.MayContain(tree, search, cancellationToken))
        {
            lock (byNames)
            {
                byNames[key] = ImmutableArray<SyntaxNode>.Empty;
            }

            return ImmutableArray<SyntaxNode>.Empty;
        }

        // GetNextToken, not DescendantTokens: its LINQ over a value type is JIT-compiled in every build.
        for (var token = tree.GetRoot(cancellationToken).GetFirstToken(); token.RawKind != 0; token = token.GetNextToken())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken) || !names.Contains(token.ValueText) || token.Parent is not SimpleNameSyntax name)
            {
                continue;
            }

            // The call or property read the name is the member of: `x.AddJsonFile(...)`, `x.Sources`.
            SyntaxNode node = name.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Name == name => access,
                MemberBindingExpressionSyntax binding => binding,
                _ => name,
            };
            found.Add(node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == node ? invocation : node);
        }

        var candidates = found.ToImmutable();
        lock (byNames)
        {
            byNames[key] = candidates;
        }

        return candidates;
    }

    private bool IsChange(IOperation? operation, List<IMethodSymbol> adders)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                var method = invocation.TargetMethod;
                var definition = (method.ReducedFrom ?? method).OriginalDefinition;
                if (definition.Name == "CreateEmptyBuilder")
                {
                    // WebApplication.CreateEmptyBuilder: no settings file is read.
                    return SymbolEqualityComparer.Default.Equals(definition.ContainingType, WellKnownTypes.Get(_compilation, "Microsoft.AspNetCore", "Microsoft.AspNetCore.Builder.WebApplication"));
                }

                foreach (var adder in adders)
                {
                    if (SymbolEqualityComparer.Default.Equals(adder, definition) && !invocation.Arguments.IsEmpty)
                    {
                        return !IsOwnConfiguration(invocation.Arguments[0].Value) && !AddsSettingsFile(invocation);
                    }
                }

                return false;

            case IPropertyReferenceOperation { Property.Name: "Sources", Instance: { } instance } sources:
                return sources.Property.ContainingType is { } type && ConfigurationReads.IsOrImplements(type, _builder) && !IsOwnConfiguration(instance);

            default:
                return false;
        }
    }

    /// <summary>A configuration the code creates itself: <c>new ConfigurationBuilder()</c>, through its fluent calls or a local.</summary>
    private static bool IsOwnConfiguration(IOperation receiver)
    {
        for (var depth = 0; depth < 16; depth++)
        {
            receiver = receiver.WalkDownConversions();
            switch (receiver)
            {
                case IObjectCreationOperation:
                    return true;
                case IInvocationOperation { TargetMethod.IsExtensionMethod: true, Arguments.Length: > 0 } chained:
                    receiver = chained.Arguments[0].Value;
                    break;
                case IInvocationOperation { Instance: { } instance }:
                    receiver = instance;
                    break;
                case ILocalReferenceOperation { Local: var local }
                    when !SourceBodies.IsAssigned(local) && SourceBodies.GetInitializer(local, receiver.SemanticModel) is { } initializer:
                    receiver = initializer;
                    break;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary><c>AddJsonFile("appsettings.json")</c>, <c>AddJsonFile($"appsettings.{env}.json")</c> or a marked settings file: read already.</summary>
    private bool AddsSettingsFile(IInvocationOperation invocation)
    {
        IOperation? path = null;
        foreach (var argument in invocation.Arguments)
        {
            path = argument.Parameter is { Name: "path", Type.SpecialType: SpecialType.System_String } ? argument.Value : path;
        }

        if (invocation.TargetMethod.Name != "AddJsonFile" || path is null)
        {
            return false;
        }

        switch (path.WalkDownConversions())
        {
            case { ConstantValue: { HasValue: true, Value: string constant } }:
                return SettingsFile.IsAppSettings(constant, out _) || IsMarkedFile(constant);

            case IInterpolatedStringOperation { Parts: { Length: > 0 } parts }:
                // $"appsettings.{builder.Environment.EnvironmentName}.json": one of the environment files.
                return parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string prefix }
                    && parts[parts.Length - 1] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string suffix }
                    && string.Equals(System.IO.Path.GetFileName(prefix), "appsettings.", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(suffix, ".json", StringComparison.OrdinalIgnoreCase);

            default:
                return false;
        }
    }

    private bool IsMarkedFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        foreach (var view in _files.Views)
        {
            foreach (var file in view.Files)
            {
                if (string.Equals(file.FileName, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
