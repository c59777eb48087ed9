Host.CreateDefaultBuilder(args)
    .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
    .Build()
    .Run();

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddAuthentication(TokenHandler.Scheme).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenHandler>(TokenHandler.Scheme, null);
        services.AddAuthorization();
        services.AddCors(options =>
        {
            options.AddPolicy("web", policy => policy
                .WithOrigins("TRUSTED_ORIGIN")
                .AllowAnyMethod()
                .AllowAnyHeader()
                .WithExposedHeaders("X-Total")
                .AllowCredentials());
        });
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCors("web");
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapScenarioApi();
            endpoints.MapGet("/api/secure", ScenarioApi.Secret).RequireAuthorization();
            endpoints.MapPut("/api/secure", ScenarioApi.Secret).RequireAuthorization();
        });
    }
}
