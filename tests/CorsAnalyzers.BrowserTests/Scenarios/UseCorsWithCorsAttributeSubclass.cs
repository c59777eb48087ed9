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
app.UseCors();
app.MapScenarioApi().WithMetadata(new ApiCorsAttribute());
app.Run();

/// <summary>The app's own CORS attribute: every endpoint that carries it uses policy 'Api'.</summary>
public sealed class ApiCorsAttribute : EnableCorsAttribute
{
    public ApiCorsAttribute()
        : base("Api")
    {
    }
}
