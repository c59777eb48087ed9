using System.Collections.Generic;
using System.Linq;
using CorsAnalyzers.EndToEnd.Tests.Infrastructure;

namespace CorsAnalyzers.EndToEnd.Tests;

/// <summary>
/// A mistake users make: the code (a statement in <see cref="CodeSection.Services"/> or <see cref="CodeSection.Pipeline"/>,
/// with the reported span marked <c>[|...|]</c>), and the rule and default severity the build must report there.
/// </summary>
public sealed record Mistake(string Id, string Severity, Snippet Snippet)
{
    public const string Error = "error";
    public const string Warning = "warning";

    /// <summary>
    /// An info diagnostic (CORS007): in the SARIF log (<c>-p:ErrorLog=...</c>) and the IDE, never in <c>dotnet build</c>'s
    /// output, where the compiler prints only warnings and errors at every verbosity.
    /// </summary>
    public const string Info = "info";

    public override string ToString() => $"{Id}: {Snippet.Code}";
}

/// <summary>
/// The table every end-to-end test builds its apps from. A new rule adds its rows to <see cref="All"/> (a snippet must
/// compile both in top-level Program.cs and in a Startup class) and, where it has one, a correct counterpart to
/// <see cref="Correct"/>; the build, SARIF and preset tests pick the rows up.
/// </summary>
public static class Mistakes
{
    public static IReadOnlyList<Mistake> All { get; } = new Mistake[]
    {
        new("CORS001", Mistake.Error, new(CodeSection.Services, """
            options.AddPolicy("AnyOriginWithCredentials", policy => policy.[|AllowAnyOrigin()|].AllowAnyMethod().AllowAnyHeader().AllowCredentials());
            """)),
        new("CORS001", Mistake.Error, new(CodeSection.Services, """
            options.AddPolicy("WildcardList", policy =>
            {
                policy.[|WithOrigins("*")|];
                policy.WithMethods("GET").WithHeaders("Content-Type");
                policy.AllowCredentials();
            });
            """)),
        new("CORS002", Mistake.Error, new(CodeSection.Services, """
            options.AddPolicy("EveryOriginWithCredentials", policy => policy
                .[|SetIsOriginAllowed(_ => true)|]
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type")
                .AllowCredentials());
            """)),
        // Pipeline rows run in this order: the two UseCors calls before UseAuthorization come first.
        new("CORS011", Mistake.Warning, new(CodeSection.Pipeline, """
            app.[|UseCors()|];
            """)),
        new("CORS010", Mistake.Warning, new(CodeSection.Pipeline, """
            app.UseCors([|"Trailingslash"|]);
            """)),
        new("CORS003", Mistake.Warning, new(CodeSection.Pipeline, """
            app.UseAuthorization();
            app.[|UseCors("TrailingSlash")|];
            """)),
        new("CORS004", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("NoMethodsOrHeaders", policy => policy.[|WithOrigins("https://app.contoso.com")|]);
            """)),
        new("CORS005", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("TrailingSlash", policy => policy.WithOrigins([|"https://app.contoso.com/"|]).AllowAnyMethod().AllowAnyHeader());
            """)),
        new("CORS006", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("NullOrigin", policy => policy.WithOrigins("https://app.contoso.com", [|"null"|]).AllowAnyMethod().AllowAnyHeader());
            """)),
        new("CORS012", Mistake.Warning, new(CodeSection.Services, """
            options.[|AddPolicy("NoOrigin", policy => policy.AllowAnyMethod().AllowAnyHeader())|];
            """)),
        new("CORS014", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("JoinedMethods", policy => policy.WithOrigins("https://app.contoso.com").WithMethods([|"GET,POST"|]).WithHeaders("Content-Type"));
            """)),
        new("CORS014", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("ExposeAnyWithCredentials", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods("GET", "PATCH")
                .WithHeaders("Content-Type")
                .WithExposedHeaders([|"*"|])
                .AllowCredentials());
            """)),
        new("CORS008", Mistake.Warning, new(CodeSection.Pipeline, """
            app.Use(async (context, next) =>
            {
                [|context.Response.Headers["Access-Control-Allow-Origin"] = "*"|];
                await next(context);
            });
            """)),
        new("CORS009", Mistake.Error, new(CodeSection.Pipeline, """
            app.Use(async (context, next) =>
            {
                context.Response.Headers.[|Append("Access-Control-Allow-Origin", context.Request.Headers.Origin)|];
                context.Response.Headers.Append("Access-Control-Allow-Credentials", "true");
                await next(context);
            });
            """)),
        new("CORS007", Mistake.Info, new(CodeSection.Services, """
            options.AddPolicy("AnyOriginWithoutCredentials", policy => policy.[|AllowAnyOrigin()|].WithMethods("GET").WithHeaders("Content-Type"));
            """)),
        new("CORS013", Mistake.Warning, new(CodeSection.Services, """
            options.AddPolicy("LookAlikeOrigins", policy => policy
                .SetIsOriginAllowed(origin => [|new Uri(origin).Host.EndsWith("contoso.com")|])
                .WithMethods("GET")
                .WithHeaders("Content-Type")
                .AllowCredentials());
            """)),
    };

    /// <summary>
    /// Code that configures CORS correctly: no rule may warn about it. The "Public" policy (any origin, no credentials)
    /// is a legitimate public API and gets only CORS007's info, which the build output never shows.
    /// </summary>
    public static IReadOnlyList<Snippet> Correct { get; } = new Snippet[]
    {
        new(CodeSection.Services, """
            options.AddPolicy("ListedValues", policy => policy
                .WithOrigins("https://app.contoso.com")
                .WithMethods("GET", "PATCH")
                .WithHeaders("*")
                .WithExposedHeaders("X-Total-Count")
                .AllowCredentials()
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
            """),
        new(CodeSection.Services, """
            options.AddPolicy("Trusted", policy => policy
                .WithOrigins("https://app.contoso.com", "https://admin.contoso.com")
                .WithMethods("GET", "POST")
                .WithHeaders("Content-Type", "Authorization")
                .AllowCredentials());
            """),
        new(CodeSection.Services, """
            options.AddPolicy("Public", policy => policy.AllowAnyOrigin().WithMethods("GET").WithHeaders("Content-Type"));
            """),
        new(CodeSection.Services, """
            options.AddPolicy("Checked", policy => policy
                .SetIsOriginAllowed(origin => new Uri(origin).Host == "app.contoso.com")
                .WithMethods("GET")
                .WithHeaders("Content-Type")
                .AllowCredentials());
            """),
        new(CodeSection.Pipeline, """
            app.UseRouting();
            app.UseCors("Trusted");
            app.UseAuthentication();
            app.UseAuthorization();
            """),
    };

    public static Mistake First(string id) => All.First(mistake => mistake.Id == id);
}
