using System.Collections.Immutable;
using System.Threading.Tasks;
using CorsAnalyzers.Rules;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CheckOriginsStrictlyRule,
    CorsAnalyzers.CodeFixes.Rules.HardenOriginCheckFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class CheckOriginsStrictlyFixerTests
{
    [Fact]
    public async Task Fix_OriginEndsWith_RequiresTheDotAndKeepsTheDomainItself()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin => [|origin.EndsWith("contoso.com")|]).AllowAnyMethod()));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(".contoso.com") || origin.EndsWith("://contoso.com")).AllowAnyMethod()));
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_HostEndsWith_InACondition_IsParenthesised()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin =>
                    Uri.TryCreate(origin, UriKind.Absolute, out var uri) && [|uri.Host.EndsWith("contoso.com", StringComparison.OrdinalIgnoreCase)|])));
            """;
        const string fixedSource = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin =>
                    Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.Host.EndsWith(".contoso.com", StringComparison.OrdinalIgnoreCase) || uri.Host.Equals("contoso.com", StringComparison.OrdinalIgnoreCase)))));
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_HostEndsWith_InStartupLambda_ComparesTheHost()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(origin =>
                    {
                        var host = new Uri(origin).Host;
                        return [|host.EndsWith("contoso.com")|];
                    })));
                }
            }
            """;
        const string fixedSource = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddCors(options => options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(origin =>
                    {
                        var host = new Uri(origin).Host;
                        return host.EndsWith(".contoso.com") || host == "contoso.com";
                    })));
                }
            }
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task Fix_Patterns_AreAnchoredAndTheirDotsEscaped()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Verbatim", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(origin, @"https://app\.contoso\.com")|]));
                options.AddPolicy("Dots", policy => policy.SetIsOriginAllowed(origin => [|new Regex("^https://(app|admin).contoso.com$").IsMatch(origin)|]));
                options.AddPolicy("Alternation", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(origin, @"https://app\.contoso\.com|https://admin\.contoso\.com")|]));
            });
            """;
        const string fixedSource = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Verbatim", policy => policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"^https://app\.contoso\.com$")));
                options.AddPolicy("Dots", policy => policy.SetIsOriginAllowed(origin => new Regex("^https://(app|admin)\\.contoso\\.com$").IsMatch(origin)));
                options.AddPolicy("Alternation", policy => policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"^(?:https://app\.contoso\.com|https://admin\.contoso\.com)$")));
            });
            """;

        await Verify.VerifyCodeFixAsync(source, fixedSource);
    }

    [Fact]
    public async Task NoFix_WhereTheRewriteIsNotMechanical()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            const string Domain = "contoso.com";
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Contains", policy => policy.SetIsOriginAllowed(origin => [|origin.Contains("contoso")|]));
                options.AddPolicy("StartsWith", policy => policy.SetIsOriginAllowed(origin => [|origin.StartsWith("https://app.contoso.com")|]));
                options.AddPolicy("Constant", policy => policy.SetIsOriginAllowed(origin => [|origin.EndsWith(Domain)|]));
                options.AddPolicy("Wildcard", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(origin, @"^https://.*contoso\.com$")|]));
                options.AddPolicy("Suffix", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(new Uri(origin).Host, @"contoso\.com$")|]));

                // An element of a list the check runs over: editing it would change every check of that list.
                options.AddPolicy("List", policy => policy.SetIsOriginAllowed(origin => new[] { "contoso.com" }.Any(domain => [|origin.EndsWith(domain)|])));
            });
            """;

        await Verify.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public async Task CheckInAHelperMethod_IsNotLocal_CarriesNoFix()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(IsTrusted)));

                private static bool IsTrusted(string origin) => origin.EndsWith("contoso.com");
            }

            public static class Program
            {
                public static void Main()
                {
                }
            }
            """;

        var (diagnostics, exceptions) = await AnalyzerRunner.RunAsync(source, new CorsAnalyzer(ImmutableArray.Create<CorsRule>(new CheckOriginsStrictlyRule())));

        Assert.Empty(exceptions);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("CORS013", diagnostic.Id);
        Assert.Empty(diagnostic.Properties);
    }

    [Fact]
    public async Task FixAll_HardensEveryCheck()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.SetIsOriginAllowed(origin => [|origin.EndsWith("contoso.com")|] || [|origin.EndsWith("fabrikam.com")|]));
                options.AddPolicy("B", policy => policy.SetIsOriginAllowed(origin => [|new Uri(origin).Host.EndsWith("contoso.com")|]));
            });
            """;
        const string fixedSource = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(".contoso.com") || origin.EndsWith("://contoso.com") || (origin.EndsWith(".fabrikam.com") || origin.EndsWith("://fabrikam.com"))));
                options.AddPolicy("B", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".contoso.com") || new Uri(origin).Host == "contoso.com"));
            });
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }

    [Fact]
    public async Task FixAll_AnchorsEveryPattern()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(origin, "^https://app.contoso.com")|]));
                options.AddPolicy("B", policy => policy.SetIsOriginAllowed(origin => [|Regex.IsMatch(origin, @"^https://admin\.contoso\.com")|]));
            });
            """;
        const string fixedSource = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("A", policy => policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, "^https://app\\.contoso\\.com$")));
                options.AddPolicy("B", policy => policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"^https://admin\.contoso\.com$")));
            });
            """;

        await Verify.VerifyFixAllAsync(source, fixedSource);
    }
}
