using System;
using System.Collections.Generic;
using System.Text;

namespace CorsAnalyzers.Benchmarks;

/// <summary>Which app <see cref="WebAppGenerator"/> writes.</summary>
public enum WebAppShape
{
    /// <summary>The first benchmark app: modules, and 1% of files with one policy shape each and an extension-method pipeline.</summary>
    Classic,

    /// <summary>
    /// The classic modules plus the shapes real apps have (issue 11): static CORS helpers with branching policies, pipeline
    /// helpers, a route table of a thousand <c>MapGet</c> lambdas on the pipeline's way, long origin lists, <c>RequireCors</c>,
    /// <c>[EnableCors]</c>, hand-written headers and configuration reads backed by an <c>appsettings.json</c>.
    /// </summary>
    Rich,
}

/// <summary>
/// Writes the source of a web app of a given size: modules of models, services, controllers and minimal-API
/// endpoints (ordinary code with LINQ), and about 1% of files that configure CORS policies (every shape the
/// policy model reads) and a middleware pipeline. Deterministic: the same count gives the same files.
/// The rich shape is in WebAppGenerator.Rich.cs.
/// </summary>
public static partial class WebAppGenerator
{
    /// <summary>One CORS file per this many files, by default.</summary>
    public const int DefaultCorsFileInterval = 100;

    /// <summary>The app every command generates unless told <c>--app classic</c>.</summary>
    public const WebAppShape DefaultShape = WebAppShape.Rich;

    /// <summary>The value of a <c>--app classic|rich</c> option (<see cref="DefaultShape"/> without one).</summary>
    public static WebAppShape ParseShape(string? value) => value switch
    {
        null => DefaultShape,
        "classic" => WebAppShape.Classic,
        "rich" => WebAppShape.Rich,
        _ => throw new ArgumentException($"--app is 'classic' or 'rich', not '{value}'."),
    };

