using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary>
/// How users turn the rules up and down: TreatWarningsAsErrors, <c>.editorconfig</c> severities, <c>#pragma</c>, the strict preset.
/// CORS001 is lowered to a warning through <c>.editorconfig</c>, so these tests hold for a warning-level rule whatever the defaults.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SeverityTests
{
    private static readonly Mistake AnyOrigin = Mistakes.First("CORS001");

    private readonly PackageFeed _feed;

    public SeverityTests(PackageFeed feed) => _feed = feed;

    [Fact]
    public async Task WarningLevelRule_FailsTheBuildOnlyUnderTreatWarningsAsErrors()
    {
        var source = AppSource.Create(Hosting.Minimal, Enumerable.Empty<Snippet>(), new[] { AnyOrigin });
        var app = _feed.CreateApp("Warning")
            .WithFiles(source.Files)
            .WithEditorConfig("dotnet_diagnostic.CORS001.severity = warning");
        var expected = source.Expected.Single();

        var plain = await app.BuildAsync();
        var strict = await app.BuildAsync("-p:TreatWarningsAsErrors=true");

        Assert.True(plain.Succeeded, plain.ToString());
        Assert.Equal(new[] { (expected with { Severity = Mistake.Warning }).Key }, app.CorsDiagnosticsOf(plain));
        Assert.False(strict.Succeeded, strict.ToString());
        Assert.Equal(new[] { (expected with { Severity = Mistake.Error }).Key }, app.CorsDiagnosticsOf(strict));
    }

    [Fact]
    public async Task SeverityNone_InEditorConfig_SilencesTheRule()
    {
        var source = AppSource.Create(Hosting.Minimal, Enumerable.Empty<Snippet>(), new[] { AnyOrigin });
        var app = _feed.CreateApp("SeverityNone")
            .WithFiles(source.Files)
            .WithEditorConfig("dotnet_diagnostic.CORS001.severity = none");

        var build = await app.BuildAsync("-p:TreatWarningsAsErrors=true");

        Assert.Empty(app.CorsDiagnosticsOf(build));
        Assert.True(build.Succeeded, build.ToString());
    }

    [Fact]
    public async Task PragmaWarningDisable_SuppressesTheRuleAtItsDefaultSeverity()
    {
        var suppressed = AnyOrigin.Snippet with
        {
            Code = "#pragma warning disable CORS001 // Reviewed: sample\n" + AnyOrigin.Snippet.Code.Replace("[|", "").Replace("|]", "") + "\n#pragma warning restore CORS001",
        };
        var source = AppSource.Create(Hosting.Minimal, new[] { suppressed }, new[] { Mistakes.First("CORS002") });
        var app = _feed.CreateApp("Pragma").WithFiles(source.Files);

        var build = await app.BuildAsync("-p:TreatWarningsAsErrors=true");

        // Only the CORS002 mistake outside the pragma is left: the pragma is scoped, not a global switch.
        Assert.Equal(source.ExpectedKeys, app.CorsDiagnosticsOf(build));
    }

    [Fact]
    public async Task StrictPreset_ReportsEveryRuleAsAnError_AndIsOffByDefault()
    {
        const string preset = "\n    <CorsAnalyzersPreset>strict</CorsAnalyzersPreset>";
        var source = AppSource.Create(Hosting.Minimal, Enumerable.Empty<Snippet>(), Mistakes.All);
        var app = _feed.CreateApp("Strict", extraProperties: preset).WithFiles(source.Files);

        var build = await app.BuildAsync();
        var withPreset = await app.RunAsync("msbuild", app.ProjectFile, "-getItem:EditorConfigFiles", "-nodeReuse:false");
        File.WriteAllText(app.ProjectFile, File.ReadAllText(app.ProjectFile).Replace(preset, ""));
        var withoutPreset = await app.RunAsync("msbuild", app.ProjectFile, "-getItem:EditorConfigFiles", "-nodeReuse:false");

        var expected = source.Expected.Select(e => (e with { Severity = Mistake.Error }).Key).OrderBy(key => key, System.StringComparer.Ordinal);
        Assert.Equal(expected, app.CorsDiagnosticsOf(build));
        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains("CorsAnalyzers.Strict.globalconfig", withPreset.Output);
        Assert.True(withoutPreset.Succeeded, withoutPreset.ToString());
        Assert.DoesNotContain("CorsAnalyzers.Strict.globalconfig", withoutPreset.Output);
    }
}
