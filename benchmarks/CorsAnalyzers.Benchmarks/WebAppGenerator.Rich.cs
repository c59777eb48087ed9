using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CorsAnalyzers.Benchmarks;

/// <summary>
/// The rich app (issue 11): the classic models and services; controllers with <c>[EnableCors]</c> on classes and actions;
/// endpoint groups with <c>RequireCors</c>; one file in a hundred with a static <c>AddCorsN(services, dev)</c> helper whose
/// policies branch on <c>dev</c>, a <c>PipelineN(app)</c> helper and one of eight further shapes (long origin lists,
/// configuration reads, hand-written headers, method-group policies, built policies, mistakes); a route table of a
/// thousand <c>MapGet</c> lambdas that Program.cs calls between <c>UseRouting</c> and <c>UseCors</c>; and an
/// <c>appsettings.json</c> with a Cors section. Mistakes, so that rules fire: credentials after a development branch
/// that allows any origin (shape 5), a wildcard header written by hand and <c>UseCors</c> after authorization (shape 7),
/// an undefined policy name on one controller, an origin with a trailing slash in the settings file.
/// </summary>
public static partial class WebAppGenerator
{
    /// <summary>The rich app's route table maps this many endpoints (fewer in an app of fewer files).</summary>
    public const int RouteTableSize = 1_000;

    /// <summary>Where the rich app's settings live, next to the project file.</summary>
    public const string AppSettingsPath = "appsettings.json";

    /// <summary>The module whose controller names a policy that is not defined (CORS010).</summary>
    private const int MisnamedPolicyModule = 10;

    /// <summary>The rich app's <c>appsettings.json</c>: the origins Program.cs and the configuration helpers read.</summary>
    public static string AppSettings()
    {
        var origins = Enumerable.Range(0, 20).Select(n => $"\"https://app{n}.contoso.com\"")
            .Append("\"https://shop.contoso.com/\"") // A mistake: browsers send origins without a path, so this never matches.
            .ToArray();
        return $$"""
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information",
                  "Microsoft.AspNetCore": "Warning"
                }
              },
              "AllowedHosts": "*",
              "Cors": {
                "Origin": "https://app.contoso.com",
                "AdminOrigin": "https://admin.contoso.com",
                "Origins": [
                  {{string.Join(",\n      ", origins)}}
                ]
              }
            }

            """;
    }

    private static IReadOnlyList<(string Path, string Text)> GenerateRich(int fileCount, int corsFileInterval, int programLines)
    {
        var files = new List<(string, string)>(fileCount + 3) { ("GlobalUsings.cs", WebGlobalUsings) };
        var corsFiles = new List<int>();
        for (var i = 0; i < fileCount; i++)
        {
            var module = i / 4;
            if (i % corsFileInterval == corsFileInterval / 2)
            {
                corsFiles.Add(i);
                files.Add(($"Cors/CorsSetup{i}.cs", RichCorsSetup(i, corsFiles.Count - 1)));
                continue;
            }

            files.Add((i % 4) switch
            {
                0 => ($"Models/Module{module}.cs", Models(module)),
                1 => ($"Services/Module{module}Service.cs", Service(module, i)),
                2 => ($"Controllers/Module{module}Controller.cs", RichController(module)),
                _ => ($"Endpoints/Module{module}Endpoints.cs", RichEndpoints(module)),
            });
        }

        files.Add(("Routes/RouteTable.cs", RouteTable(Math.Min(RouteTableSize, Math.Max(fileCount, 1)))));
        files.Add(("Program.cs", RichProgram(corsFiles, programLines)));
        return files;
    }

