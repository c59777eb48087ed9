using Microsoft.Net.Http.Headers;

var trustedOrigins = new[] { "TRUSTED_ORIGIN" };

var builder = WebApplication.CreateBuilder(args);

var app = builder.Build();
app.Use(async (context, next) =>
{
    var origin = context.Request.Headers.Origin.ToString();
    if (trustedOrigins.Contains(origin))
    {
        context.Response.Headers.AccessControlAllowOrigin = origin;
        context.Response.Headers.AccessControlAllowCredentials = "true";
        context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.Origin);
    }

    await next(context);
});
app.MapScenarioApi();
app.Run();
