using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers;

/// <summary>
/// Base of every CORS rule: resolves <see cref="CorsSymbols"/> once per compilation and registers nothing
/// when the compilation does not reference ASP.NET Core's CORS types.
/// </summary>
public abstract class CorsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (CorsSymbols.TryCreate(start.Compilation, out var symbols))
            {
                AnalyzeCompilation(start, symbols);
            }
        });
    }

    private protected abstract void AnalyzeCompilation(CompilationStartAnalysisContext context, CorsSymbols symbols);
}
