Host.CreateDefaultBuilder(args)
    .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
    .Build()
    .Run();

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
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
        app.UseEndpoints(endpoints => endpoints.MapScenarioApi());
        app.UseCors("web");
    }
}
