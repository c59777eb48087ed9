var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddPolicy("Spa", policy =>
    policy.WithOrigins("TRUSTED_ORIGIN").AllowCredentials().WithMethods("GET", "POST").WithHeaders("Content-Type")));

var app = builder.Build();
app.UseCors("Spa");
app.MapScenarioApi();
app.Run();
