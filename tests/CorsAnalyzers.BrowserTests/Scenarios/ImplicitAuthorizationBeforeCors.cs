var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication(TokenHandler.Scheme).AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, TokenHandler>(TokenHandler.Scheme, null);
builder.Services.AddAuthorization();
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
app.UseCors("web");
app.MapScenarioApi();
app.MapGet("/api/secure", ScenarioApi.Secret).RequireAuthorization();
app.MapPut("/api/secure", ScenarioApi.Secret).RequireAuthorization();
app.Run();
