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
app.MapGet("/api/data", [ApiCors] (HttpContext context) => ScenarioApi.Data(context));
app.Run();

/// <summary>The app's own CORS attribute: every [ApiCors] endpoint uses policy 'Api'.</summary>
public sealed class ApiCorsAttribute : EnableCorsAttribute
{
    public ApiCorsAttribute()
        : base("Api")
    {
    }
}
