// A web app with the CORS mistakes CorsAnalyzers finds. Build it to see the diagnostics:
//   dotnet build samples/CorsSample --no-incremental
var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCors(options =>
{
    // CORS001: any origin with credentials; ASP.NET Core throws when it builds this policy.
    options.AddPolicy("Open", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowAnyHeader().AllowCredentials());

    // CORS002: a predicate that accepts every origin, with credentials: any site can read authenticated responses.
    options.AddPolicy("Reflecting", policy => policy
        .SetIsOriginAllowed(_ => true)
        .AllowAnyMethod()
        .AllowAnyHeader()
        .AllowCredentials());

    // CORS001, only in development: the message says it is conditional.
    options.AddPolicy("DevelopmentOnly", policy =>
    {
        if (builder.Environment.IsDevelopment())
        {
            policy.WithOrigins("*");
        }
        else
        {
            policy.WithOrigins("https://app.contoso.com");
        }

        policy.AllowAnyMethod().AllowAnyHeader().AllowCredentials();
    });

    // Correct: explicit origins with credentials.
    options.AddPolicy("Trusted", policy => policy
        .WithOrigins("https://app.contoso.com", "https://admin.contoso.com")
        .WithMethods("GET", "POST")
        .WithHeaders("Content-Type", "Authorization")
        .AllowCredentials());

    // CORS004: origins, but no methods or headers: every preflighted request (PUT, a JSON body, Authorization) fails.
    options.AddPolicy("NoMethods", policy => policy.WithOrigins("https://app.contoso.com"));

    // CORS005: origins no browser sends: a trailing slash, and a wildcard subdomain without
    // SetIsOriginAllowedToAllowWildcardSubdomains().
    options.AddPolicy("Typos", policy => policy
        .WithOrigins("https://app.contoso.com/", "https://*.contoso.com")
        .AllowAnyMethod()
        .AllowAnyHeader());

    // CORS006: the null origin: any site can send it from a sandboxed iframe.
    options.AddPolicy("LocalFiles", policy => policy.WithOrigins("null").AllowAnyMethod().AllowAnyHeader());

    // CORS007 (info): any origin without credentials; every site can read the responses, fine for a public API, a leak for
    // an internal one. The build output shows only warnings and errors; see it in the IDE or in the SARIF log:
    //   dotnet build samples/CorsSample --no-incremental -p:ErrorLog=cors.sarif
    options.AddPolicy("Public", policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders("Content-Type"));

    // CORS012: methods and headers, but no origin: the policy never answers with CORS headers.
    options.AddPolicy("Closed", policy => policy.AllowAnyMethod().AllowAnyHeader());
    // CORS014: a comma-joined string is sent as one quoted item, and with credentials an exposed "*" is a header name.
    options.AddPolicy("Joined", policy => policy
        .WithOrigins("https://app.contoso.com")
        .WithMethods("GET,POST")
        .WithHeaders("Content-Type")
        .WithExposedHeaders("*")
        .AllowCredentials());

    // Origins from appsettings.json, checked where they are written: the build reports the trailing slash at its line in
    // appsettings.json (CORS005), and the comma-joined "Cors:Partners" string here, where the code reads it as one
    // origin (CORS005; the fix adds .Split(',', ...) to the read).
    options.AddPolicy("FromSettings", policy => policy
        .WithOrigins(builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? Array.Empty<string>())
        .AllowAnyMethod()
        .AllowAnyHeader());
    options.AddPolicy("PartnersFromSettings", policy => policy
        .WithOrigins(builder.Configuration["Cors:Partners"]!)
        .AllowAnyMethod()
        .AllowAnyHeader());

    // CORS015 (Info: shown in the IDE, not printed by dotnet build): Chromium keeps a preflight 2 hours, Safari 10 minutes.
    options.AddPolicy("LongCache", policy => policy
        .WithOrigins("https://app.contoso.com")
        .AllowAnyMethod()
        .AllowAnyHeader()
        .SetPreflightMaxAge(TimeSpan.FromDays(1)));

    // CORS013: a suffix check without the dot: https://evilcontoso.com passes it, with credentials.
    options.AddPolicy("Partners", policy => policy
        .SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith("contoso.com"))
        .WithMethods("GET")
        .WithHeaders("Content-Type")
        .AllowCredentials());
});

builder.Services.AddAuthorization();

var app = builder.Build();

app.UseAuthorization();

// CORS003: UseCors after UseAuthorization; its 401/403 responses carry no CORS headers, so the front end sees a CORS error.
// CORS011: UseCors() applies the default policy, and no AddDefaultPolicy defines one.
app.UseCors();

// CORS010: no policy is named "trusted" (names are case-sensitive; the policy is "Trusted").
app.Map("/partners", partners => partners.UseCors("trusted"));

// CORS008: Access-Control-Allow-Origin written by hand as "*": every site can read the responses, and no preflight is answered.
app.Map("/public", open => open.Use(async (context, next) =>
{
    context.Response.Headers["Access-Control-Allow-Origin"] = "*";
    await next(context);
}));

// CORS009: the request's Origin sent back unchecked, with credentials: any site can read authenticated responses.
app.Map("/account", account => account.Use(async (context, next) =>
{
    context.Response.Headers.AccessControlAllowOrigin = context.Request.Headers.Origin;
    context.Response.Headers.AccessControlAllowCredentials = "true";
    await next(context);
}));

app.MapGet("/", () => "Hello CORS");

app.Run();
