var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .SetIsOriginAllowed(origin => true)
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total"));
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
