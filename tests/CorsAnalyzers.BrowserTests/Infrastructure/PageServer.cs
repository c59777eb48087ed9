using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsAnalyzers.BrowserTests.Infrastructure;

/// <summary>
/// The front end's web site, in the test process: the same page on two loopback ports, which are two origins,
/// the trusted one and an attacker's. The page's response also gives the browser a session cookie for 127.0.0.1
/// (cookies do not depend on the port), standing for a user who is signed in to the API.
/// </summary>
public sealed class PageServer : IAsyncDisposable
{
    private const int MaxWaitMilliseconds = 10_000;
    private static readonly string Page = ReadPage();
    private readonly WebApplication _app;

    private PageServer(WebApplication app, string trusted, string attacker)
    {
        _app = app;
        TrustedOrigin = trusted;
        AttackerOrigin = attacker;
    }

    public string TrustedOrigin { get; }

    public string AttackerOrigin { get; }

    public static async Task<PageServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers.SetCookie = "session=alice; Path=/; SameSite=Lax";
            return Results.Content(Page, "text/html; charset=utf-8");
        });

        // A pause in real time for the page (see page.html's repeated PUT): virtual time waits for a pending request.
        app.MapGet("/wait", async (int ms) =>
        {
            await Task.Delay(Math.Clamp(ms, 0, MaxWaitMilliseconds));
            return Results.NoContent();
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .OrderBy(address => address, StringComparer.Ordinal)
            .ToArray();
        return new PageServer(app, addresses[0], addresses[1]);
    }

    /// <summary>
    /// The page's address on <paramref name="origin"/>, calling the API at <paramref name="api"/>; with
    /// <paramref name="pauses"/>, the page also repeats one PUT after each pause (milliseconds).
    /// </summary>
    public static string PageUrl(string origin, string api, bool sandboxed = false, IReadOnlyList<int>? pauses = null)
        => $"{origin}/?api={Uri.EscapeDataString(api)}"
            + (sandboxed ? "&sandbox=1" : string.Empty)
            + (pauses is null ? string.Empty : "&pauses=" + string.Join(",", pauses.Select(pause => pause.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The address of the repeated PUT of the page on <paramref name="origin"/> (see page.html).</summary>
    public static string RepeatedPutUrl(string origin, string api) => $"{api}/api/data?page={new Uri(origin).Port.ToString(CultureInfo.InvariantCulture)}";

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }

    private static string ReadPage()
    {
        using var stream = typeof(PageServer).Assembly.GetManifestResourceStream("page.html")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
