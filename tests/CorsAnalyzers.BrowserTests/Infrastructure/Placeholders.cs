using System;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// The words scenario files, messages and .editorconfig texts use for the page server's trusted origin, whose port is
/// only known at run time: <c>TRUSTED_ORIGIN</c> (<c>http://127.0.0.1:PORT</c>, or on the scenario's <see cref="BrowserScenario.TrustedHost"/>) and <c>TRUSTED_PORT</c>.
/// </summary>
public static class Placeholders
{
    public static string Apply(string text, string trustedOrigin)
        => text.Replace("TRUSTED_ORIGIN", trustedOrigin, StringComparison.Ordinal)
            .Replace("TRUSTED_PORT", new Uri(trustedOrigin).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
