using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Correct code no rule may report on, from a review for false positives (December 2026): a policy replaced by a later
/// AddCors, hand-written headers on checked origins in static files and exception handlers, the CORS service applied by
/// hand, an OnStarting write under a check; pipelines in MapWhen branches, Startup with UseEndpoints, extension methods with
/// environment branches, fallback authorization and other middleware after UseCors. Every rule is judged.
/// </summary>
public class CorrectReviewTests
{
    private static readonly string[] Judged = { "CORS001", "CORS002", "CORS003", "CORS004", "CORS005", "CORS006", "CORS007", "CORS008", "CORS009", "CORS010", "CORS011", "CORS012", "CORS013", "CORS014", "CORS015" };

    private static Task AssertSilent(string source, params string[] more) => SilentRun.AssertSilentAsync(Judged, kind: null, library: null, source, more);

    [Fact]
    public Task W01_ReplacedAcrossAddCorsCalls() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.AllowAnyOrigin()));
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task W02_StaticFilesWithCheckedOrigin() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        var fonts = new HashSet<string> { "https://app.contoso.com" };
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx =>
            {
                var origin = ctx.Context.Request.Headers.Origin.ToString();
                if (fonts.Contains(origin))
                {
                    ctx.Context.Response.Headers.AccessControlAllowOrigin = origin;
                    ctx.Context.Response.Headers.Vary = "Origin";
                }
            },
        });
        app.Run();
        """);

    [Fact]
    public Task W03_OnStartingCopiesPolicyResult() => AssertSilent("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            var cors = context.RequestServices.GetRequiredService<ICorsService>();
            var provider = context.RequestServices.GetRequiredService<ICorsPolicyProvider>();
            var policy = await provider.GetPolicyAsync(context, "Api");
            if (policy is not null)
            {
                var result = cors.EvaluatePolicy(context, policy);
                cors.ApplyResult(result, context.Response);
            }

            await next(context);
        });
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task W04_ErrorHandlerReappliesCheckedOrigin() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var allowed = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>();
        var app = builder.Build();
        app.UseExceptionHandler(error => error.Run(async context =>
        {
            var origin = context.Request.Headers.Origin.ToString();
            if (Array.IndexOf(allowed, origin) >= 0)
            {
                context.Response.Headers["Access-Control-Allow-Origin"] = origin;
                context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
            }

            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("error");
        }));
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task W05_MiddlewareClassCheckInHelperProperty() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        app.UseMiddleware<OriginMiddleware>();
        app.MapGet("/", () => "ok");
        app.Run();
        """, """
        public sealed class OriginMiddleware
        {
            private static readonly string[] Allowed = { "https://app.contoso.com" };
            private readonly RequestDelegate _next;

            public OriginMiddleware(RequestDelegate next) => _next = next;

            public async Task InvokeAsync(HttpContext context)
            {
                var origin = context.Request.Headers.Origin.ToString();
                if (Allowed.Any(a => a.Equals(origin, StringComparison.OrdinalIgnoreCase)))
                {
                    context.Response.OnStarting(() =>
                    {
                        context.Response.Headers.AccessControlAllowOrigin = origin;
                        context.Response.Headers.AccessControlAllowCredentials = "true";
                        return Task.CompletedTask;
                    });
                }

                await _next(context);
            }
        }
        """);

    [Fact]
    public Task W06_MapWhenBranchWithItsOwnCors() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.MapWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseRouting();
            api.UseCors("Api");
            api.UseAuthorization();
            api.UseEndpoints(e => e.MapGet("/api/data", () => "data").RequireCors("Api"));
        });
        app.Run();
        """);

    [Fact]
    public Task W07_UseEndpointsAfterCorsInStartupWithRequireCors() => AssertSilent("""
        public static class Program
        {
            public static void Main(string[] args) => Host.CreateDefaultBuilder(args).ConfigureWebHostDefaults(web => web.UseStartup<Startup>()).Build().Run();
        }

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseCors();
                app.UseEndpoints(endpoints =>
                {
                    endpoints.MapGet("/", () => "ok").RequireCors("Api");
                });
            }
        }
        """);

    [Fact]
    public Task W08_AuthorizationAfterCorsAndFallbackPolicy() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddAuthorization(o => o.FallbackPolicy = o.DefaultPolicy);
        var app = builder.Build();
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task W09_PipelineInExtensionMethodWithEnvironmentBranch() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Spa", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddControllers();
        var app = builder.Build();
        app.ConfigurePipeline(app.Environment);
        app.Run();
        """, """
        public static class Pipeline
        {
            public static void ConfigurePipeline(this WebApplication app, IWebHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/error");
                    app.UseHsts();
                }

                app.UseHttpsRedirection();
                app.UseStaticFiles();
                app.UseRouting();
                app.UseCors("Spa");
                app.UseAuthorization();
                app.MapControllers();
            }
        }
        """);

    [Fact]
    public Task W10_RateLimiterAndOutputCacheAfterCors() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOutputCache();
        builder.Services.AddResponseCompression();
        var app = builder.Build();
        app.UseResponseCompression();
        app.UseRouting();
        app.UseCors("Api");
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapGet("/", () => "ok");
        app.Run();
        """);
}
