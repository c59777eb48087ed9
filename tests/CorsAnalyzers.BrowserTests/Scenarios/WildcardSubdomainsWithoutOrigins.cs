var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .SetIsOriginAllowedToAllowWildcardSubdomains()
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
