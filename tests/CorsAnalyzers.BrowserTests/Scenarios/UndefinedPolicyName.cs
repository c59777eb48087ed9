var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("Frontend", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("Fronted");
app.MapScenarioApi();
app.Run();
