using System;
using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.BrowserTests.Infrastructure;
using static CorsAnalyzers.BrowserTests.Infrastructure.Outcomes;

namespace CorsAnalyzers.BrowserTests;

/// <summary>
/// The table: for every diagnostic of the package and every distinct message, an app that gets it and what the
/// browser shows before and after the fix. A rule without a row fails <see cref="BrowserScenarioTableTests"/>.
/// </summary>
public static class BrowserScenarios
{
    private const string AllowedOrigins = """
        root = true

        [*.cs]
        cors_analyzers.allowed_origins = TRUSTED_ORIGIN
        """;

    public static IReadOnlyList<BrowserScenario> All { get; } = new BrowserScenario[]
    {
        new(
            "Correct policy: the trusted origin works, the attacker's and Origin: null are blocked",
            "CorrectPolicy.cs",
            null,
            null,
            new(Trusted: AllAllowed, Attacker: AllBlocked, Sandboxed: AllBlocked)),

        // CORS001: "ASP.NET Core throws InvalidOperationException when it builds it".
        new(
            "CORS001 AllowAnyOrigin with AllowCredentials: the app fails at startup",
            "AnyOriginWithCredentials.cs",
            DiagnosticIds.DoNotCombineAnyOriginWithCredentials,
            "Policy 'web' allows any origin together with credentials; ASP.NET Core throws InvalidOperationException when it builds it. List the trusted origins with WithOrigins(...) instead.",
            new(StartupFailure: "System.InvalidOperationException: The CORS protocol does not allow specifying a wildcard (any) origin and credentials at the same time."),
            new(Trusted: AllAllowed, Attacker: AllBlocked),
            AllowedOrigins),

        // CORS002: "any web site can then make authenticated requests and read the responses".
        new(
            "CORS002 SetIsOriginAllowed(origin => true) with AllowCredentials: the attacker reads alice's data",
            "EveryOriginWithCredentials.cs",
            DiagnosticIds.DoNotAllowEveryOriginWithCredentials,
            "Policy 'web' allows credentials and its SetIsOriginAllowed predicate accepts every origin; any web site can then make authenticated requests and read the responses. List the trusted origins with WithOrigins(...) or check the origin in the predicate.",
            new(Trusted: AllAllowed, Attacker: AllAllowed),
            new(Trusted: AllAllowed, Attacker: AllBlocked),
            AllowedOrigins),
    };

    public static BrowserScenario Get(string name) => All.Single(scenario => scenario.Name == name);

    /// <summary>The names of the scenarios of <paramref name="id"/> (null: the correct-code scenarios).</summary>
    public static TheoryData<string> NamesFor(string? id)
    {
        var data = new TheoryData<string>();
        foreach (var scenario in All.Where(scenario => scenario.Id == id))
        {
            data.Add(scenario.Name);
        }

        return data;
    }
}
