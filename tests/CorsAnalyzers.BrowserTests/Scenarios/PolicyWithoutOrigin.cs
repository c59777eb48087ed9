var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
