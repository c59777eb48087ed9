using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using CorsAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>Every analyzer and every exported code fix in the package, found by reflection so new rules are covered without edits here.</summary>
internal static class PackageComponents
{
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(CorsAnalyzer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .Where(type => type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static ImmutableArray<CodeFixProvider> CodeFixProviders { get; } = typeof(UseExplicitOriginsFixer).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
        .Where(type => type.GetCustomAttributes<ExportCodeFixProviderAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>Every diagnostic ID the package's analyzers report.</summary>
    public static ImmutableHashSet<string> DiagnosticIds { get; } = Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .Select(descriptor => descriptor.Id)
        .ToImmutableHashSet(StringComparer.Ordinal);
}
