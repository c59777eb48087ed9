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
public sealed record BrowserScenario(
    string Name,
    string File,
    string? Id,
    string? Message,
    Outcomes Before,
    Outcomes? AfterFix = null,
    string? EditorConfig = null,
    string? WarmUp = null,
    IReadOnlyList<int>? RepeatedPutPauses = null)
{
    public override string ToString() => Name;
}
