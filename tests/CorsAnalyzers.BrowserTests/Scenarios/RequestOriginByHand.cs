var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = context.Request.Headers.Origin;
    await next(context);
});
app.MapScenarioApi();
app.Run();
