using System;
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

    /// <summary>
    /// False when the compilation certainly does not reference <paramref name="assemblyName"/>: every reference is a file
    /// and none is named <c>assemblyName.dll</c>. Reads the reference list only; <see cref="FindAssembly"/> makes the
    /// compiler read the metadata of every reference, which in a project without ASP.NET Core was most of our cost
    /// (27 ms in a 1,000-file compilation). References without a file, and the assembly itself, give true.
    /// </summary>
    public static bool MayReference(Compilation compilation, string assemblyName)
    {
        if (compilation.AssemblyName == assemblyName)
        {
            return true;
        }

        var fileName = assemblyName + ".dll";
        foreach (var reference in compilation.References)
        {
            if (reference is not PortableExecutableReference { FilePath: { } path })
            {
                return true;
            }

            if (path.EndsWith(fileName, StringComparison.OrdinalIgnoreCase)
                && (path.Length == fileName.Length || path[path.Length - fileName.Length - 1] is '/' or '\\'))
            {
                return true;
            }
        }

        return false;
    }

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
