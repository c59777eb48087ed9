using Microsoft.AspNetCore.Cors;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("Api", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .AllowAnyMethod()
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.MapGet("/api/data", [EnableCors("Api")] (HttpContext context) => ScenarioApi.Data(context));
app.Run();
