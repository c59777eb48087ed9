using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Correct code the registry rules (CORS010-CORS012) may not report on: every way an app registers its own
/// <c>ICorsPolicyProvider</c> or configures <c>CorsOptions</c> through the container, each of which makes the defined
/// policy names unknown.
/// </summary>
public class CorrectRegistrationsTests
{
    private static readonly string[] Judged = { "CORS010", "CORS011", "CORS012" };

    private static Task AssertSilent(string source, params string[] more) => SilentRun.AssertSilentAsync(Judged, kind: null, library: null, source, more);

    private const string Provider = """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public sealed class TenantPolicyProvider : ICorsPolicyProvider
        {
            public Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
                => Task.FromResult<CorsPolicy?>(new CorsPolicyBuilder().WithOrigins("https://" + policyName + ".contoso.com").Build());
        }
        """;

    // Each a registration of the app's own provider (C01, a ServiceDescriptor created with Type arguments, was reported).
    [Theory]
    [InlineData("builder.Services.Add(new ServiceDescriptor(typeof(ICorsPolicyProvider), typeof(TenantPolicyProvider), ServiceLifetime.Singleton));")]
    [InlineData("builder.Services.Replace(ServiceDescriptor.Singleton(typeof(ICorsPolicyProvider), typeof(TenantPolicyProvider)));")]
    [InlineData("ICorsPolicyProvider provider = new TenantPolicyProvider();\nbuilder.Services.AddSingleton(provider);")]
    [InlineData("builder.Services.Replace(ServiceDescriptor.Transient<ICorsPolicyProvider, TenantPolicyProvider>());")]
    [InlineData("builder.Services.Add(ServiceDescriptor.Singleton<ICorsPolicyProvider>(new TenantPolicyProvider()));")]
    [InlineData("builder.Services.AddSingleton(typeof(ICorsPolicyProvider), _ => new TenantPolicyProvider());")]
    public Task C01_ProviderRegistered(string registration) => AssertSilent("""
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.Extensions.DependencyInjection.Extensions;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors();
        """ + "\n" + registration + "\n" + """
        var app = builder.Build();
        app.UseCors("tenant1");
        app.MapGet("/", () => "ok");
        app.Run();
        """, Provider);

    [Fact]
    public Task C07_OptionsByConfigureOptionsClass() => AssertSilent("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors();
        builder.Services.ConfigureOptions<CorsSetup>();
        var app = builder.Build();
        app.UseCors("tenant1");
        app.MapGet("/", () => "ok");
        app.Run();
        """, """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.Extensions.Options;

        public sealed class CorsSetup : IConfigureOptions<CorsOptions>
        {
            public void Configure(CorsOptions options)
            {
                foreach (var tenant in new[] { "tenant1", "tenant2" })
                {
                    options.AddPolicy(tenant, p => p.WithOrigins("https://" + tenant + ".contoso.com"));
                }
            }
        }
        """);

    [Fact]
    public Task C08_OptionsByAddOptionsConfigure() => AssertSilent("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            foreach (var section in configuration.GetSection("Cors:Policies").GetChildren())
            {
                options.AddPolicy(section.Key, p => p.WithOrigins(section.Get<string[]>() ?? Array.Empty<string>()));
            }
        });
        var app = builder.Build();
        app.UseCors("tenant1");
        app.MapGet("/", () => "ok");
        app.Run();
        """);

    [Fact]
    public Task C09_OptionsBySingletonConfigureInstance() => AssertSilent("""
        using Microsoft.AspNetCore.Cors.Infrastructure;
        using Microsoft.Extensions.Options;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors();
        builder.Services.AddSingleton<IConfigureOptions<CorsOptions>>(new ConfigureNamedOptions<CorsOptions>(Options.DefaultName, o => o.AddPolicy("tenant1", p => p.WithOrigins("https://t.contoso.com"))));
        var app = builder.Build();
        app.UseCors("tenant1");
        app.MapGet("/", () => "ok");
        app.Run();
        """);
}
