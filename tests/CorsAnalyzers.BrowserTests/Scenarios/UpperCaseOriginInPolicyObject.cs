using Microsoft.AspNetCore.Cors.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
var web = new CorsPolicy { SupportsCredentials = true };
web.Origins.Add("HTTP://127.0.0.1:TRUSTED_PORT");
web.Methods.Add("*");
web.Headers.Add("*");
web.ExposedHeaders.Add("X-Total");
builder.Services.AddCors(options => options.AddPolicy("web", web));

var app = builder.Build();
app.UseCors("web");
app.MapScenarioApi();
app.Run();
