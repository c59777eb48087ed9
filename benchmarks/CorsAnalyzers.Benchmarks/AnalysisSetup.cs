using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CorsAnalyzers.Benchmarks;

/// <summary>What the benchmark compiles against and which analyzers it runs.</summary>
public static class AnalysisSetup
{
    /// <summary>ASP.NET Core's middleware-order analyzer (Web SDK), which every web project runs.</summary>
    public const string StartupAnalyzerName = "StartupAnalyzer";

    /// <summary>Every analyzer in the CorsAnalyzers assembly, so new rules are measured without editing the benchmark.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CorsAnalyzers()
        => Instantiate(typeof(CorsAnalyzer).Assembly.GetTypes());

    /// <summary>
    /// The analyzers a web project runs besides ours, loaded by path as the compiler loads them: the Web SDK's
    /// (StartupAnalyzer and the MVC analyzers) and the ASP.NET Core targeting pack's (Microsoft.AspNetCore.App.Analyzers).
    /// </summary>
    public static ImmutableArray<DiagnosticAnalyzer> AspNetCoreAnalyzers()
        => AspNetCoreAnalyzerPaths().SelectMany(path => Instantiate(LoadTypes(path))).ToImmutableArray();

    public static bool IsStartupAnalyzer(DiagnosticAnalyzer analyzer) => analyzer.GetType().Name == StartupAnalyzerName;

    public static ImmutableArray<string> AspNetCoreAnalyzerPaths()
    {
        var sharedFolder = Path.GetDirectoryName(typeof(CorsPolicyBuilder).Assembly.Location)!;
        var version = Path.GetFileName(sharedFolder);
        var dotnetRoot = Path.GetFullPath(Path.Combine(sharedFolder, "..", "..", ".."));
        var paths = ImmutableArray.CreateBuilder<string>();
        var sdk = Directory.Exists(Path.Combine(dotnetRoot, "sdk"))
            ? Directory.GetDirectories(Path.Combine(dotnetRoot, "sdk")).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
        var webSdkAnalyzers = sdk is null ? null : Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk.Web", "analyzers", "cs");
        if (webSdkAnalyzers is not null && Directory.Exists(webSdkAnalyzers))
        {
            paths.AddRange(Directory.GetFiles(webSdkAnalyzers, "*.dll").Order(StringComparer.Ordinal));
        }

        var pack = Path.Combine(dotnetRoot, "packs", "Microsoft.AspNetCore.App.Ref", version, "analyzers", "dotnet", "cs", "Microsoft.AspNetCore.App.Analyzers.dll");
        if (File.Exists(pack))
        {
            paths.Add(pack);
        }

        return paths.ToImmutable();
    }

    private static Type[] LoadTypes(string path)
    {
        try
        {
            return Assembly.LoadFrom(path).GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            // Editor-only types need Roslyn's Features assemblies, which the compiler does not load either.
            return exception.Types.Where(type => type is not null).ToArray()!;
        }
    }

    /// <summary>This process's framework assemblies: .NET, and ASP.NET Core when <paramref name="aspNetCore"/> is true.</summary>
    public static ImmutableArray<MetadataReference> References(bool aspNetCore)
    {
        var types = aspNetCore ? new[] { typeof(object), typeof(CorsPolicyBuilder) } : new[] { typeof(object) };
        var folders = types.Select(type => Path.GetDirectoryName(type.Assembly.Location)!).ToArray();
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return trusted
            .Where(path => folders.Contains(Path.GetDirectoryName(path), StringComparer.Ordinal))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.VisualBasic", StringComparison.Ordinal))
            .OrderBy(path => path, StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    /// <summary>A compilation of the generated app, parsed once; analyse a <see cref="Compilation.Clone"/> so no run sees another's cached binding.</summary>
    public static CSharpCompilation CreateCompilation(
        int fileCount, bool aspNetCore, int corsFileInterval = WebAppGenerator.DefaultCorsFileInterval, WebAppShape shape = WebAppGenerator.DefaultShape, int programLines = 0)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = WebAppGenerator.Generate(fileCount, aspNetCore, corsFileInterval, shape, programLines)
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, "/app/" + file.Path))
            .ToArray();
        var options = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication,
            nullableContextOptions: NullableContextOptions.Enable,
            concurrentBuild: false);
        return CSharpCompilation.Create("App", trees, References(aspNetCore), options);
    }

    /// <summary>The additional files a build of the app hands the analyzers: the rich app's appsettings.json (the package's build files add it).</summary>
    public static ImmutableArray<AdditionalText> AdditionalFiles(WebAppShape shape, bool aspNetCore = true)
        => aspNetCore && shape == WebAppShape.Rich
            ? ImmutableArray.Create<AdditionalText>(new InMemoryText("/app/" + WebAppGenerator.AppSettingsPath, WebAppGenerator.AppSettings()))
            : ImmutableArray<AdditionalText>.Empty;

    /// <summary>Binds every method body and reports the compiler's diagnostics: the work of a build without analyzers.</summary>
    public static int CompileOnly(Compilation compilation)
        => compilation.Clone().GetDiagnostics().Length;

    /// <summary>The compiler's work plus <paramref name="analyzers"/>, one thread, as a build runs them.</summary>
    public static int CompileWithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, ImmutableArray<AdditionalText> additionalFiles = default)
        => WithAnalyzers(compilation.Clone(), analyzers, logTime: false, additionalFiles)
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    public static CompilationWithAnalyzers WithAnalyzers(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime, ImmutableArray<AdditionalText> additionalFiles = default)
        => compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
                onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw.", exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: logTime));

    /// <summary>A settings file as the compiler hands it to analyzers.</summary>
    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private static ImmutableArray<DiagnosticAnalyzer> Instantiate(Type[] types)
        => types
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .Where(type => type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();
}
