using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary><c>dotnet build</c> of apps that install the package prints each diagnostic where the mistake is, and nothing else.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class BuildTests
{
    private readonly PackageFeed _feed;

    public BuildTests(PackageFeed feed) => _feed = feed;

    [Theory]
    [InlineData(Hosting.Minimal, "net10.0")]
    [InlineData(Hosting.Startup, "net10.0")]
    // The oldest supported ASP.NET Core: its targeting pack restores into the run's package cache.
    [InlineData(Hosting.Minimal, "net8.0")]
    public async Task Mistakes_ReportEveryDiagnosticAtItsLine(Hosting hosting, string targetFramework)
    {
        var source = AppSource.Create(hosting, Enumerable.Empty<Snippet>(), Mistakes.All);
        var app = _feed.CreateApp($"Mistakes{hosting}", targetFramework).WithFiles(source.Files);

        var build = await app.BuildAsync();

        Assert.True(source.ExpectedBuildOutputKeys.SequenceEqual(app.CorsDiagnosticsOf(build)), Describe(source, app, build));
        var hasErrors = Mistakes.All.Any(mistake => mistake.Severity == Mistake.Error);
        Assert.True(build.Succeeded != hasErrors, build.ToString());
    }

    [Theory]
    [InlineData(Hosting.Minimal)]
    [InlineData(Hosting.Startup)]
    public async Task CorrectApp_BuildsCleanUnderTreatWarningsAsErrors(Hosting hosting)
    {
        var source = AppSource.Create(hosting, Mistakes.Correct);
        var app = _feed.CreateApp($"Correct{hosting}").WithFiles(source.Files);

        var build = await app.BuildAsync("-p:TreatWarningsAsErrors=true");

        Assert.Empty(app.CorsDiagnosticsOf(build));
        Assert.True(build.Succeeded, build.ToString());
    }

    internal static string Describe(AppSource source, TestApp app, CommandResult result)
        => $"expected:\n  {string.Join("\n  ", source.ExpectedBuildOutputKeys)}\nactual:\n  {string.Join("\n  ", app.CorsDiagnosticsOf(result))}\n"
            + string.Join("\n", source.Files.Select(file => $"--- {file.Key}\n{file.Value}")) + "\n" + result;
}
