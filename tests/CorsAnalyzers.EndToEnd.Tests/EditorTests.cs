using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary>
/// The diagnostics a user sees in an editor: a real language server (csharp-ls) loads the package's analyzer from the
/// app's package reference in its own Roslyn host and reports over LSP what <c>dotnet build</c> prints, as the user types.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class EditorTests
{
    /// <summary>The first diagnostics wait for the solution to load and the first compilation (a cold machine is slow).</summary>
    private static readonly TimeSpan FirstDiagnostics = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan AfterEdit = TimeSpan.FromSeconds(60);

    private const string Open = """
        var builder = WebApplication.CreateBuilder(args);

        builder.Services.AddCors(options =>
        {
            options.AddPolicy("Trusted", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader().AllowCredentials());
        });
        builder.Services.AddAuthorization();

        var app = builder.Build();

        app.UseCors("Trusted");
        app.UseAuthorization();

        app.MapGet("/", () => "Hello CORS");

        app.Run();

        """;

    private static readonly string OpenAndLate = Open.Replace(
        "app.UseCors(\"Trusted\");\napp.UseAuthorization();",
        "app.UseAuthorization();\napp.UseCors(\"Trusted\");");

    private static readonly string Fixed = Open.Replace("policy.AllowAnyOrigin()", "policy.WithOrigins(\"https://app.contoso.com\")");

    private readonly PackageFeed _feed;
    private readonly ITestOutputHelper _output;

    public EditorTests(PackageFeed feed, ITestOutputHelper output)
    {
        _feed = feed;
        _output = output;
    }

    [Fact]
    public async Task Diagnostics_AppearWhereTheBuildReportsThem_AndFollowTheUsersEdits()
    {
        var app = _feed.CreateApp("Editor").WithFile("Program.cs", Open).WithSolution();
        var build = await app.BuildAsync();
        var anyOrigin = At(Open, "AllowAnyOrigin()", "CORS001", LspDiagnostic.Error);
        Assert.Equal(new[] { anyOrigin.BuildKey("Program.cs") }, app.CorsDiagnosticsOf(build));

        await using var server = await CSharpLanguageServer.StartAsync(_feed, app);
        var clock = Stopwatch.StartNew();
        await server.OpenAsync("Program.cs");
        var opened = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => Cors(d).Any(), FirstDiagnostics));
        var firstAfter = clock.Elapsed;

        clock.Restart();
        await server.ChangeAsync("Program.cs", OpenAndLate);
        var late = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => Cors(d).Any(x => x.Code == "CORS003"), AfterEdit));
        var lateAfter = clock.Elapsed;

        clock.Restart();
        await server.ChangeAsync("Program.cs", Fixed);
        var fixedDiagnostics = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => !Cors(d).Any(), AfterEdit));
        var fixedAfter = clock.Elapsed;

        _output.WriteLine($"didOpen to CORS001: {firstAfter.TotalSeconds:0.0} s; didChange to CORS003: {lateAfter.TotalSeconds:0.0} s; didChange to no CORS diagnostic: {fixedAfter.TotalSeconds:0.0} s");
        Assert.Equal(new[] { anyOrigin.Key }, opened.Select(d => d.Key));
        Assert.Equal(new[] { anyOrigin.Key, At(OpenAndLate, "UseCors(\"Trusted\")", "CORS003", LspDiagnostic.Warning).Key }, late.Select(d => d.Key));
        Assert.Empty(fixedDiagnostics);
    }

    /// <summary>
    /// Policies configured in helpers in a second file. The editor shows a diagnostic in the file it is located in,
    /// like the build: the helper's file, whether the helper configures the whole policy (a local diagnostic of Cors.cs)
    /// or only receives the builder from Program.cs's AddPolicy (the analyzer follows it there; Roslyn's driver files
    /// that one as non-local). csharp-ls shows both because it analyses the whole compilation and files each diagnostic
    /// under its location's path. Program.cs shows only its own finding.
    /// </summary>
    [Fact]
    public async Task PolicyInAHelperInAnotherFile_IsShownInTheHelpersFile()
    {
        const string program = """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddApiCors();
            builder.Services.AddCors(options => options.AddPolicy("Shared", policy => policy.OpenToEveryone()));
            builder.Services.AddAuthorization();

            var app = builder.Build();

            app.UseAuthorization();
            app.UseCors("api");

            app.MapGet("/", () => "Hello CORS");

            app.Run();

            """;
        const string cors = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            public static class CorsSetup
            {
                public static void AddApiCors(this IServiceCollection s) => s.AddCors(o => o.AddPolicy("api", p => p.AllowAnyOrigin().AllowCredentials()));

                public static CorsPolicyBuilder OpenToEveryone(this CorsPolicyBuilder p) => p.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader().AllowCredentials();
            }

            """;
        var app = _feed.CreateApp("EditorHelper").WithFile("Program.cs", program).WithFile("Cors.cs", cors).WithSolution();
        var build = await app.BuildAsync();

        await using var server = await CSharpLanguageServer.StartAsync(_feed, app);
        await server.OpenAsync("Program.cs");
        var inProgram = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => Cors(d).Any(), FirstDiagnostics));
        await server.OpenAsync("Cors.cs");
        var inCors = Cors(await server.WaitForDiagnosticsAsync("Cors.cs", d => Cors(d).Any(), AfterEdit));

        Assert.Equal(new[] { At(program, "UseCors(\"api\")", "CORS003", LspDiagnostic.Warning).Key }, inProgram.Select(d => d.Key));
        Assert.Equal(
            new[]
            {
                At(cors, "AllowAnyOrigin()", "CORS001", LspDiagnostic.Error, after: "\"api\", p => p.").Key,
                At(cors, "AllowAnyOrigin()", "CORS004", LspDiagnostic.Warning, after: "\"api\", p => p.").Key,
                At(cors, "AllowAnyOrigin()", "CORS001", LspDiagnostic.Error, after: "CorsPolicyBuilder p) => p.").Key,
            },
            inCors.Select(d => d.Key));
        var inEditor = inProgram.Select(d => d.BuildKey("Program.cs")).Concat(inCors.Select(d => d.BuildKey("Cors.cs")));
        Assert.Equal(app.CorsDiagnosticsOf(build), inEditor.OrderBy(key => key, StringComparer.Ordinal));
    }

    /// <summary>
    /// Registry rules report when the compilation ends (CORS010 needs every AddPolicy of the app). csharp-ls runs the
    /// analyzers over the whole compilation, compilation-end actions included, so it shows them in the file they are in
    /// and drops them after the edit that fixes the name.
    /// </summary>
    [Fact]
    public async Task CompilationEndDiagnostic_IsShownAndFollowsTheEdit()
    {
        const string program = """
            var builder = WebApplication.CreateBuilder(args);

            builder.Services.AddCors(options => options.AddPolicy("Trusted", policy => policy.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()));

            var app = builder.Build();

            app.UseCors("Trustd");

            app.MapGet("/", () => "Hello CORS");

            app.Run();

            """;
        var fixedProgram = program.Replace("\"Trustd\"", "\"Trusted\"");
        var app = _feed.CreateApp("EditorRegistry").WithFile("Program.cs", program).WithSolution();
        var build = await app.BuildAsync();
        var unknownName = At(program, "\"Trustd\"", "CORS010", LspDiagnostic.Warning);
        Assert.Equal(new[] { unknownName.BuildKey("Program.cs") }, app.CorsDiagnosticsOf(build));

        await using var server = await CSharpLanguageServer.StartAsync(_feed, app);
        var clock = Stopwatch.StartNew();
        await server.OpenAsync("Program.cs");
        var opened = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => Cors(d).Any(), FirstDiagnostics));
        var firstAfter = clock.Elapsed;
        clock.Restart();
        await server.ChangeAsync("Program.cs", fixedProgram);
        var fixedDiagnostics = Cors(await server.WaitForDiagnosticsAsync("Program.cs", d => !Cors(d).Any(), AfterEdit));
        var fixedAfter = clock.Elapsed;

        _output.WriteLine($"didOpen to CORS010: {firstAfter.TotalSeconds:0.0} s; didChange to no CORS diagnostic: {fixedAfter.TotalSeconds:0.0} s");
        Assert.Equal(new[] { unknownName.Key }, opened.Select(d => d.Key));
        Assert.Empty(fixedDiagnostics);
    }

    /// <summary>The CORS diagnostics, in order of place and ID (the server's order is its own).</summary>
    private static IReadOnlyList<LspDiagnostic> Cors(IReadOnlyList<LspDiagnostic> diagnostics)
        => diagnostics.Where(d => d.Code.StartsWith("CORS", StringComparison.Ordinal))
            .OrderBy(d => d.Line).ThenBy(d => d.Character).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The diagnostic expected on the one occurrence of <paramref name="fragment"/> (on one line) in <paramref name="text"/>
    /// that follows <paramref name="after"/>.
    /// </summary>
    private static LspDiagnostic At(string text, string fragment, string code, int severity, string after = "")
    {
        var found = text.IndexOf(after + fragment, StringComparison.Ordinal);
        Assert.True(found >= 0 && text.IndexOf(after + fragment, found + 1, StringComparison.Ordinal) < 0, $"'{after}{fragment}' must occur once.");
        var index = found + after.Length;
        var line = text[..index].Count(c => c == '\n');
        var character = index - (text.LastIndexOf('\n', index) + 1);
        return new LspDiagnostic(line, character, line, character + fragment.Length, code, severity, "");
    }
}
