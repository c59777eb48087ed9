using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Credentials = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>
/// Builders that leave the code where they are created unbuilt: a factory method or lambda that returns the builder hands
/// it to callers that go on configuring it, so what is missing where it is created is not missing at run time. What is
/// already there still is. (A built policy returned is judged as it is, ConfigureMethodsAndHeadersAnalyzerTests, unless a
/// caller may change it: AllowAnyOriginOnlyForPublicApisAnalyzerTests.PolicyAFactoryReturns_*.)
/// </summary>
public class ReturnedPoliciesTests
{
    // Every rule but CORS007 (any origin, Info), which these policies do not reach either way.
    private static readonly string[] Judged = { "CORS001", "CORS002", "CORS003", "CORS004", "CORS005", "CORS006", "CORS008", "CORS009", "CORS010", "CORS011", "CORS012", "CORS013", "CORS014", "CORS015" };

    [Fact]
    public Task BuilderReturnedByAFactory_CallerAddsMethodsAndHeaders() => SilentRun.AssertSilentAsync(Judged, null, null, """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", Policies.Start().AllowAnyHeader().AllowAnyMethod().Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        static class Policies
        {
            public static CorsPolicyBuilder Start() => new CorsPolicyBuilder().WithOrigins("https://a.contoso.com");
        }
        """);
    [Fact]
    public Task BuilderReturnedByALambda_CallerAddsMethodsAndHeaders() => SilentRun.AssertSilentAsync(Judged, null, null, """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        var builder = WebApplication.CreateBuilder(args);
        System.Func<CorsPolicyBuilder> start = () => new CorsPolicyBuilder().WithOrigins("https://a.contoso.com");
        builder.Services.AddCors(o => o.AddPolicy("Api", start().AllowAnyHeader().AllowAnyMethod().Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """);
    [Fact]
    public Task CopiedPolicy_AddsCredentialsToListedOrigins() => SilentRun.AssertSilentAsync(Judged, null, null, """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        var builder = WebApplication.CreateBuilder(args);
        var basePolicy = new CorsPolicyBuilder().WithOrigins("https://a.contoso.com").AllowAnyHeader().AllowAnyMethod().Build();
        builder.Services.AddCors(o => o.AddPolicy("Api", new CorsPolicyBuilder(basePolicy).AllowCredentials().Build()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        """);
    [Fact]
    public Task OriginsFromAnExtensionMethodOfTheApp() => SilentRun.AssertSilentAsync(Judged, null, null, """
        using Microsoft.AspNetCore.Cors.Infrastructure;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("Api", p => p.AllowCompanyOrigins().AllowAnyHeader().AllowAnyMethod()));
        var app = builder.Build();
        app.UseCors("Api");
        app.Run();
        static class Ext
        {
            public static CorsPolicyBuilder AllowCompanyOrigins(this CorsPolicyBuilder p) => p.WithOrigins("https://a.contoso.com");
        }
        """);
    [Fact]
    public async Task BuilderReturnedByAFactory_AnyOriginWithCredentials_StillReports()
    {
        // ASP.NET Core throws when the caller builds it: nothing a caller adds takes "*" away.
        const string source = """
            using Microsoft.AspNetCore.Cors.Infrastructure;
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("Api", Policies.Start().AllowAnyHeader().Build()));
            var app = builder.Build();
            app.UseCors("Api");
            app.Run();
            static class Policies
            {
                public static CorsPolicyBuilder Start() => new CorsPolicyBuilder().{|#0:AllowAnyOrigin()|}.{|#1:AllowCredentials()|};
            }
            """;

        await Credentials.VerifyAnalyzerAsync(source, Credentials.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The policy built here", string.Empty));
    }
}