    private static string RichController(int m)
    {
        // A third of the controllers enable a policy on the class and override it on actions, a third on actions only.
        var (onClass, onGet, onOrder) = (m % 3) switch
        {
            0 => ("[EnableCors(\"Api\")]\n", "[EnableCors(\"Public\")]\n    ", "[DisableCors]\n    "),
            1 => ("", m == MisnamedPolicyModule ? "[EnableCors(\"Admn\")]\n    " : "[EnableCors(\"Admin\")]\n    ", "[EnableCors(\"Api\")]\n    "),
            _ => ("", "", ""),
        };
        return $$"""
            using App.Module{{m}}.Services;
            using Microsoft.AspNetCore.Cors;
            using Microsoft.AspNetCore.Mvc;

            namespace App.Module{{m}}.Controllers;

            [ApiController]
            [Route("api/module{{m}}/items")]
            {{onClass}}public sealed class Module{{m}}Controller : ControllerBase
            {
                private readonly ItemService{{m}} _service;
                private readonly ILogger<Module{{m}}Controller> _logger;

                public Module{{m}}Controller(ItemService{{m}} service, ILogger<Module{{m}}Controller> logger)
                {
                    _service = service;
                    _logger = logger;
                }

                [HttpGet]
                {{onGet}}public ActionResult<IEnumerable<Item{{m}}>> Get([FromQuery] string? q, [FromQuery] decimal? max)
                {
                    _logger.LogInformation("Searching {Query}", q);
                    var items = _service.Search(q, max).ToList();
                    return items.Count == 0 ? NotFound() : Ok(items);
                }

                [HttpGet("totals")]
                public IActionResult Totals() => Ok(_service.TotalsByCategory().OrderByDescending(pair => pair.Value));

                [HttpPost("orders")]
                {{onOrder}}public async Task<IActionResult> Order([FromBody] int[] ids, CancellationToken cancellationToken)
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
    }

    private static string RichEndpoints(int m)
    {
        var group = m % 4 == 0 ? ".RequireCors(\"Api\")" : "";
        var byId = m % 2 == 0
            ? $".RequireCors(policy => policy.WithOrigins(\"https://module{m}.contoso.com\").WithMethods(\"GET\").WithHeaders(\"Content-Type\"))"
            : ".RequireCors(\"Public\")";

        // One module in twenty writes CORS headers by hand for its static files, from a fixed trusted origin.
        var headers = m % 20 != 3 ? "" : $$"""


                public static IApplicationBuilder UseModule{{m}}Headers(this IApplicationBuilder app)
                    => app.Use(async (context, next) =>
                    {
                        if (context.Request.Path.StartsWithSegments("/module{{m}}/static"))
                        {
                            context.Response.Headers.Append("Access-Control-Allow-Origin", "https://module{{m}}.contoso.com");
                            context.Response.Headers["Access-Control-Allow-Methods"] = "GET";
                        }

                        await next(context);
                    });
            """;
        return $$"""
            using App.Module{{m}}.Services;

            namespace App.Module{{m}};

            public static class Module{{m}}Endpoints
            {
                public static IServiceCollection AddModule{{m}}(this IServiceCollection services)
                    => services.AddSingleton<IItemStore{{m}}, ItemStore{{m}}>().AddScoped<ItemService{{m}}>();

                public static RouteGroupBuilder MapModule{{m}}(this IEndpointRouteBuilder endpoints)
                {
                    var group = endpoints.MapGroup("/module{{m}}"){{group}};
                    group.MapGet("/", (ItemService{{m}} service, string? q) => service.Search(q, null).Select(item => new { item.Id, item.Name })).RequireCors("Public");
                    group.MapGet("/{id:int}", (IItemStore{{m}} store, int id) => store.Find(id) is { } item ? Results.Ok(item) : Results.NotFound()){{byId}};
                    group.MapGet("/describe", (ItemService{{m}} service) => service.Describe(DateTime.UtcNow));
                    group.MapPost("/orders", async (ItemService{{m}} service, int[] ids, CancellationToken cancellationToken) =>
                        Results.Ok(await service.CreateOrderAsync("api", ids, cancellationToken))).RequireCors("Api");
                    return group;
                }{{headers}}
            }
            """;
    }

    /// <summary>A CORS file: the static helpers every rich CORS file has, and one of eight shapes (<paramref name="ordinal"/> mod 8).</summary>
    private static string RichCorsSetup(int i, int ordinal)
    {
        var shape = ordinal % 8;
        var policies = shape switch
        {
            0 => $$"""
                options.AddPolicy("Partners{{i}}", p => p
                    .WithOrigins(
                        {{string.Join(",\n        ", Enumerable.Range(0, 15).Select(row => string.Join(", ", Enumerable.Range(row * 4, 4).Select(n => $"\"https://tenant{n}.partners{i}.com\""))))}})
                    .AllowAnyHeader()
                    .WithMethods("GET", "POST")
                    .AllowCredentials());
                """,
            3 => $$"""
                options.AddPolicy("Partners{{i}}", ConfigurePartners);
                """,
            4 => $$"""
                var built = new CorsPolicyBuilder(TrustedOrigins)
                    .AllowAnyMethod()
                    .WithHeaders("Content-Type", "Authorization")
                    .WithExposedHeaders("X-Total-Count")
                    .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
                    .Build();
                options.AddPolicy("Built{{i}}", built);
                """,
            5 => $$"""
                // A mistake: in development the policy allows any origin with credentials, and ASP.NET Core throws.
                options.AddPolicy("Spa{{i}}", p =>
                {
                    if (dev) p.AllowAnyOrigin(); else p.WithOrigins(TrustedOrigins);
                    p.AllowAnyHeader().AllowAnyMethod().AllowCredentials();
                });
                """,
            _ => "",
        };

        var members = shape switch
        {
            1 => $$"""

                public static void AddConfiguredCors{{i}}(IServiceCollection services, IConfiguration configuration)
                {
                    var origins = configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
                    var origin = configuration["Cors:Origin"] ?? "https://app.contoso.com";
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Configured{{i}}", p => p.WithOrigins(origins).AllowAnyHeader().WithMethods("GET"));
                        options.AddPolicy("Single{{i}}", p => p.WithOrigins(origin).AllowCredentials().WithMethods("GET", "POST").WithHeaders("Content-Type"));
                    });
                }

                """,
            3 => $$"""

                private static void ConfigurePartners(CorsPolicyBuilder policy)
                {
                    policy.SetIsOriginAllowed(IsPartner).AllowAnyHeader().AllowCredentials();
                    AddMethods(policy);
                }

                private static bool IsPartner(string origin)
                    => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                        && uri.Scheme == Uri.UriSchemeHttps
                        && uri.Host.EndsWith(".partner{{i}}.example", StringComparison.OrdinalIgnoreCase);

                private static void AddMethods(CorsPolicyBuilder policy) => policy.WithMethods("GET", "PUT", "DELETE");

                """,
            6 => $$"""

                /// <summary>Static files read by one known site: the headers written by hand, from a fixed origin.</summary>
                public sealed class StaticCorsHeaders{{i}}
                {
                    private readonly RequestDelegate _next;

                    public StaticCorsHeaders{{i}}(RequestDelegate next) => _next = next;

                    public Task InvokeAsync(HttpContext context)
                    {
                        context.Response.Headers.AccessControlAllowOrigin = "https://static{{i}}.contoso.com";
                        context.Response.Headers.Append("Access-Control-Allow-Methods", "GET");
                        return _next(context);
                    }
                }

                """,
            _ => "",
        };

        var pipeline = shape switch
        {
            0 => $$"""
                app.UseRouting();
                app.UseCors("Tenant{{i}}");
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseEndpoints(endpoints =>
                {
                    endpoints.MapGet("/partners", () => "partners").RequireCors("Partners{{i}}");
                    endpoints.MapGet("/tenant", () => "tenant");
                });
                """,
            2 => $$"""
                app.UseRouting();
                app.UseCors("Tenant{{i}}");
                app.Use(async (context, next) =>
                {
                    var origin = context.Request.Headers.Origin.ToString();
                    if (TrustedOrigins.Contains(origin))
                    {
                        context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
                    }

                    await next(context);
                });
                app.UseAuthentication();
                app.UseAuthorization();
                """,
            6 => $$"""
                app.UseMiddleware<StaticCorsHeaders{{i}}>();
                app.UseRouting();
                app.UseCors("Tenant{{i}}");
                app.UseAuthentication();
                app.UseAuthorization();
                """,
            7 => $$"""
                // Mistakes: CORS after authorization (preflights are rejected), and a wildcard origin written by hand.
                app.UseRouting();
                app.UseAuthentication();
                app.UseAuthorization();
                app.UseCors("Tenant{{i}}");
                app.Use(async (context, next) =>
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = "*";
                    await next(context);
                });
                """,
            _ => $$"""
                app.UseRouting();
                app.UseCors("Tenant{{i}}");
                app.UseAuthentication();
                app.UseAuthorization();
                """,
        };

        return $$"""
            using Microsoft.AspNetCore.Cors.Infrastructure;
            using Microsoft.Net.Http.Headers;

            namespace App.Cors;

            public static class CorsSetup{{i}}
            {
                private static readonly string[] TrustedOrigins = { "https://app{{i}}.contoso.com", "https://admin.contoso.com" };

                public static void AddCors{{i}}(IServiceCollection services, bool dev)
                {
                    services.AddCors(options =>
                    {
                        options.AddPolicy("Tenant{{i}}", p =>
                        {
                            if (dev) p.AllowAnyOrigin(); else p.WithOrigins("https://app{{i}}.contoso.com", "https://admin.contoso.com");
                            p.WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization");
                        });{{(policies.Length == 0 ? "" : "\n" + IndentLines(policies, 12))}}
                    });
                }
            {{IndentLines(members, 4)}}
                public static void Pipeline{{i}}(IApplicationBuilder app)
                {
            {{IndentLines(pipeline, 8)}}
                }
            }
            """;
    }

    /// <summary>The route table: <paramref name="count"/> minimal-API endpoints in one method, as apps that grew by copy and paste have.</summary>
    private static string RouteTable(int count)
    {
        var text = new StringBuilder();
        text.AppendLine("namespace App.Routes;");
        text.AppendLine();
        text.AppendLine("public static class RouteTable");
        text.AppendLine("{");
        text.AppendLine("    public static WebApplication MapAppRoutes(this WebApplication app)");
        text.AppendLine("    {");
        for (var k = 0; k < count; k++)
        {
            text.AppendLine(IndentLines(Route("app", "/r", k), 8));
        }

        text.AppendLine("        return app;");
        text.AppendLine("    }");
        text.AppendLine("}");
        return text.ToString();
    }

    /// <summary>One <c>MapGet</c> of five kinds: plain, bound parameters, <c>RequireCors</c> by name, async block body, authorization.</summary>
    private static string Route(string app, string prefix, int k) => (k % 5) switch
    {
        0 => $$"""{{app}}.MapGet("{{prefix}}/{{k}}", () => "route {{k}}");""",
        1 => $$"""{{app}}.MapGet("{{prefix}}/{{k}}/{id:int}", (int id) => Results.Ok(new { id, route = {{k}} }));""",
        2 => $$"""{{app}}.MapGet("{{prefix}}/{{k}}/search", (string? q, HttpContext context) => Results.Ok(new { q, path = context.Request.Path.Value })).RequireCors("Public");""",
        3 => $$"""
            {{app}}.MapGet("{{prefix}}/{{k}}/items", async (HttpContext context, CancellationToken cancellationToken) =>
            {
                await Task.Delay(1, cancellationToken);
                return Results.Text($"route {{k}}: {context.Request.Query.Count} parameters");
            }).RequireCors("Api");
            """,
        _ => $$"""{{app}}.MapGet("{{prefix}}/{{k}}/ping", () => Results.NoContent()).RequireAuthorization().RequireCors("Api");""",
    };

    private static string RichProgram(List<int> corsFiles, int programLines)
    {
        var text = new StringBuilder();
        text.AppendLine("""
            using App.Cors;
            using App.Routes;

            var builder = WebApplication.CreateBuilder(args);
            var dev = builder.Environment.IsDevelopment();
            var origins = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
            var adminOrigin = builder.Configuration["Cors:AdminOrigin"] ?? "https://admin.contoso.com";

            builder.Services.AddControllers();
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization();
            builder.Services.AddCors(options =>
            {
                options.AddDefaultPolicy(policy => policy.WithOrigins(origins).WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization"));
                options.AddPolicy("Api", policy => policy.WithOrigins(origins).AllowAnyHeader().WithMethods("GET", "POST", "PUT", "DELETE").AllowCredentials());
                options.AddPolicy("Public", policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders("Content-Type"));
                options.AddPolicy("Admin", policy => policy.WithOrigins(adminOrigin).AllowAnyMethod().AllowAnyHeader().AllowCredentials());
            });
            """);
        for (var ordinal = 0; ordinal < corsFiles.Count; ordinal++)
        {
            var i = corsFiles[ordinal];
            text.AppendLine($"CorsSetup{i}.AddCors{i}(builder.Services, dev);");
            if (ordinal % 8 == 1)
            {
                text.AppendLine($"CorsSetup{i}.AddConfiguredCors{i}(builder.Services, builder.Configuration);");
            }
        }

        text.AppendLine("""

            var app = builder.Build();
            if (dev)
            {
                app.UseDeveloperExceptionPage();
            }

            app.UseHttpsRedirection();
            app.UseRouting();
            app.MapAppRoutes();
            app.UseCors();
            app.UseAuthentication();
            app.UseAuthorization();
            app.Use(async (context, next) =>
            {
                if (context.Request.Path.StartsWithSegments("/legacy"))
                {
                    context.Response.Headers["Access-Control-Allow-Origin"] = "https://legacy.contoso.com";
                    context.Response.Headers.Append("Vary", "Origin");
                }

                await next(context);
            });
            """);
        foreach (var i in corsFiles)
        {
            text.AppendLine($"app.Map(\"/tenant{i}\", branch => CorsSetup{i}.Pipeline{i}(branch));");
        }

        // The editor benchmark's file: endpoints mapped inline until Program.cs has about programLines lines.
        const int Tail = 3;
        var lines = text.ToString().Count(c => c == '\n');
        for (var k = 0; lines + Tail < programLines; k++)
        {
            var route = Route("app", "/p", k);
            text.AppendLine(route);
            lines += route.Count(c => c == '\n') + 1;
        }

        text.AppendLine("app.MapControllers();");
        text.AppendLine("app.Run();");
        return text.ToString();
    }

    /// <summary>Indents every line that has text (blank lines stay empty).</summary>
    private static string IndentLines(string text, int spaces)
    {
        var prefix = new string(' ', spaces);
        return string.Join("\n", text.Split('\n').Select(line => line.Length == 0 ? line : prefix + line));
    }
}
