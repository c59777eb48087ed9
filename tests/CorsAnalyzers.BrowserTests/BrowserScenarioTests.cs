using System.Threading.Tasks;
using CorsAnalyzers.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace CorsAnalyzers.BrowserTests;

// One class per rule: xunit runs classes in parallel, and scenarios share no port (each picks its own).

public sealed class CorrectCodeBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(null);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_AllowsOnlyTheTrustedOrigin(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotCombineAnyOriginWithCredentialsBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotCombineAnyOriginWithCredentials);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotAllowEveryOriginWithCredentialsBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotAllowEveryOriginWithCredentials);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class CallUseCorsInMiddlewareOrderBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.CallUseCorsInMiddlewareOrder);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class ConfigureMethodsAndHeadersBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.ConfigureMethodsAndHeaders);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotListOriginsThatNeverMatchBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotListOriginsThatNeverMatch);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotAllowNullOriginBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotAllowNullOrigin);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotWritePermissiveAllowOriginBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotWritePermissiveAllowOrigin);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class DoNotReflectOriginWithCredentialsBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.DoNotReflectOriginWithCredentials);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class UseDefinedPolicyNameBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.UseDefinedPolicyName);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class WireCorsServicesAndMiddlewareBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.WireCorsServicesAndMiddleware);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class AllowSomeOriginBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.AllowSomeOrigin);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class ListMethodsAndHeadersAsBrowsersMatchThemBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.ListMethodsAndHeadersAsBrowsersMatchThem);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}

public sealed class SetPreflightMaxAgeThatBrowsersKeepBrowserTests(ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios => BrowserScenarios.NamesFor(DiagnosticIds.SetPreflightMaxAgeThatBrowsersKeep);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Browser_ShowsWhatTheMessageSays(string scenario) => ScenarioRunner.RunAsync(BrowserScenarios.Get(scenario), output);
}
