var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .SetPreflightMaxAge(TimeSpan.FromMilliseconds(1500))
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
