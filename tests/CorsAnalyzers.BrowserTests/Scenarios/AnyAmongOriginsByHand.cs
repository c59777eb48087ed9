var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = new[] { "TRUSTED_ORIGIN", "*" };
    await next(context);
});
app.MapScenarioApi();
app.Run();
