using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using CorsAnalyzers.BrowserTests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CorsAnalyzers.BrowserTests;

/// <summary>The table of <see cref="BrowserScenarios"/> against the package: every rule, message and fix has its scenario.</summary>
public sealed class BrowserScenarioTableTests
{
    /// <summary>Per descriptor, not per ID: an ID with two descriptors makes two different claims.</summary>
    [Fact]
    public void EveryDiagnosticOfThePackage_HasABrowserScenario()
    {
        var missing = new CorsAnalyzer().SupportedDiagnostics
            .Where(descriptor => !BrowserScenarios.All.Any(scenario => scenario.Id == descriptor.Id
                && MessagePattern(descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture)).IsMatch(scenario.Message!)))
            .Select(descriptor => $"{descriptor.Id} (\"{descriptor.MessageFormat}\")")
            .ToArray();

        Assert.True(missing.Length == 0, $"No browser scenario for {string.Join(", ", missing)}: add an app to Scenarios/ and a row to BrowserScenarios.All.");
    }

    [Fact]
    public void EveryCodeFix_HasABrowserScenarioAfterTheFix()
    {
        var missing = typeof(CodeFixes.Rules.ReorderUseCorsFixer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(type))
            .Select(type => (CodeFixProvider)Activator.CreateInstance(type)!)
            .SelectMany(fixer => fixer.FixableDiagnosticIds.Select(id => (Fixer: fixer.GetType().Name, Id: id)))
            .Where(fix => !BrowserScenarios.All.Any(scenario => scenario.Id == fix.Id && scenario.AfterFix is not null))
            .Select(fix => $"{fix.Fixer} for {fix.Id}")
            .ToArray();

        Assert.True(missing.Length == 0, $"No browser scenario applies {string.Join(", ", missing)}.");
    }

    /// <summary>
    /// Messages assembled from reasons (CORS003's <c>*Reason</c> constants): each reason is a distinct claim, so each
    /// needs a scenario whose message states it.
    /// </summary>
    [Fact]
    public void EveryMessageReason_HasABrowserScenario()
    {
        var reasons = typeof(CorsAnalyzer).Assembly.GetTypes()
            .SelectMany(type => type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            .Where(field => field.IsLiteral && field.FieldType == typeof(string) && field.Name.EndsWith("Reason", StringComparison.Ordinal))
            .Select(field => (Name: field.DeclaringType!.Name + "." + field.Name, Text: (string)field.GetRawConstantValue()!))
            .ToArray();
        var missing = reasons
            .Where(reason => !BrowserScenarios.All.Any(scenario => scenario.Message?.Contains(reason.Text, StringComparison.Ordinal) == true))
            .Select(reason => reason.Name)
            .ToArray();

        Assert.NotEmpty(reasons);
        Assert.True(missing.Length == 0, $"No browser scenario states {string.Join(", ", missing)}.");
    }

    [Fact]
    public void Scenarios_HaveUniqueNames_AndCorrectCodeHasNoFix()
    {
        Assert.Equal(BrowserScenarios.All.Count, BrowserScenarios.All.Select(scenario => scenario.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(BrowserScenarios.All, scenario =>
        {
            Assert.Equal(scenario.Id is null, scenario.Message is null);
            Assert.False(scenario.Id is null && scenario.AfterFix is not null, $"{scenario.Name}: correct code has nothing to fix.");
        });
    }

    [Fact]
    public void EveryScenario_RunsInExactlyOneTestClass()
    {
        // A scenario whose ID no test class asks for would never run.
        var asked = typeof(BrowserScenarioTableTests).Assembly.GetTypes()
            .Select(type => type.GetProperty("Scenarios", BindingFlags.Public | BindingFlags.Static))
            .Where(property => property is not null)
            .SelectMany(property => ((IEnumerable<object[]>)property!.GetValue(null)!).Select(row => (string)row[0]))
            .ToArray();

        Assert.Equal(BrowserScenarios.All.Select(scenario => scenario.Name).OrderBy(name => name, StringComparer.Ordinal), asked.OrderBy(name => name, StringComparer.Ordinal));
    }

    /// <summary>A descriptor's message format as a pattern: each {n} argument stands for any text.</summary>
    private static Regex MessagePattern(string format)
        => new("^" + Regex.Replace(Regex.Escape(format), @"\\\{\d+}", ".*") + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
