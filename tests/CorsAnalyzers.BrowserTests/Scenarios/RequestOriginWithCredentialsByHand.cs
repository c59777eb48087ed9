var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
    context.Response.Headers["Access-Control-Allow-Credentials"] = "true";
    await next(context);
});
app.MapScenarioApi();
app.Run();
