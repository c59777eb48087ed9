using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.DoNotCombineAnyOriginWithCredentialsRule,
    CorsAnalyzers.CodeFixes.Rules.UseExplicitOriginsFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>The policy model reads <c>CorsPolicy</c> objects for every rule: checked here through CORS001.</summary>
public class CorsPolicyObjectModelTests
{
    [Fact]
    public async Task AnyOriginWithCredentials_InCorsPolicyObject_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy();
            policy.Origins.{|#0:Add("*")|};
            policy.Methods.Add("*");
            {|#1:policy.SupportsCredentials = true|};
            builder.Services.AddCors(options => options.AddPolicy("Open", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("Policy 'Open'", ""));
    }

    [Fact]
    public async Task AnyOriginWithCredentials_InObjectInitializer_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddDefaultPolicy(new CorsPolicy
            {
                Origins = { {|#0:"*"|} },
                SupportsCredentials = true,
            }));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("The default policy", ""));
    }

    [Fact]
    public async Task CredentialsTurnedOff_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy { SupportsCredentials = true };
            policy.Origins.Add("*");
            policy.SupportsCredentials = false;
            builder.Services.AddCors(options => options.AddPolicy("Open", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OriginsClearedAndListed_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicy { Origins = { "*" }, SupportsCredentials = true };
            policy.Origins.Clear();
            policy.Origins.Add("https://app.contoso.com");
            builder.Services.AddCors(options => options.AddPolicy("Api", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BuiltPolicyChangedAfterBuild_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var policy = new CorsPolicyBuilder().{|#0:AllowAnyOrigin()|}.Build();
            {|#1:policy.SupportsCredentials = true|};
            builder.Services.AddCors(options => options.AddPolicy("Open", policy));
            var app = builder.Build();
            app.Run();
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Open'", ""));
    }
}
