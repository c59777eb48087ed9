using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CorsAnalyzers.CodeFixes.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Meta;

/// <summary>What every rule must have around it: a docs page, a release-tracking row, README rows, an exported fixer, symbols that resolve.</summary>
public class MetaTests
{
    private static readonly string RepositoryRoot = FindRepositoryRoot();

    public static IEnumerable<object[]> Rules
        => AllDescriptors().Select(descriptor => descriptor.Id).Distinct().Select(id => new object[] { id });

    [Fact]
    public void Analyzers_AreExported()
        => Assert.NotEmpty(Analyzers());

    [Theory]
    [MemberData(nameof(Rules))]
    public void HelpLink_PointsAtTheRulesDocsPage(string id)
    {
        var descriptor = Descriptor(id);

        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.StartsWith("https://", descriptor.HelpLinkUri, StringComparison.Ordinal);
        var page = Path.Combine(RepositoryRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{id} has no docs page at {page}.");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
    }

    [Fact]
    public void DiagnosticIds_AreUniqueAndEveryOneIsUsed()
    {
        var ids = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.All(ids, id => Assert.Matches("^CORS[0-9]{3}$", id));
        Assert.Equal(ids.OrderBy(id => id), AllDescriptors().Select(descriptor => descriptor.Id).Distinct().OrderBy(id => id));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void DescriptorsOfOneId_ShareTitleCategorySeverityAndLink(string id)
    {
        var descriptors = AllDescriptors().Where(descriptor => descriptor.Id == id).ToList();

        Assert.All(descriptors, descriptor =>
        {
            Assert.Equal(descriptors[0].Title.ToString(), descriptor.Title.ToString());
            Assert.Equal(descriptors[0].Category, descriptor.Category);
            Assert.Equal(descriptors[0].DefaultSeverity, descriptor.DefaultSeverity);
            Assert.Equal(descriptors[0].HelpLinkUri, descriptor.HelpLinkUri);
        });
    }

    [Fact]
    public void EveryRule_IsInThePackage_AndDispatchedToExactlyOneKind()
    {
        var ruleTypes = typeof(CorsRule).Assembly.GetTypes()
            .Where(type => typeof(CorsRule).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.Name)
            .ToList();
        var analyzer = new CorsAnalyzer();
        var rules = analyzer.Rules;
        var dispatched = rules.Policy.Cast<CorsRule>().Concat(rules.Pipeline).Concat(rules.Registry).Concat(rules.Header).ToList();

        Assert.Equal(ruleTypes, dispatched.Select(rule => rule.GetType()).OrderBy(type => type.Name));
        Assert.Equal(dispatched.Count, dispatched.Distinct().Count());
        Assert.Equal(
            analyzer.SupportedDiagnostics.OrderBy(descriptor => descriptor.Id).ThenBy(descriptor => descriptor.MessageFormat.ToString()),
            dispatched.SelectMany(rule => rule.SupportedDescriptors).Distinct().OrderBy(descriptor => descriptor.Id).ThenBy(descriptor => descriptor.MessageFormat.ToString()));
    }

    [Fact]
    public void EveryKindOfRule_ReachesTheHostThroughTheRuleSet()
    {
        var kinds = typeof(CorsRule).Assembly.GetTypes()
            .Where(type => type.IsAbstract && type.BaseType == typeof(CorsRule))
            .ToList();

        // A kind the host does not dispatch has no RuleSet list: adding one without a list fails here.
        Assert.Equal(
            kinds.Select(kind => kind.Name).OrderBy(name => name),
            typeof(RuleSet).GetProperties().Where(property => property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericArguments()[0].BaseType == typeof(CorsRule))
                .Select(property => property.PropertyType.GetGenericArguments()[0].Name).OrderBy(name => name));
    }

    [Fact]
    public void CompilationEndDescriptors_AreExactlyThoseOfRegistryRules()
    {
        var analyzer = new CorsAnalyzer();
        var registry = analyzer.Rules.Registry.SelectMany(rule => rule.SupportedDescriptors).ToList();

        Assert.All(analyzer.SupportedDiagnostics, descriptor => Assert.Equal(
            registry.Contains(descriptor),
            descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_IsTrackedInTheReleaseFile(string id)
    {
        var descriptor = Descriptor(id);
        var rows = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "CorsAnalyzers", "AnalyzerReleases.Unshipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "CorsAnalyzers", "AnalyzerReleases.Shipped.md")))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length >= 3 && cells[0] == id)
            .ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_IsListedInBothReadmes_AndInTheStrictPreset(string id)
    {
        var descriptor = Descriptor(id);
        var row = $"| {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |";
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        var packageReadme = File.ReadAllText(Path.Combine(RepositoryRoot, "src", "CorsAnalyzers.Package", "README.md"));
        var strict = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "CorsAnalyzers.Package", "build", "CorsAnalyzers.Strict.globalconfig"));

        Assert.Contains($"| [{id}](docs/rules/{id}.md) {row}", readme, StringComparison.Ordinal);
        Assert.Contains($"| [{id}]({descriptor.HelpLinkUri}) {row}", packageReadme, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity = error", strict);
    }

    [Fact]
    public void CodeFixProviders_AreExportedAndShared_AndFixKnownRules()
    {
        var ids = AllDescriptors().Select(descriptor => descriptor.Id).ToImmutableHashSet();
        var fixers = typeof(UseExplicitOriginsFixer).Assembly.GetTypes()
            .Where(type => typeof(CodeFixProvider).IsAssignableFrom(type) && !type.IsAbstract)
            .ToList();

        Assert.NotEmpty(fixers);
        Assert.All(fixers, fixer =>
        {
            var export = fixer.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, $"{fixer.Name} is not exported.");
            Assert.Equal(new[] { LanguageNames.CSharp }, export!.Languages);
            Assert.True(fixer.GetCustomAttribute<SharedAttribute>() is not null, $"{fixer.Name} is not [Shared].");
            Assert.True(fixer.IsSealed, $"{fixer.Name} is not sealed.");
            var instance = (CodeFixProvider)Activator.CreateInstance(fixer)!;
            Assert.All(instance.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        });
    }

    [Theory]
    [InlineData(AspNetCoreVersion.Current)]
    [InlineData(AspNetCoreVersion.Net80)]
    public void CorsSymbols_MetadataNamesResolve(AspNetCoreVersion version)
    {
        var compilation = CSharpCompilation.Create("Meta", references: AspNetCoreReferences.For(version));

        Assert.All(CorsSymbols.MetadataNames, name => Assert.True(compilation.GetTypeByMetadataName(name) is not null, $"{name} does not resolve on {version}."));
        // The registry resolves its types from their declaring assembly (RouteOptions has a namesake elsewhere).
        Assert.All(CorsAnalyzers.Registry.RegistrySymbols.MetadataNames, name => Assert.False(compilation.GetTypesByMetadataName(name).IsEmpty, $"{name} does not resolve on {version}."));
        Assert.All(CorsAnalyzers.Configuration.ConfigurationReads.MetadataNames, name => Assert.True(compilation.GetTypeByMetadataName(name) is not null, $"{name} does not resolve on {version}."));
        Assert.All(CorsAnalyzers.Configuration.ConfigurationReads.OptionsMetadataNames, name => Assert.True(compilation.GetTypeByMetadataName(name) is not null, $"{name} does not resolve on {version}."));
        Assert.Equal(CorsAnalyzers.Configuration.ConfigurationReads.OptionsBuilderDisplay, compilation.GetTypeByMetadataName("Microsoft.Extensions.Options.OptionsBuilder`1")!.ToDisplayString());
        Assert.True(CorsSymbols.TryCreate(compilation, out _));
    }

    [Theory]
    [InlineData(AspNetCoreVersion.Current)]
    [InlineData(AspNetCoreVersion.Net80)]
    public void HeaderSymbols_MetadataNamesResolve(AspNetCoreVersion version)
    {
        var compilation = CSharpCompilation.Create("Meta", references: AspNetCoreReferences.For(version));

        Assert.All(CorsAnalyzers.Headers.HeaderSymbols.MetadataNames, name => Assert.False(compilation.GetTypesByMetadataName(name).IsEmpty, $"{name} does not resolve on {version}."));
        Assert.True(CorsAnalyzers.Headers.HeaderSymbols.TryCreate(compilation, out var symbols));
        Assert.NotNull(symbols.ResponseHeadersProperty);
        Assert.NotNull(symbols.RequestHeadersProperty);
        Assert.NotNull(symbols.Dictionary);
        Assert.NotNull(symbols.CollectionExtensions);
    }

    [Fact]
    public void Cors001Docs_QuoteTheExceptionAspNetCoreThrows()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => new CorsPolicyBuilder().AllowAnyOrigin().AllowCredentials().Build());
        var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "rules", "CORS001.md"));

        Assert.Contains($"System.InvalidOperationException: {exception.Message}", page, StringComparison.Ordinal);
    }

    private static ImmutableArray<DiagnosticAnalyzer> Analyzers()
        => typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors()
        => Analyzers().SelectMany(analyzer => analyzer.SupportedDiagnostics).Distinct();

    private static DiagnosticDescriptor Descriptor(string id)
        => AllDescriptors().First(descriptor => descriptor.Id == id);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Analyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The tests do not run inside the repository.");
    }
}
