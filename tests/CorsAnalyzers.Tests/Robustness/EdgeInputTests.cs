using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Tests.Robustness;

/// <summary>Inputs no test snippet has: empty, huge, deep, non-constant, preprocessed, generated and split code. Every analyzer of the package runs.</summary>
public class EdgeInputTests
{
    private const string AnyOriginWithCredentialsId = "CORS001";

    private const string OpenPolicy = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options =>
            options.AddPolicy("Open", policy => policy.AllowAnyOrigin().AllowAnyMethod().AllowCredentials()));
        var app = builder.Build();
        app.Run();
        """;

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    [InlineData("// nothing here")]
    [InlineData("#nullable enable")]
    [InlineData("namespace Empty;")]
    [InlineData("\"\"\"")]
    [InlineData("}}}}{{{{)))(((;;;")]
    [InlineData("options.AddPolicy(")]
    [InlineData("new CorsPolicyBuilder(")]
    [InlineData("class C { void M(CorsPolicyBuilder p) => p.")]
    public async Task EmptyOrGarbageFile_NoAnalyzerThrows(string source)
    {
        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException(source);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task PolicyInsideLambdasNestedTwoHundredDeep_IsStillFound()
    {
        const int depth = 200;
        var source = new StringBuilder("var builder = WebApplication.CreateBuilder(args);\n");
        for (var level = 0; level < depth; level++)
        {
            source.Append($"Action a{level} = () => {{\n");
        }

        source.Append("builder.Services.AddCors(options => options.AddPolicy(\"Deep\", policy => { Func<CorsPolicyBuilder, CorsPolicyBuilder> f = p => p; f(policy).AllowAnyMethod(); policy.AllowAnyOrigin().AllowCredentials(); }));\n");
        source.Append(string.Concat(Enumerable.Repeat("};\n", depth)));

        var run = await AnalyzerRun.AnalyzeAsync(source.ToString());

        run.AssertNoAnalyzerException("nested lambdas");
        Assert.Single(run.Reported(AnyOriginWithCredentialsId));
    }

    [Fact]
    public async Task ConfigureDelegatesNestedTwoHundredDeep_NoAnalyzerThrows()
    {
        const int depth = 200;
        var source = new StringBuilder("""
            static class Nested
            {
                public static void Configure(CorsOptions options)
                {
            """);
        for (var level = 0; level < depth; level++)
        {
            source.Append($"options.AddPolicy(\"P{level}\", p{level} => {{ p{level}.WithOrigins(\"https://{level}.example\");\n");
        }

        source.Append("p0.AllowAnyOrigin().AllowCredentials();\n");
        source.Append(string.Concat(Enumerable.Repeat("});\n", depth)));
        source.Append("}\n}\n");

        var run = await AnalyzerRun.AnalyzeAsync(source.ToString());

        run.AssertNoAnalyzerException("nested configure delegates");
    }

    [Fact]
    public async Task FluentChainOfFiveThousandCalls_IsStillFound()
    {
        var chain = new StringBuilder("policy.AllowAnyOrigin()");
        for (var call = 0; call < 5_000; call++)
        {
            chain.Append(call % 2 == 0 ? ".AllowAnyMethod()" : ".AllowAnyHeader()");
        }

        var source = OpenPolicy.Replace("policy.AllowAnyOrigin().AllowAnyMethod()", chain.ToString(), StringComparison.Ordinal);

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException("5,000-call chain");
        Assert.Single(run.Reported(AnyOriginWithCredentialsId));
    }

    [Fact]
    public async Task FluentChainOfFiveThousandWithOrigins_NoAnalyzerThrows()
    {
        var chain = new StringBuilder("policy");
        for (var call = 0; call < 5_000; call++)
        {
            chain.Append($".WithOrigins(\"https://o{call}.example\")");
        }

        var source = OpenPolicy.Replace("policy.AllowAnyOrigin()", chain.ToString(), StringComparison.Ordinal);

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException("5,000 WithOrigins calls");
        Assert.Empty(run.Reported(AnyOriginWithCredentialsId));
    }

    [Fact]
    public async Task UnrelatedFluentChainOfFiveThousandCalls_NoAnalyzerThrows()
    {
        var chain = new StringBuilder("new System.Text.StringBuilder()");
        for (var call = 0; call < 5_000; call++)
        {
            chain.Append($".Append({call})");
        }

        var run = await AnalyzerRun.AnalyzeAsync(OpenPolicy + $"\nstatic class Text {{ public static string Build() => {chain}.ToString(); }}\n");

        run.AssertNoAnalyzerException("5,000-call StringBuilder chain");
        Assert.Single(run.Reported(AnyOriginWithCredentialsId));
    }

    [Theory]
    [InlineData("policy.WithOrigins({0}).AllowCredentials()", 0)]
    [InlineData("policy.WithOrigins({0}, \"*\").AllowCredentials()", 0)]
    [InlineData("policy.WithOrigins(new[] {{ {0} }}).AllowCredentials()", 0)]
    [InlineData("policy.WithOrigins([{0}]).AllowCredentials()", 0)]
    [InlineData("policy.WithOrigins({0}).AllowAnyOrigin().AllowCredentials()", 1)]
    public async Task WithOriginsOfTenThousandArguments_NoAnalyzerThrows(string configure, int expected)
    {
        var origins = string.Join(", ", Enumerable.Range(0, 10_000).Select(index => $"\"https://o{index}.example\""));
        var source = OpenPolicy.Replace(
            "policy.AllowAnyOrigin().AllowAnyMethod().AllowCredentials()",
            string.Format(configure, origins),
            StringComparison.Ordinal);

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException(configure);
        Assert.Equal(expected, run.Reported(AnyOriginWithCredentialsId).Length);
    }

    [Fact]
    public async Task NonConstantEverything_NoAnalyzerThrows()
    {
        const string source = """
            using System.Reflection;

            public static class Dynamic
            {
                public static void Configure(IServiceCollection services, IConfiguration configuration, Func<string> name, Func<string[]> origins,
                    Action<CorsPolicyBuilder> configure, Func<string, bool> predicate, bool flag, CorsPolicyBuilder other, dynamic anything)
                {
                    var methods = configuration.GetSection("Methods").Get<string[]>()!;
                    services.AddCors(options =>
                    {
                        options.AddPolicy(name(), configure);
                        options.AddPolicy(name(), policy => policy.WithOrigins(origins()).WithOrigins(origins()[0]).WithMethods(methods)
                            .SetIsOriginAllowed(predicate).SetPreflightMaxAge(TimeSpan.FromSeconds(methods.Length)).AllowCredentials());
                        options.AddPolicy(name(), policy =>
                        {
                            var chosen = flag ? policy : other;
                            chosen.AllowAnyOrigin();
                            (flag ? policy : other).AllowCredentials();
                            anything.AllowAnyOrigin(policy);
                            ((dynamic)policy).AllowAnyOrigin();
                            typeof(CorsPolicyBuilder).GetMethod(name())!.Invoke(policy, null);
                            configure(policy);
                            configure += p => p.AllowAnyOrigin();
                            configure?.Invoke(policy);
                        });
                        options.AddPolicy(name(), flag ? configure : p => p.AllowAnyOrigin().AllowCredentials());
                        options.AddPolicy(name(), configure is null ? null! : new CorsPolicyBuilder(origins()).AllowCredentials().Build());
                        options.AddDefaultPolicy(Pick(flag));
                        anything.AddPolicy(name(), (Action<CorsPolicyBuilder>)(p => p.AllowAnyOrigin()));
                    });
                }

                private static Action<CorsPolicyBuilder> Pick(bool flag) => flag ? p => p.AllowAnyOrigin().AllowCredentials() : p => { };
            }
            """;

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException("non-constant configuration");
    }

    [Theory]
    [InlineData(new string[0], 0)]
    [InlineData(new[] { "DEBUG" }, 1)]
    public async Task PolicyInIfRegion_FollowsDefinedSymbols(string[] symbols, int expected)
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("Dev", policy =>
            {
            #if DEBUG
                policy.AllowAnyOrigin();
            #else
                policy.WithOrigins("https://app.example");
            #endif
                policy.AllowCredentials();
            }));
            #if DEBUG && !RELEASE
            builder.Services.AddCors(options => options.AddPolicy(
            #endif
            var app = builder.Build();
            app.Run();
            """;

        var run = await AnalyzerRun.AnalyzeAsync(source, AnalyzerRun.ParseOptions.WithPreprocessorSymbols(symbols));

        run.AssertNoAnalyzerException(string.Join(",", symbols));
        Assert.Equal(expected, run.Reported(AnyOriginWithCredentialsId).Length);
    }

    [Fact]
    public async Task UnterminatedIfRegions_NoAnalyzerThrows()
    {
        var source = OpenPolicy.Replace("policy.AllowAnyOrigin()", "policy\n#if A\n.AllowAnyOrigin()\n#elif\n#else B\n.WithOrigins(\"x\")", StringComparison.Ordinal);

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException("unterminated #if");
    }

    [Theory]
    [InlineData("// <auto-generated/>\n", "/0/Program.cs")]
    [InlineData("// <auto-generated>\n// Generated by a tool.\n// </auto-generated>\n", "/0/Program.cs")]
    [InlineData("", "/0/Program.g.cs")]
    [InlineData("", "/0/Program.designer.cs")]
    public async Task GeneratedCode_IsSkipped(string header, string path)
    {
        var compilation = AnalyzerRun.CreateCompilation(new[] { AnalyzerRun.Parse(header + OpenPolicy, path) });

        var run = await AnalyzerRun.AnalyzeAsync(compilation);

        run.AssertNoAnalyzerException(path);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task GeneratedCodeAttribute_IsSkipped()
    {
        const string source = """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            static class Generated
            {
                public static void Configure(CorsOptions options)
                    => options.AddPolicy("Open", policy => policy.AllowAnyOrigin().AllowCredentials());
            }
            """;

        var run = await AnalyzerRun.AnalyzeAsync(source);

        run.AssertNoAnalyzerException("[GeneratedCode]");
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public async Task PartialStartupAcrossFiles_IsFound()
    {
        const string services = """
            public partial class Startup
            {
                public void ConfigureServices(IServiceCollection services)
                    => services.AddCors(options => options.AddPolicy("Split", ConfigurePolicy));

                private partial void ConfigurePolicy(CorsPolicyBuilder policy);

                partial void Unimplemented(CorsPolicyBuilder policy);
            }
            """;
        const string policy = """
            public partial class Startup
            {
                private partial void ConfigurePolicy(CorsPolicyBuilder policy)
                {
                    Unimplemented(policy);
                    policy.AllowAnyOrigin().AllowCredentials();
                }

                public void Configure(IApplicationBuilder app) => app.UseCors("Split");
            }
            """;
        var compilation = AnalyzerRun.CreateCompilation(new[] { AnalyzerRun.Parse(services, "/0/Startup.cs"), AnalyzerRun.Parse(policy, "/0/Startup.Cors.cs") });

        var run = await AnalyzerRun.AnalyzeAsync(compilation);

        run.AssertNoAnalyzerException("partial class");
        Assert.DoesNotContain(compilation.GetDiagnostics(), diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        Assert.Single(run.Reported(AnyOriginWithCredentialsId));
    }

    [Fact]
    public async Task ShuffledTokensOfEverySnippet_NoAnalyzerThrows()
    {
        var random = new Random(6);
        var (analysed, compilerCrashes) = (0, 0);
        foreach (var source in TestSources.All)
        {
            var tokens = AnalyzerRun.Parse(source.Text).GetRoot().DescendantTokens().Select(token => token.ToFullString()).ToArray();
            for (var shuffle = 0; shuffle < 5; shuffle++)
            {
                var shuffled = string.Concat(tokens.OrderBy(_ => random.Next()));
                var compilation = AnalyzerRun.CreateCompilation(new[] { AnalyzerRun.Parse(shuffled) });
                if (!CompilerBinds(compilation))
                {
                    // Roslyn 4.8's own binder throws on a few token soups (a tuple deconstruction of nothing): the compiler
                    // cannot compile them with or without analyzers, so there is no analyzer run to judge.
                    compilerCrashes++;
                    continue;
                }

                var run = await AnalyzerRun.AnalyzeAsync(compilation);
                run.AssertNoAnalyzerException($"{source.Name}, shuffle {shuffle}");
                analysed++;
            }
        }

        Assert.True(compilerCrashes * 100 < analysed, $"{compilerCrashes} of {analysed + compilerCrashes} shuffles crash the compiler itself");
    }

    private static bool CompilerBinds(Compilation compilation)
    {
        try
        {
            compilation.GetDiagnostics();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
