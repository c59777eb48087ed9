using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CorsAnalyzers.EndToEnd.Tests.Infrastructure;

/// <summary>Where a snippet goes in a generated app.</summary>
public enum CodeSection
{
    /// <summary>A statement inside <c>AddCors(options => { ... })</c>; <c>options</c> is the <c>CorsOptions</c>.</summary>
    Services,

    /// <summary>A statement of the request pipeline; <c>app</c> is the <c>WebApplication</c> or <c>IApplicationBuilder</c>.</summary>
    Pipeline,
}

/// <summary>How the generated app is hosted.</summary>
public enum Hosting
{
    /// <summary>Top-level statements in Program.cs (WebApplication.CreateBuilder).</summary>
    Minimal,

    /// <summary>A Startup class with ConfigureServices and Configure, started by the generic host from Program.Main.</summary>
    Startup,
}

/// <summary>A snippet of user code; in a mistake, <c>[|...|]</c> marks the span the diagnostic must cover.</summary>
public sealed record Snippet(CodeSection Section, string Code);

/// <summary>A diagnostic the build must print: where (file, 1-based line and column, end exclusive) and what.</summary>
public sealed record ExpectedDiagnostic(string File, int Line, int Column, int EndLine, int EndColumn, string Id, string Severity)
{
    public string Key => $"{File}({Line},{Column}): {Severity} {Id}";

    public override string ToString() => Key;
}

/// <summary>The files of a generated app and the diagnostics they must produce.</summary>
public sealed class AppSource
{
    private AppSource(IReadOnlyDictionary<string, string> files, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Files = files;
        Expected = expected;
    }

    public IReadOnlyDictionary<string, string> Files { get; }

    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public IReadOnlyList<string> ExpectedKeys => Expected.Select(e => e.Key).OrderBy(key => key, StringComparer.Ordinal).ToList();

    /// <summary>The expected diagnostics <c>dotnet build</c> prints: all but the info ones (<see cref="Mistake.Info"/>).</summary>
    public IReadOnlyList<string> ExpectedBuildOutputKeys => Expected.Where(e => e.Severity != Mistake.Info).Select(e => e.Key).OrderBy(key => key, StringComparer.Ordinal).ToList();

    /// <summary>An app whose code is the given snippets; each mistake's marked span is an expected diagnostic.</summary>
    public static AppSource Create(Hosting hosting, IEnumerable<Snippet> snippets, IEnumerable<Mistake>? mistakes = null)
    {
        var all = snippets.Select(snippet => (snippet, (Mistake?)null))
            .Concat((mistakes ?? Enumerable.Empty<Mistake>()).Select(mistake => (mistake.Snippet, (Mistake?)mistake)))
            .ToList();
        return hosting == Hosting.Minimal ? Minimal(all) : Startup(all);
    }

    private static AppSource Minimal(List<(Snippet Snippet, Mistake? Mistake)> snippets)
    {
        var program = new SourceWriter("Program.cs");
        program.Line("var builder = WebApplication.CreateBuilder(args);");
        program.Line();
        program.Line("builder.Services.AddCors(options =>");
        program.Line("{");
        program.Snippets(snippets, CodeSection.Services, indent: "    ");
        program.Line("});");
        program.Line();
        program.Line("var app = builder.Build();");
        program.Line();
        program.Snippets(snippets, CodeSection.Pipeline, indent: "");
        program.Line();
        program.Line("app.MapGet(\"/\", () => \"Hello CORS\");");
        program.Line();
        program.Line("app.Run();");
        return new AppSource(
            new Dictionary<string, string> { [program.File] = program.Text },
            program.Expected);
    }

    private static AppSource Startup(List<(Snippet Snippet, Mistake? Mistake)> snippets)
    {
        const string program = """
            public static class Program
            {
                public static void Main(string[] args)
                    => Host.CreateDefaultBuilder(args)
                        .ConfigureWebHostDefaults(web => web.UseStartup<Startup>())
                        .Build()
                        .Run();
            }

            """;

        var startup = new SourceWriter("Startup.cs");
        startup.Line("public sealed class Startup");
        startup.Line("{");
        startup.Line("    public void ConfigureServices(IServiceCollection services)");
        startup.Line("    {");
        startup.Line("        services.AddCors(options =>");
        startup.Line("        {");
        startup.Snippets(snippets, CodeSection.Services, indent: "            ");
        startup.Line("        });");
        startup.Line("    }");
        startup.Line();
        startup.Line("    public void Configure(IApplicationBuilder app)");
        startup.Line("    {");
        startup.Snippets(snippets, CodeSection.Pipeline, indent: "        ");
        startup.Line("        app.UseEndpoints(endpoints => endpoints.MapGet(\"/\", () => \"Hello CORS\"));");
        startup.Line("    }");
        startup.Line("}");
        return new AppSource(
            new Dictionary<string, string> { ["Program.cs"] = program, [startup.File] = startup.Text },
            startup.Expected);
    }

    /// <summary>Writes lines and turns <c>[|...|]</c> markers into expected diagnostics at the place they end up.</summary>
    private sealed class SourceWriter
    {
        private readonly StringBuilder _text = new();
        private readonly List<ExpectedDiagnostic> _expected = new();
        private int _line;

        public SourceWriter(string file) => File = file;

        public string File { get; }

        public string Text => _text.ToString();

        public IReadOnlyList<ExpectedDiagnostic> Expected => _expected;

        public void Line(string text = "")
        {
            _text.Append(text).Append('\n');
            _line++;
        }

        public void Snippets(List<(Snippet Snippet, Mistake? Mistake)> snippets, CodeSection section, string indent)
        {
            foreach (var (snippet, mistake) in snippets.Where(s => s.Snippet.Section == section))
            {
                Snippet(snippet.Code, indent, mistake);
            }
        }

        private void Snippet(string code, string indent, Mistake? mistake)
        {
            (int Line, int Column)? start = null;
            (int Line, int Column)? end = null;
            foreach (var rawLine in code.Replace("\r\n", "\n").Split('\n'))
            {
                var line = new StringBuilder(rawLine.Length == 0 ? string.Empty : indent);
                for (var i = 0; i < rawLine.Length; i++)
                {
                    if (string.CompareOrdinal(rawLine, i, "[|", 0, 2) == 0)
                    {
                        start = (_line + 1, line.Length + 1);
                        i++;
                    }
                    else if (string.CompareOrdinal(rawLine, i, "|]", 0, 2) == 0)
                    {
                        end = (_line + 1, line.Length + 1);
                        i++;
                    }
                    else
                    {
                        line.Append(rawLine[i]);
                    }
                }

                Line(line.ToString());
            }

            if (mistake is null)
            {
                return;
            }

            if (start is null || end is null)
            {
                throw new ArgumentException($"The {mistake.Id} snippet has no [|...|] span: {code}");
            }

            _expected.Add(new ExpectedDiagnostic(File, start.Value.Line, start.Value.Column, end.Value.Line, end.Value.Column, mistake.Id, mistake.Severity));
        }
    }
}
