using System.Collections.Generic;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// One app (a file in Scenarios/), what the package's analyzer must report on it, and what the browser must then show:
/// <see cref="Before"/> on the app as written, <see cref="AfterFix"/> once the package's code fix for
/// <see cref="Id"/> is applied. A scenario without <see cref="Id"/> is correct code: no diagnostic, and its
/// <see cref="Before"/> is the proof that the trusted origin works and the attacker's does not.
/// </summary>
/// <param name="Name">What the scenario shows (the test case's display name).</param>
/// <param name="File">The app's Program.cs under Scenarios/, with <see cref="Placeholders"/> for the trusted origin.</param>
/// <param name="Id">The diagnostic the app must get (exactly one), or null for none.</param>
/// <param name="Message">The diagnostic's message, exactly (with <see cref="Placeholders"/>).</param>
/// <param name="Before">The browser on the app as written.</param>
/// <param name="AfterFix">The browser once the package's code fix is applied (it must remove the diagnostic).</param>
/// <param name="EditorConfig">An .editorconfig for the analyzer and the fix (with <see cref="Placeholders"/>).</param>
/// <param name="WarmUp">A path the test requests itself (no Origin, like curl or a crawler) before the browser runs.</param>
/// <param name="RepeatedPutPauses">
/// When set, the page also sends one PUT and repeats it after each pause (milliseconds, real time); its outcome is
/// "repeated-put" (the statuses, "200 200") and <see cref="Outcomes.Preflights"/> counts the preflights the app got for it.
/// </param>
/// <param name="TrustedHost">
/// The host the trusted page is loaded from instead of 127.0.0.1: <c>localhost</c> or a <c>*.localhost</c> name, which
/// Chromium resolves to the loopback address itself (<c>TRUSTED_ORIGIN</c> is then <c>http://app.localhost:PORT</c>). Cookies
/// belong to a host and the API stays on 127.0.0.1, so the page's credentialed requests then carry no session cookie.
/// </param>
/// <param name="AttackerHost">The host the attacker's page (and the sandboxed iframe) is loaded from instead of 127.0.0.1, likewise.</param>
/// <param name="OtherOrigin">
/// An origin no page here can have (the one a message names, on https and a real domain), sent by the test itself without a
/// browser: its outcome is <see cref="DirectRequests.OtherGet"/>.
/// </param>
public sealed record BrowserScenario(
    string Name,
    string File,
    string? Id,
    string? Message,
    Outcomes Before,
    Outcomes? AfterFix = null,
    string? EditorConfig = null,
    string? WarmUp = null,
    IReadOnlyList<int>? RepeatedPutPauses = null,
    string? TrustedHost = null,
    string? AttackerHost = null,
    string? OtherOrigin = null)
{
    public override string ToString() => Name;
}
