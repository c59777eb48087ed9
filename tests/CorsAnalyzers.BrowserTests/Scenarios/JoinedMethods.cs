var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options =>
{
    options.AddPolicy("web", policy => policy
        .WithOrigins("TRUSTED_ORIGIN")
        .WithMethods("GET,PATCH", "PUT")
        .AllowAnyHeader()
        .WithExposedHeaders("X-Total")
        .AllowCredentials());
});

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
