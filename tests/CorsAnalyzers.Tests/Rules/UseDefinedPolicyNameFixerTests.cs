using System.Threading.Tasks;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.UseDefinedPolicyNameRule,
    CorsAnalyzers.CodeFixes.Rules.UseDefinedPolicyNameFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class UseDefinedPolicyNameFixerTests
{
    [Fact]
    public async Task Fix_ReplacesTheNameWithTheNearestDefinedOne()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors(/* the SPA */ {|CORS010:"Fronted"|});
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors(/* the SPA */ "Frontend");
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_InAnEnableCorsSubclassBaseCall()
    {
        const string source = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.Run();

            class FrontendCorsAttribute : EnableCorsAttribute
            {
                public FrontendCorsAttribute()
                    : base({|CORS010:"frontend"|}) // the SPA
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.AspNetCore.Cors;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.Run();

            class FrontendCorsAttribute : EnableCorsAttribute
            {
                public FrontendCorsAttribute()
                    : base("Frontend") // the SPA
                {
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_OffersEveryCloseName_SecondAction()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Apps", policy => policy.WithOrigins("https://app.contoso.com"));
                options.AddPolicy("Apis", policy => policy.WithOrigins("https://api.contoso.com"));
            });
            var app = builder.Build();
            app.UseCors({|CORS010:"Apss"|});
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Apps", policy => policy.WithOrigins("https://app.contoso.com"));
                options.AddPolicy("Apis", policy => policy.WithOrigins("https://api.contoso.com"));
            });
            var app = builder.Build();
            app.UseCors("Apps");
            app.Run();
            """;

        var test = new CorsAnalyzers.Tests.Verifiers.CorsTest<CorsAnalyzers.Rules.UseDefinedPolicyNameRule, CorsAnalyzers.CodeFixes.Rules.UseDefinedPolicyNameFixer>(source, fixedSource)
        {
            CodeActionIndex = 1,
            CodeActionEquivalenceKey = CorsAnalyzers.CodeFixes.Rules.UseDefinedPolicyNameFixer.NearestEquivalenceKey + ".Apps",
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task NoCloseName_OffersNoFix()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors({|CORS010:"Partners"|});
            app.Run();
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task ConstantName_OffersNoFix()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors({|CORS010:Names.Spa|});
            app.Run();

            static class Names
            {
                public const string Spa = "Fronted";
            }
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task FixAll_ReplacesEveryUse()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors({|CORS010:"frontend"|});
            app.MapGet("/a", () => 1).RequireCors({|CORS010:"Fronted"|});
            app.MapGet("/b", () => 2).RequireCors({|CORS010:"Frontend "|});
            app.Run();
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Frontend", policy => policy.WithOrigins("https://app.contoso.com")));
            var app = builder.Build();
            app.UseCors("Frontend");
            app.MapGet("/a", () => 1).RequireCors("Frontend");
            app.MapGet("/b", () => 2).RequireCors("Frontend");
            app.Run();
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }
}
