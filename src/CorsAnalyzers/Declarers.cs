using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers;

/// <summary>Who declared a method, type or constructor, as far as CORS cares: the assembly it is declared in.</summary>
[Flags]
internal enum Declarer
{
    None = 0,

    /// <summary>The compilation itself: the app's own code.</summary>
    Source = 1,

    /// <summary>Microsoft.AspNetCore.Cors: CorsOptions, UseCors, RequireCors, AddCors.</summary>
    Cors = 2,

    /// <summary>ASP.NET Core's other assemblies (signed with its key).</summary>
    Framework = 4,

    /// <summary>The .NET runtime's libraries, which never see ASP.NET Core's types.</summary>
    Platform = 8,

    /// <summary>Anything else: code we cannot see (a library, another project of the solution).</summary>
    Other = 16,
}

/// <summary>
/// Sorts assemblies into <see cref="Declarer"/>s, once per assembly and compilation. The first question the
/// <see cref="CallFilter"/> asks of a method it has not met: a model hears only of methods whose declarer it reads (the
/// policy model of the CORS assembly's, the header model of no method of the app's own), so most of the app's own methods
/// are settled without any model's symbol comparisons.
/// </summary>
internal sealed class Declarers
{
    // Tokens of the .NET runtime's own keys (System.Private.CoreLib, System.Runtime, System.Collections, ...): code that
    // never takes an app's services, pipeline or CORS options. Arrays, not an ImmutableArray of ImmutableArrays: that
    // instantiation over a value type is in no precompiled image, and the JIT compiled seven of its methods in every build.
    private static readonly byte[][] PlatformKeys =
    {
        new byte[] { 0xb7, 0x7a, 0x5c, 0x56, 0x19, 0x34, 0xe0, 0x89 },
        new byte[] { 0xb0, 0x3f, 0x5f, 0x7f, 0x11, 0xd5, 0x0a, 0x3a },
        new byte[] { 0xcc, 0x7b, 0x13, 0xff, 0xcd, 0x2d, 0xdd, 0x51 },

        // System.Private.CoreLib, when a host compiles against the runtime's own assemblies instead of reference packs.
        new byte[] { 0x7c, 0xec, 0x85, 0xd7, 0xbe, 0xa7, 0x79, 0x8e },
    };

    private readonly IAssemblySymbol _source;
    private readonly IAssemblySymbol _cors;
    private readonly byte[] _corsKey;
    private readonly IdentityCache<Declarer> _kinds;

    public Declarers(Compilation compilation, IAssemblySymbol corsAssembly)
    {
        _source = compilation.Assembly;
        _cors = corsAssembly;
        var corsKey = corsAssembly.Identity.PublicKeyToken;
        _corsKey = new byte[corsKey.Length];
        for (var i = 0; i < corsKey.Length; i++)
        {
            _corsKey[i] = corsKey[i];
        }
        _kinds = new IdentityCache<Declarer>(assembly => Classify((IAssemblySymbol)assembly));
    }

    /// <summary>Who declared <paramref name="assembly"/>'s code; <see cref="Declarer.Platform"/> for none (an error type's).</summary>
    public Declarer Of(IAssemblySymbol? assembly) => assembly is null ? Declarer.Platform : _kinds.Get(assembly);

    /// <summary>Who declared each of <paramref name="types"/>, together (null entries add nothing): what a model reads that only reads their members.</summary>
    public Declarer Of(params ITypeSymbol?[] types)
    {
        var declarers = Declarer.None;
        foreach (var type in types)
        {
            if (type is not null)
            {
                declarers |= Of(type.ContainingAssembly);
            }
        }

        return declarers;
    }

    private Declarer Classify(IAssemblySymbol assembly)
    {
        if (SymbolEqualityComparer.Default.Equals(assembly, _source))
        {
            return Declarer.Source;
        }

        if (SymbolEqualityComparer.Default.Equals(assembly, _cors))
        {
            return Declarer.Cors;
        }

        var token = assembly.Identity.PublicKeyToken;
        if (!assembly.Identity.IsStrongName)
        {
            return Declarer.Other;
        }

        if (SameKey(token, _corsKey))
        {
            return Declarer.Framework;
        }

        foreach (var key in PlatformKeys)
        {
            if (SameKey(token, key))
            {
                return Declarer.Platform;
            }
        }

        return Declarer.Other;
    }

    private static bool SameKey(ImmutableArray<byte> a, byte[] b)
    {
        if (a.Length != b.Length || a.IsEmpty)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
