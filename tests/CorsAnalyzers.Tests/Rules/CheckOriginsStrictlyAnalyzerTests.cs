using System.Threading.Tasks;
using CorsAnalyzers.Tests.Verifiers;
using Verify = CorsAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    CorsAnalyzers.Rules.CheckOriginsStrictlyRule,
    CorsAnalyzers.CodeFixes.Rules.HardenOriginCheckFixer>;

namespace CorsAnalyzers.Tests.Rules;

public class CheckOriginsStrictlyAnalyzerTests
{
    [Fact]
    public async Task EndsWithWithoutDot_Reports_WithAPassingOrigin()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy
                    .SetIsOriginAllowed(origin => {|#0:origin.EndsWith({|#1:"contoso.com"|})|})
                    .AllowAnyMethod()
                    .AllowCredentials()));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Api'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task ContainsAndIndexOf_Report()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Contains", policy => policy.SetIsOriginAllowed(origin => {|#0:origin.Contains({|#2:"contoso"|})|}));
                options.AddPolicy("IndexOf", policy => policy.SetIsOriginAllowed(origin => {|#1:origin.IndexOf({|#3:"contoso.com"|}, StringComparison.OrdinalIgnoreCase) >= 0|}));
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("Policy 'Contains'", "https://contoso.evil.io", "", "the check finds \"contoso\" anywhere in the origin"),
            Verify.Diagnostic().WithLocation(1).WithLocation(3).WithArguments("Policy 'IndexOf'", "https://contoso.com.evil.io", "", "the check finds \"contoso.com\" anywhere in the origin"));
    }

    // A check run over a list of constants (`domains.Any(d => host.EndsWith(d))`): each element is a check of its own,
    // reported where the check is written, with the element as additional location. Seen in a real app with credentials:
    // `new List<string> { ".net", ".com", "localhost" }.Any(y => origin.Contains(y))`.
    [Fact]
    public async Task CheckOverAListOfConstants_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Partners", policy => policy.SetIsOriginAllowed(Origins.IsPartner).AllowAnyMethod().AllowCredentials());
                options.AddPolicy("Local", policy => policy
                    .SetIsOriginAllowed(origin =>
                    {
                        var parts = new List<string> { {|#3:"contoso"|}, "localhost" };
                        return parts.Exists(part => {|#2:origin.Contains(part)|});
                    })
                    .AllowAnyMethod()
                    .AllowCredentials());
            });

            static class Origins
            {
                private static readonly string[] Domains = { {|#1:"fabrikam.com"|}, "contoso.com" };

                public static bool IsPartner(string origin) => Domains.Any(domain => {|#0:new Uri(origin).Host.EndsWith(domain)|});
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Partners'", "https://evilfabrikam.com", "", "EndsWith(\"fabrikam.com\") does not require a dot before the domain"),
            Verify.Diagnostic().WithLocation(2).WithLocation(3).WithArguments("Policy 'Local'", "https://contoso.evil.io", "", "the check finds \"contoso\" anywhere in the origin"));
    }

    // Strict checks over lists, a list that is changed before the check, and a list with an element we cannot read.
    [Theory]
    [InlineData("var hosts = new[] { \"app.contoso.com\", \"admin.contoso.com\" }; return hosts.Any(h => new Uri(origin).Host == h);")]
    [InlineData("string[] suffixes = [\".contoso.com\", \".fabrikam.com\"]; return suffixes.Any(s => new Uri(origin).Host.EndsWith(s));")]
    [InlineData("var parts = new List<string> { \"contoso\" }; parts.Clear(); return parts.Exists(p => origin.Contains(p));")]
    [InlineData("var parts = new List<string> { \"contoso\" }; Register(parts); return parts.Exists(p => origin.Contains(p));")]
    [InlineData("var parts = new List<string> { \"contoso\" }; parts = new List<string>(); return parts.Exists(p => origin.Contains(p));")]
    [InlineData("var parts = new List<string> { \"contoso\", Environment.MachineName }; return parts.Any(p => origin == p);")]
    [InlineData("var parts = new List<string> { \"https://app.contoso.com\" }; return parts.Any(p => p.Contains(\"contoso\") && origin == p);")]
    public async Task StrictOrUnknownListChecks_DoNotReport(string body)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin => { {{body}} }).AllowCredentials()));

            static void Register(List<string> parts) => parts.Clear();
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("!string.IsNullOrEmpty(origin) && [|origin.EndsWith(\"contoso.com\")|]")]
    [InlineData("!string.IsNullOrWhiteSpace(origin) && [|origin.Contains(\"contoso\")|]")]
    public async Task WeakCheckAfterPresenceTest_Reports(string predicate)
    {
        var source = $$"""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin => {{predicate}})));
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task StartsWithWithoutTerminator_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Api", policy => policy.SetIsOriginAllowed(origin => {|#0:origin.StartsWith({|#1:"https://app.contoso.com"|})|})));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Api'", "https://app.contoso.com.evil.io", "", "StartsWith(\"https://app.contoso.com\") lets the host go on after it"));
    }

    [Fact]
    public async Task HostEndsWithWithoutDot_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Uri", policy => policy.SetIsOriginAllowed(origin => {|#0:new Uri(origin).Host.EndsWith({|#2:"contoso.com"|})|}));
                options.AddPolicy("TryCreate", policy => policy.SetIsOriginAllowed(origin =>
                    Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == "https" && {|#1:uri.Host.EndsWith({|#3:"contoso.com"|})|}));
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("Policy 'Uri'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"),
            Verify.Diagnostic().WithLocation(1).WithLocation(3).WithArguments("Policy 'TryCreate'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task Patterns_UnanchoredOrWithUnescapedDots_Report()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            var regex = new Regex({|#3:@"^https://[a-z]+\.contoso\.com"|});
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("OpenEnd", policy => policy.SetIsOriginAllowed(origin => {|#0:regex.IsMatch(origin)|}));
                options.AddPolicy("OpenStart", policy => policy.SetIsOriginAllowed(origin => {|#1:Regex.IsMatch(origin, {|#4:@"contoso\.com$"|})|}));
                options.AddPolicy("Dots", policy => policy.SetIsOriginAllowed(origin => {|#2:Regex.IsMatch(origin, {|#5:"^https://app.contoso.com$"|})|}));
            });
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(3).WithArguments("Policy 'OpenEnd'", "https://a.contoso.com.evil.io", "", "the pattern is not anchored at the end ($), so the host may go on after it"),
            Verify.Diagnostic().WithLocation(1).WithLocation(4).WithArguments("Policy 'OpenStart'", "https://evilcontoso.com", "", "the pattern lets other text come before the domain"),
            Verify.Diagnostic().WithLocation(2).WithLocation(5).WithArguments("Policy 'Dots'", "https://appxcontoso.com", "", "an unescaped '.' in the pattern matches any character"));
    }

    [Fact]
    public async Task GeneratedRegex_Reports()
    {
        const string program = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Generated", policy => policy.SetIsOriginAllowed(Origins.IsTrusted)));

            static partial class Origins
            {
                public static bool IsTrusted(string origin) => {|#0:Trusted().IsMatch(origin)|};

                [System.Text.RegularExpressions.GeneratedRegex(@"^https://(app|admin)\.contoso\.com")]
                private static partial System.Text.RegularExpressions.Regex Trusted();
            }
            """;
        const string generated = """
            static partial class Origins
            {
                private static partial System.Text.RegularExpressions.Regex Trusted() => new(@"^https://(app|admin)\.contoso\.com");
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            new[] { program, generated },
            Verify.Diagnostic().WithLocation(0).WithArguments("Policy 'Generated'", "https://app.contoso.com.evil.io", "", "the pattern is not anchored at the end ($), so the host may go on after it"));
    }

    [Fact]
    public async Task PolicyObjectPredicate_InStartup_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    var policy = new CorsPolicy();
                    policy.IsOriginAllowed = origin => {|#0:origin.EndsWith({|#1:"contoso.com"|})|};
                    policy.Methods.Add("GET");
                    services.AddCors(options => options.AddPolicy("Object", policy));
                }
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Object'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task BlockBodyAndMethodGroup_AreRunOnTheAttackersOrigin()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Block", policy => policy.SetIsOriginAllowed(origin =>
                {
                    var host = new Uri(origin).Host;
                    if ({|#0:host.EndsWith({|#2:"contoso.com"|})|})
                    {
                        return true;
                    }

                    return false;
                }));
                options.AddPolicy("Method", policy => policy.SetIsOriginAllowed(IsAllowed));
            });

            static bool IsAllowed(string origin)
            {
                if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
                {
                    return false;
                }

                return {|#1:uri.Host.StartsWith({|#3:"app.contoso.com"|})|};
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(2).WithArguments("Policy 'Block'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"),
            Verify.Diagnostic().WithLocation(1).WithLocation(3).WithArguments("Policy 'Method'", "https://app.contoso.com.evil.io", "", "StartsWith(\"app.contoso.com\") lets the host go on after it"));
    }

    [Fact]
    public async Task PredicateInALocalDelegate_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            Func<string, bool> isTrusted = origin => {|#0:origin.ToLowerInvariant().EndsWith({|#1:"contoso.com"|})|};
            builder.Services.AddCors(options => options.AddPolicy("Delegate", policy => policy.SetIsOriginAllowed(isTrusted).AllowAnyHeader()));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Delegate'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task StrictChecks_DoNotReport()
    {
        const string source = """
            using System.Text.RegularExpressions;

            var builder = WebApplication.CreateBuilder(args);
            var allowed = new HashSet<string> { "https://app.contoso.com" };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Equality", policy => policy.SetIsOriginAllowed(origin => origin == "https://app.contoso.com"));
                options.AddPolicy("Host", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host == "app.contoso.com"));
                options.AddPolicy("Dot", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host.EndsWith(".contoso.com")));
                options.AddPolicy("OriginDot", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(".contoso.com") || origin.EndsWith("://contoso.com")));
                options.AddPolicy("Anchored", policy => policy.SetIsOriginAllowed(origin => Regex.IsMatch(origin, @"^https://[a-z0-9-]+\.contoso\.com$")));
                options.AddPolicy("Set", policy => policy.SetIsOriginAllowed(allowed.Contains));
                options.AddPolicy("Terminated", policy => policy.SetIsOriginAllowed(origin => origin.StartsWith("http://localhost:")));
            });
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WeakCheckCombinedWithAStrictOne_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var allowed = new HashSet<string> { "https://app.contoso.com" };
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Both", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith("contoso.com") && allowed.Contains(origin)));
                options.AddPolicy("Exact", policy => policy.SetIsOriginAllowed(origin => origin.StartsWith("https://") && origin == "https://app.contoso.com"));
                options.AddPolicy("Denied", policy => policy.SetIsOriginAllowed(origin =>
                {
                    if (origin.Contains("contoso"))
                    {
                        return origin == "https://contoso.com";
                    }

                    return false;
                }));
            });
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task WeakCheckOrUnknown_Reports()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            var allowed = new HashSet<string> { "https://app.contoso.com" };
            builder.Services.AddCors(options =>
                options.AddPolicy("Either", policy => policy.SetIsOriginAllowed(origin => allowed.Contains(origin) || {|#0:origin.EndsWith({|#1:"contoso.com"|})|})));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Either'", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task PredicateOnSomePaths_ReportsAsConditional()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Env", policy =>
                {
                    if (builder.Environment.IsDevelopment())
                    {
                        policy.WithOrigins("http://localhost:5173");
                    }
                    else
                    {
                        policy.SetIsOriginAllowed(origin => {|#0:origin.EndsWith({|#1:"contoso.com"|})|});
                    }
                }));
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("Policy 'Env'", "https://evilcontoso.com", " on some code paths", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task PredicateOverriddenByAnyOrigin_OrHandedToAnotherAssembly_DoesNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
            {
                options.AddPolicy("Any", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith("contoso.com")).AllowAnyOrigin());
                options.AddPolicy("Replaced", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith("contoso.com")).SetIsOriginAllowed(origin => origin == "https://contoso.com"));
                options.AddPolicy("Shared", policy => Library.CorsDefaults.Apply(policy.SetIsOriginAllowed(origin => origin.EndsWith("contoso.com"))));
            });
            """;
        const string library = """
            using Microsoft.AspNetCore.Cors.Infrastructure;

            namespace Library;

            public static class CorsDefaults
            {
                public static void Apply(CorsPolicyBuilder policy) => policy.SetIsOriginAllowed(origin => origin == "https://contoso.com");
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, library);
    }

    [Fact]
    public async Task UserMethodsNamedLikeStringMethods_DoNotReport()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options =>
                options.AddPolicy("Custom", policy => policy.SetIsOriginAllowed(origin => Text.EndsWith(origin, "contoso.com"))));

            static class Text
            {
                public static bool EndsWith(string value, string suffix) => value == "https://" + suffix;
            }
            """;

        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task AspNetCore8_EndsWith_Reports()
    {
        const string source = """
            public class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddDefaultPolicy(policy => policy.SetIsOriginAllowed(origin => {|#0:origin.EndsWith({|#1:"contoso.com"|})|})));
            }
            """;

        await Verify.VerifyAnalyzerAsync(
            source,
            AspNetCoreVersion.Net80,
            Verify.Diagnostic().WithLocation(0).WithLocation(1).WithArguments("The default policy", "https://evilcontoso.com", "", "EndsWith(\"contoso.com\") does not require a dot before the domain"));
    }

    [Fact]
    public async Task WithoutAspNetCore_DoesNotReport()
    {
        const string source = """
            public class CorsPolicyBuilder
            {
                public CorsPolicyBuilder SetIsOriginAllowed(Func<string, bool> predicate) => this;
            }

            public static class Program
            {
                public static void Main() => new CorsPolicyBuilder().SetIsOriginAllowed(origin => origin.EndsWith("contoso.com"));
            }
            """;

        await Verify.VerifyAnalyzerAsync(source, AspNetCoreVersion.None);
    }

    [Theory]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => origin.EndsWith(\"contoso.com\") && )))")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => System.Text.RegularExpressions.Regex.IsMatch(origin, \"(\"))))")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => System.Text.RegularExpressions.Regex.IsMatch(origin, \"^https://[a-\"))))")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => new Uri(origin).Host.IndexOf(\"a\") >= )))")]
    [InlineData("builder.Services.AddCors(options => options.AddPolicy(\"P\", policy => policy.SetIsOriginAllowed(origin => Uri.TryCreate(origin, UriKind.Absolute, out ) && )))")]
    public async Task HalfTypedCode_DoesNotThrow(string statement)
        => await AnalyzerRunner.AssertNoAnalyzerExceptionAsync("var builder = WebApplication.CreateBuilder(args);\n" + statement);
}
