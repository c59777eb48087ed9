using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CallUseCorsInMiddlewareOrderRule,
    CorsAnalyzers.CodeFixes.Rules.ReorderUseCorsFixer>;

namespace CorsAnalyzers.Tests.Rules;

/// <summary>CORS003 in one-statement chains that pass through middleware the pipeline model does not classify.</summary>
public class CallUseCorsInMiddlewareOrderChainTests
{
    [Fact]
    public async Task ChainThroughUnclassifiedMiddleware_Startup_Reports()
    {
        const string source = """
            using Microsoft.AspNetCore.HttpOverrides;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseForwardedHeaders(new ForwardedHeadersOptions()).{|#1:UseAuthorization()|}.{|#0:UseCors("any")|};
                    app.UseEndpoints(endpoints => endpoints.MapGet("/", () => "hi"));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                "UseCors(\"any\") is called after UseAuthorization()",
                CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
                "Call UseCors(\"any\") before UseAuthorization()"));
    }

    [Fact]
    public async Task ChainThroughUseLambda_Reports()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.Use(next => next).{|#1:UseAuthorization()|}.UseHttpsRedirection().{|#0:UseCors()|};
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments(
                "UseCors() is called after UseAuthorization()",
                CallUseCorsInMiddlewareOrderRule.AuthorizationReason,
                "Call UseCors() before UseAuthorization()"));
    }

    [Fact]
    public async Task NewPipelineFromNew_IsNotTheSamePipeline()
    {
        const string source = """
            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                {
                    app.UseRouting();
                    app.UseAuthorization();
                    var branch = app.New().UseCors("any");
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ChainInTheRightOrder_DoesNotReport()
    {
        const string source = """
            using Microsoft.AspNetCore.HttpOverrides;

            public class Startup
            {
                public void Configure(IApplicationBuilder app)
                    => app.UseForwardedHeaders(new ForwardedHeadersOptions()).UseRouting().UseCors("any").UseAuthorization();
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }
}
