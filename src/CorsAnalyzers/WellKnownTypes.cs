using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

/// <summary>
/// Resolves ASP.NET Core's types from the assembly that declares them. <c>Compilation.GetTypeByMetadataName</c> searches
/// every reference for ambiguities, and in a cold compiler that reads the namespace tables of all ~200 framework
/// assemblies: it was most of the package's cost in a build. Looking in one assembly reads one table.
/// </summary>
internal static class WellKnownTypes
{
    public const string CorsAssembly = "Microsoft.AspNetCore.Cors";

    /// <summary>The referenced assembly named <paramref name="assemblyName"/>, or null.</summary>
    public static IAssemblySymbol? FindAssembly(Compilation compilation, string assemblyName)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Identity.Name == assemblyName)
            {
                return assembly;
            }
        }

        return null;
    }

    /// <summary>
    /// The type from <paramref name="assemblyName"/> when that assembly is referenced and declares it; otherwise the
    /// compilation-wide lookup, so a type that moves to another assembly in a later ASP.NET Core is still found.
    /// </summary>
    public static INamedTypeSymbol? Get(Compilation compilation, string assemblyName, string metadataName)
        => FindAssembly(compilation, assemblyName)?.GetTypeByMetadataName(metadataName)
            ?? compilation.GetTypeByMetadataName(metadataName);
}
