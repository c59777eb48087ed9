var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .AllowAnyMethod()
        .WithHeaders("*", "Content-Type")
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
