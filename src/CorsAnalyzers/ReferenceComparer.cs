using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CorsAnalyzers;

/// <summary>
/// Identity of the objects themselves, for per-compilation caches keyed by symbols the compiler hands out once per
/// definition: a lookup costs no symbol comparison, and a second object for the same definition would only be asked again.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
