var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors();
app.MapScenarioApi();
app.Run();
