var trustedOrigins = new[] { "TRUSTED_ORIGIN" };

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.Use(async (context, next) =>
{
    var origin = context.Request.Headers.Origin.ToString();
    if (trustedOrigins.Contains(origin))
    {
        context.Response.Headers["Access-Control-Allow-Origin"] = origin;
    }

    await next(context);
});
app.MapScenarioApi();
app.Run();