    /// <summary>The implicit usings of the web SDK (the benchmark's in-memory compilation has no SDK to add them).</summary>
    public const string WebGlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    public const string PlainGlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>
    /// The files of an app with <paramref name="fileCount"/> source files (besides Program.cs and the global usings, and
    /// for the rich app its route table). With <paramref name="aspNetCore"/> false the app is plain C# (services and
    /// models, no ASP.NET Core, no CORS) whatever the shape. <paramref name="programLines"/> pads the rich app's
    /// Program.cs with inline endpoints to about that many lines (the editor benchmark's file); 0 leaves it short.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Generate(
        int fileCount, bool aspNetCore, int corsFileInterval = DefaultCorsFileInterval, WebAppShape shape = DefaultShape, int programLines = 0)
    {
        if (aspNetCore && shape == WebAppShape.Rich)
        {
            return GenerateRich(fileCount, corsFileInterval, programLines);
        }

        var files = new List<(string, string)>(fileCount + 2)
        {
            ("GlobalUsings.cs", aspNetCore ? WebGlobalUsings : PlainGlobalUsings),
        };

        var corsFiles = new List<int>();
        for (var i = 0; i < fileCount; i++)
        {
            var module = i / 4;
            if (aspNetCore && i % corsFileInterval == corsFileInterval / 2)
            {
                corsFiles.Add(i);
                files.Add(($"Cors/CorsSetup{i}.cs", CorsSetup(i, corsFiles.Count - 1)));
                continue;
            }

            files.Add((i % 4) switch
            {
                0 => ($"Models/Module{module}.cs", Models(module)),
                1 => ($"Services/Module{module}Service.cs", Service(module, i)),
                2 when aspNetCore => ($"Controllers/Module{module}Controller.cs", Controller(module)),
                3 when aspNetCore => ($"Endpoints/Module{module}Endpoints.cs", Endpoints(module)),
                _ => ($"Reports/Module{module}Report{i % 4}.cs", Report(module, i)),
            });
        }

        files.Add(("Program.cs", aspNetCore ? WebProgram(corsFiles) : PlainProgram()));
        return files;
    }

    private static string Models(int m) => $$"""
        namespace App.Module{{m}};

        public sealed record Item{{m}}(int Id, string Name, decimal Price, DateTime Created, string Category)
        {
            public bool IsRecent(DateTime now) => now - Created < TimeSpan.FromDays(30);
        }

        public sealed class Order{{m}}
        {
            public int Id { get; set; }
            public string Customer { get; set; } = "";
            public List<Item{{m}}> Lines { get; } = new();
            public decimal Total => Lines.Sum(line => line.Price);

            public override string ToString() => $"Order {Id} for {Customer}: {Lines.Count} lines, {Total:C}";
        }

        public interface IItemStore{{m}}
        {
            IReadOnlyList<Item{{m}}> All();
            Item{{m}}? Find(int id);
        }
        """;

    private static string Service(int m, int i) => $$"""
        using App.Module{{m}};

        namespace App.Module{{m}}.Services;

        public sealed class ItemStore{{m}} : IItemStore{{m}}
        {
            private readonly List<Item{{m}}> _items = Enumerable.Range(0, 50)
                .Select(n => new Item{{m}}(n, "item-" + n, n * 1.5m, new DateTime(2024, 1, 1).AddDays(n), n % 3 == 0 ? "a" : "b"))
                .ToList();

            public IReadOnlyList<Item{{m}}> All() => _items;

            public Item{{m}}? Find(int id) => _items.FirstOrDefault(item => item.Id == id);
        }

        public sealed class ItemService{{m}}
        {
            private readonly IItemStore{{m}} _store;
            private readonly Dictionary<string, int> _hits = new(StringComparer.OrdinalIgnoreCase);

            public ItemService{{m}}(IItemStore{{m}} store) => _store = store;

            public IEnumerable<Item{{m}}> Search(string? text, decimal? maxPrice)
            {
                var query = _store.All().AsEnumerable();
                if (!string.IsNullOrWhiteSpace(text))
                {
                    query = query.Where(item => item.Name.Contains(text, StringComparison.OrdinalIgnoreCase));
                }

                if (maxPrice is { } max)
                {
                    query = query.Where(item => item.Price <= max);
                }

                _hits[text ?? ""] = _hits.TryGetValue(text ?? "", out var count) ? count + 1 : 1;
                return query.OrderBy(item => item.Price).ThenBy(item => item.Name).Take(20);
            }

            public IReadOnlyDictionary<string, decimal> TotalsByCategory()
                => _store.All()
                    .GroupBy(item => item.Category)
                    .ToDictionary(group => group.Key, group => group.Sum(item => item.Price));

            public async Task<Order{{m}}> CreateOrderAsync(string customer, IEnumerable<int> ids, CancellationToken cancellationToken)
            {
                var order = new Order{{m}} { Id = {{i}}, Customer = customer };
                foreach (var id in ids.Distinct())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (_store.Find(id) is { } item)
                    {
                        order.Lines.Add(item);
                    }

                    await Task.Yield();
                }

                return order;
            }

            public string Describe(DateTime now)
            {
                var recent = _store.All().Count(item => item.IsRecent(now));
                var expensive = _store.All().Where(item => item.Price > 20).Select(item => item.Name).FirstOrDefault() ?? "none";
                return $"{recent} recent items; most expensive: {expensive}";
            }
        }
        """;

    private static string Controller(int m) => $$"""
        using App.Module{{m}}.Services;
        using Microsoft.AspNetCore.Mvc;

        namespace App.Module{{m}}.Controllers;

        [ApiController]
        [Route("api/module{{m}}/items")]
        public sealed class Module{{m}}Controller : ControllerBase
        {
            private readonly ItemService{{m}} _service;
            private readonly ILogger<Module{{m}}Controller> _logger;

            public Module{{m}}Controller(ItemService{{m}} service, ILogger<Module{{m}}Controller> logger)
            {
                _service = service;
                _logger = logger;
            }

            [HttpGet]
            public ActionResult<IEnumerable<Item{{m}}>> Get([FromQuery] string? q, [FromQuery] decimal? max)
            {
                _logger.LogInformation("Searching {Query}", q);
                var items = _service.Search(q, max).ToList();
                return items.Count == 0 ? NotFound() : Ok(items);
            }

            [HttpGet("totals")]
            public IActionResult Totals() => Ok(_service.TotalsByCategory().OrderByDescending(pair => pair.Value));

            [HttpPost("orders")]
            public async Task<IActionResult> Order([FromBody] int[] ids, CancellationToken cancellationToken)
            {
                if (ids is null || ids.Length == 0)
                {
                    return BadRequest("No items.");
                }

                var order = await _service.CreateOrderAsync(User.Identity?.Name ?? "anonymous", ids, cancellationToken);
                return CreatedAtAction(nameof(Get), new { q = order.Customer }, order);
            }
        }
        """;

    private static string Endpoints(int m) => $$"""
        using App.Module{{m}}.Services;

        namespace App.Module{{m}};

        public static class Module{{m}}Endpoints
        {
            public static IServiceCollection AddModule{{m}}(this IServiceCollection services)
                => services.AddSingleton<IItemStore{{m}}, ItemStore{{m}}>().AddScoped<ItemService{{m}}>();

            public static RouteGroupBuilder MapModule{{m}}(this IEndpointRouteBuilder endpoints)
            {
                var group = endpoints.MapGroup("/module{{m}}");
                group.MapGet("/", (ItemService{{m}} service, string? q) => service.Search(q, null).Select(item => new { item.Id, item.Name }));
                group.MapGet("/{id:int}", (IItemStore{{m}} store, int id) => store.Find(id) is { } item ? Results.Ok(item) : Results.NotFound());
                group.MapGet("/describe", (ItemService{{m}} service) => service.Describe(DateTime.UtcNow));
                group.MapPost("/orders", async (ItemService{{m}} service, int[] ids, CancellationToken cancellationToken) =>
                    Results.Ok(await service.CreateOrderAsync("api", ids, cancellationToken)));
                return group;
            }
        }
        """;

    private static string Report(int m, int i) => $$"""
        namespace App.Module{{m}}.Reports;

        public static class Report{{i}}
        {
            public static string Render(IEnumerable<Item{{m}}> items)
            {
                var lines = items
                    .Where(item => item.Price > 0)
                    .GroupBy(item => item.Category)
                    .Select(group => $"{group.Key}: {group.Count()} items, {group.Average(item => item.Price):F2} average")
                    .OrderBy(line => line, StringComparer.Ordinal);
                return string.Join(Environment.NewLine, lines);
            }

            public static IEnumerable<(string Name, int Rank)> Rank(IReadOnlyList<Item{{m}}> items)
            {
                for (var index = 0; index < items.Count; index++)
                {
                    yield return (items[index].Name, items.Count(other => other.Price > items[index].Price) + 1);
                }
            }
        }
        """;

    /// <summary>A CORS file: one policy shape per file (the <paramref name="ordinal"/>-th CORS file has shape ordinal mod 8), and a pipeline that uses it.</summary>
    private static string CorsSetup(int i, int ordinal)
    {
        var shape = ordinal % 8;
        var configure = shape switch
        {
            0 => $$"""
                services.AddCors(options => options.AddPolicy("Api{{i}}", policy => policy
                    .WithOrigins("https://app{{i}}.contoso.com", "https://admin.contoso.com")
                    .AllowAnyHeader()
                    .AllowAnyMethod()
                    .AllowCredentials()));
                """,
            1 => $$"""
                services.AddCors(options => options.AddDefaultPolicy(policy =>
                {
                    if (environment.IsDevelopment())
                    {
                        policy.WithOrigins("http://localhost:5173");
                    }
                    else
                    {
                        policy.WithOrigins("https://app{{i}}.contoso.com");
                    }

                    policy.WithMethods("GET", "POST").WithHeaders("Content-Type");
                }));
                """,
            2 => $$"""
                var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
                services.AddCors(options => options.AddPolicy("Api{{i}}", policy => policy.WithOrigins(origins).AllowAnyHeader().AllowCredentials()));
                """,
            3 => $$"""
                services.AddCors(options =>
                {
                    options.AddPolicy("Api{{i}}", ConfigureApi);
                    options.AddPolicy("Public{{i}}", policy => policy.AllowAnyOrigin().WithMethods("GET"));
                });
                """,
            4 => $$"""
                var policy = new Microsoft.AspNetCore.Cors.Infrastructure.CorsPolicyBuilder("https://app{{i}}.contoso.com")
                    .AllowAnyMethod()
                    .WithExposedHeaders("X-Total-Count")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
                    .Build();
                services.AddCors(options => options.AddPolicy("Built{{i}}", policy));
                """,
            5 => $$"""
                services.AddCors(options => options.AddPolicy("Partners{{i}}", policy => policy
                    .SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".partner.example", StringComparison.OrdinalIgnoreCase))
                    .AllowAnyHeader()
                    .AllowCredentials()));
                """,
            6 => $$"""
                services.AddCors(options => options.AddPolicy("Sub{{i}}", policy => policy
                    .WithOrigins(TrustedOrigins)
                    .SetIsOriginAllowedToAllowWildcardSubdomains()
                    .DisallowCredentials()));
                """,
            _ => $$"""
                // A mistake that the analyzers report (credentials with any origin).
                services.AddCors(options => options.AddPolicy("Open{{i}}", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowCredentials()));
                """,
        };

        return $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;

            namespace App.Cors;

            public static class CorsSetup{{i}}
            {
                private static readonly string[] TrustedOrigins = { "https://*.contoso.com", "https://app{{i}}.contoso.com" };

                public static IServiceCollection AddCorsSetup{{i}}(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
                {
            {{Indent(configure, 8)}}
                    return services;
                }

                public static WebApplication UseCorsSetup{{i}}(this WebApplication app)
                {
                    app.UseRouting();
                    app.UseCors();
                    app.UseAuthentication();
                    app.UseAuthorization();
                    app.MapGet("/cors{{i}}/ping", () => "pong").RequireCors(policy => policy.WithOrigins("https://ping{{i}}.contoso.com").WithMethods("GET"));
                    app.MapGet("/cors{{i}}/named", () => "named").RequireCors("Api{{i}}");
                    return app;
                }

                private static void ConfigureApi(CorsPolicyBuilder policy)
                {
                    policy.WithOrigins(TrustedOrigins).AllowAnyHeader();
                    AddMethods(policy);
                }

                private static void AddMethods(CorsPolicyBuilder policy) => policy.WithMethods("GET", "PUT", "DELETE");
            }
            """;
    }

    private static string WebProgram(List<int> corsFiles)
    {
        var text = new StringBuilder();
        text.AppendLine("using App.Cors;");
        text.AppendLine();
        text.AppendLine("var builder = WebApplication.CreateBuilder(args);");
        text.AppendLine("builder.Services.AddControllers();");
        text.AppendLine("builder.Services.AddAuthentication();");
        text.AppendLine("builder.Services.AddAuthorization();");
        foreach (var i in corsFiles)
        {
            text.AppendLine($"builder.Services.AddCorsSetup{i}(builder.Configuration, builder.Environment);");
        }

        text.AppendLine("var app = builder.Build();");
        if (corsFiles.Count > 0)
        {
            text.AppendLine($"app.UseCorsSetup{corsFiles[0]}();");
        }

        text.AppendLine("app.MapControllers();");
        text.AppendLine("app.Run();");
        return text.ToString();
    }

    private static string PlainProgram() => """
        Console.WriteLine(string.Join(", ", args.Select(arg => arg.ToUpperInvariant())));
        """;

    private static string Indent(string text, int spaces)
    {
        var prefix = new string(' ', spaces);
        return prefix + text.Replace("\n", "\n" + prefix);
    }
}
