var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseCors(policy => policy
    .WithOrigins("TRUSTED_ORIGIN")
    .AllowAnyMethod()
    .AllowAnyHeader()
    .WithExposedHeaders("X-Total")
    .AllowCredentials());
app.MapScenarioApi();
app.Run();
