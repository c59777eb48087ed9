var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCors(options => options.AddDefaultPolicy(policy =>
    policy.WithOrigins("TRUSTED_ORIGIN").WithMethods("GET", "POST").WithHeaders("Content-Type")));

var app = builder.Build();
app.UseCors();
app.MapScenarioApi();
app.Run();
