using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Registry;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS010: <c>UseCors("name")</c>, <c>RequireCors("name")</c>, <c>[EnableCors("name")]</c> or
/// <c>new EnableCorsAttribute("name")</c> with a name no <c>AddPolicy</c> of the compilation defines. Judged only when the
/// registry knows every defined name (<see cref="CorsRegistry.PolicyNamesKnown"/>).
/// </summary>
internal sealed class UseDefinedPolicyNameRule : RegistryRule
{
    private const int MaxListedNames = 5;

    public override DiagnosticDescriptor Descriptor => Descriptors.UseDefinedPolicyName;

    public override void Analyze(CompilationAnalysisContext context, CorsRegistry registry)
    {
        if (!registry.PolicyNamesKnown)
        {
            return;
        }

        // A set: an app's every RequireCors and [EnableCors] is a use, and each is looked up.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in registry.Definitions)
        {
            if (definition.Name is { } name)
            {
                names.Add(name);
            }
        }

        var defined = new List<string>(names);
        defined.Sort(StringComparer.Ordinal);
        foreach (var use in registry.Uses)
        {
            if (use.Name is not { } name || names.Contains(name))
            {
                continue;
            }

            var candidates = PolicyNameFix.Candidates(name, defined);
            var properties = use.IsLiteral && !candidates.IsEmpty
                ? ImmutableDictionary<string, string?>.Empty.Add(PolicyNameFix.CandidatesKey, string.Join(PolicyNameFix.Separator, candidates))
                : ImmutableDictionary<string, string?>.Empty;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.UseDefinedPolicyName,
                use.Location,
                properties,
                Describe(use.Kind),
                name,
                defined.Count == 0 ? "none is defined: add options.AddPolicy(\"" + name + "\", ...)" : ListNames(candidates.IsEmpty ? defined : candidates)));
        }
    }

    private static string Describe(PolicyUseKind kind) => kind switch
    {
        PolicyUseKind.Middleware => "UseCors",
        PolicyUseKind.Endpoint => "RequireCors",
        _ => "[EnableCors]",
    };

    private static string ListNames(IReadOnlyList<string> names)
        => string.Join(", ", names.Take(MaxListedNames).Select(name => "'" + name + "'")) + (names.Count > MaxListedNames ? ", ..." : string.Empty);
}

/// <summary>What the CORS010 fix may write instead of an undefined name, passed in <c>Diagnostic.Properties</c>.</summary>
public static class PolicyNameFix
{
    /// <summary>The defined names close to the undefined one, nearest first, joined with <see cref="Separator"/>.</summary>
    public const string CandidatesKey = "PolicyNameCandidates";

    public const string Separator = "\n";

    /// <summary>
    /// The defined names a typo of <paramref name="name"/> could mean: a case-insensitive match alone when there is one
    /// (names are compared case-sensitively), else every name within a third of its length in edits (at least one), nearest first.
    /// </summary>
    internal static ImmutableArray<string> Candidates(string name, IReadOnlyList<string> defined)
    {
        foreach (var candidate in defined)
        {
            if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return ImmutableArray.Create(candidate);
            }
        }

        // Loops, not LINQ over (name, distance) tuples: a build compiled the JIT's whole ordering machinery for that tuple.
        var limit = Math.Max(1, name.Length / 3);
        var lowered = name.ToLowerInvariant();
        var names = new List<string>();
        var distances = new List<int>();
        foreach (var candidate in defined)
        {
            var distance = EditDistance(lowered, candidate.ToLowerInvariant());
            if (distance > limit)
            {
                continue;
            }

            // Insert in order: nearest first, then by name (the list is short).
            var at = names.Count;
            while (at > 0 && (distances[at - 1] > distance || (distances[at - 1] == distance && string.CompareOrdinal(names[at - 1], candidate) > 0)))
            {
                at--;
            }

            names.Insert(at, candidate);
            distances.Insert(at, distance);
        }

        return names.ToImmutableArray();
    }

    /// <summary>Levenshtein distance: insertions, deletions and substitutions.</summary>
    internal static int EditDistance(string left, string right)
    {
        var previous = new int[right.Length + 1];
        var current = new int[right.Length + 1];
        for (var j = 0; j <= right.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= left.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= right.Length; j++)
            {
                var substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[right.Length];
    }
}
