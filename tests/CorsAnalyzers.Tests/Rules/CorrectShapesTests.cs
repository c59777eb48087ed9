using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Correct code no rule may report on, in the shapes of ASP.NET Core's documentation and common templates: the docs
/// sample's local policy name, a named [EnableCors] beside UseCors() without a default policy and [DisableCors], policies
/// configured through Configure&lt;CorsOptions&gt;, const and nameof names, SignalR with credentials, gRPC-Web exposed headers,
/// environment branches, wildcard subdomains with a preflight max age, RequireCors on a route group. Every rule is judged.
/// </summary>
public class CorrectShapesTests
{
    private static readonly string[] Judged = { "CORS001", "CORS002", "CORS003", "CORS004", "CORS005", "CORS006", "CORS007", "CORS008", "CORS009", "CORS010", "CORS011", "CORS012", "CORS013", "CORS014", "CORS015" };

    private static Task AssertSilent(string source, params string[] more) => SilentRun.AssertSilentAsync(Judged, kind: null, library: null, source, more);

    [Fact]
    public Task S01_DocsSampleLocalName() => AssertSilent("""
        var MyAllowSpecificOrigins = "_myAllowSpecificOrigins";
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
        {
            options.AddPolicy(name: MyAllowSpecificOrigins,
                              policy =>
                              {
                                  policy.WithOrigins("http://example.com", "http://www.contoso.com").AllowAnyHeader().AllowAnyMethod();
                              });
        });
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseHttpsRedirection();
        app.UseCors(MyAllowSpecificOrigins);
        app.UseAuthorization();
        app.MapControllers();
        app.Run();
        """);

    [Fact]
    public Task S02_NamedAttributeWithUseCorsNoDefault() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("MyPolicy", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
        app.UseAuthorization();
        app.MapControllers();
        app.Run();
        """, """
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/[controller]"), EnableCors("MyPolicy")]
        public class ValuesController : ControllerBase
        {
            [HttpGet] public string Get() => "v";
            [HttpPut, DisableCors] public void Put() { }
        }
        """);

    [Fact]
    public Task S03_StartupConfigureCorsOptions() => AssertSilent("""
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddMvc();
                services.Configure<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>(o => o.AddPolicy("x", p => p.WithOrigins("https://app.contoso.com").WithMethods("GET").WithHeaders("Authorization")));
            }

            public void Configure(IApplicationBuilder app)
            {
                app.UseRouting();
                app.UseCors("x");
                app.UseEndpoints(e => e.MapControllers());
            }
        }
        """);

    [Fact]
    public Task S04_ConstNamesInAttributes() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy(Policies.Frontend, p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials());
            o.AddPolicy(nameof(Policies.Partner), p => p.WithOrigins("https://partner.example").WithMethods("GET").WithHeaders("Authorization"));
        });
        builder.Services.AddControllers();
        var app = builder.Build();
        app.UseCors();
        app.MapControllers();
        app.MapGet("/partner", () => "p").RequireCors(nameof(Policies.Partner));
        app.Run();
        """, """
        using Microsoft.AspNetCore.Cors;
        using Microsoft.AspNetCore.Mvc;

        public static class Policies
        {
            public const string Frontend = "frontend";
            public const string Partner = "unused";
        }

        [ApiController, Route("api/orders"), EnableCors(Policies.Frontend)]
        public class OrdersController : ControllerBase
        {
            [HttpGet] public string Get() => "o";
        }
        """);

    [Fact]
    public Task S05_SignalRWithCredentials() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSignalR();
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("http://localhost:4200", "https://app.contoso.com").AllowAnyHeader().AllowAnyMethod().AllowCredentials()));
        var app = builder.Build();
        app.UseCors();
        app.MapHub<ChatHub>("/chat");
        app.Run();

        public class ChatHub : Microsoft.AspNetCore.SignalR.Hub { }
        """);

    [Fact]
    public Task S06_GrpcWeb() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("GrpcWeb", p => p.WithOrigins("https://app.contoso.com").AllowAnyMethod().AllowAnyHeader()
            .WithExposedHeaders("Grpc-Status", "Grpc-Message", "Grpc-Encoding", "Grpc-Accept-Encoding")));
        var app = builder.Build();
        app.UseRouting();
        app.UseCors();
        app.MapGet("/", () => "ok").RequireCors("GrpcWeb");
        app.Run();
        """);

    [Fact]
    public Task S07_EnvironmentBranches() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p =>
        {
            if (builder.Environment.IsDevelopment())
            {
                p.WithOrigins("http://localhost:3000");
            }
            else
            {
                p.WithOrigins("https://app.contoso.com");
            }

            p.AllowAnyHeader().AllowAnyMethod().AllowCredentials();
        }));
        var app = builder.Build();
        app.UseCors("Api");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task S08_PreflightMaxAgeAndSubdomains() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains()
            .WithMethods("GET", "POST").WithHeaders("Content-Type", "Authorization").SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        var app = builder.Build();
        app.UseCors();
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task S09_UseCorsInsideMapGroup() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.WithOrigins("https://app.contoso.com").AllowAnyHeader().AllowAnyMethod()));
        var app = builder.Build();
        app.UseCors();
        var api = app.MapGroup("/api").RequireCors("Api");
        api.MapGet("/orders", () => "o");
        app.Run();
        """);
}
