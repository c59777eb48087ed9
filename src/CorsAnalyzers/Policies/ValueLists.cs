using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CorsAnalyzers.Policies;

/// <summary>
/// The origin lists a call may pass, read one element at a time (<see cref="ValueReader.ReadOriginLists"/>): each list
/// grows in place, and an element with alternatives forks every list, up to <see cref="MaxLists"/> lists; past that the
/// element is kept as one unknown value. Growing in place: a 60-origin <c>WithOrigins(...)</c> copied its list once per
/// origin when lists were immutable.
/// </summary>
internal sealed class ValueLists
{
    /// <summary>At most this many lists per call.</summary>
    public const int MaxLists = 8;

    private readonly IOperation _call;
    private List<ImmutableArray<PolicyValue>.Builder> _lists = new() { ImmutableArray.CreateBuilder<PolicyValue>() };

    public ValueLists(IOperation call) => _call = call;

    /// <summary>Each list followed by each alternative of <paramref name="element"/> (one unknown value when that would fork too far).</summary>
    public void Append(ImmutableArray<PolicyValue> alternatives, IOperation element)
    {
        if (alternatives.Length != 1 && (_lists.Count * alternatives.Length > MaxLists || AllUnknown(alternatives)))
        {
            alternatives = ImmutableArray.Create(new PolicyValue(null, element, _call));
        }

        if (alternatives.Length == 1)
        {
            foreach (var list in _lists)
            {
                list.Add(alternatives[0]);
            }

            return;
        }

        var forked = new List<ImmutableArray<PolicyValue>.Builder>(_lists.Count * alternatives.Length);
        foreach (var list in _lists)
        {
            foreach (var value in alternatives)
            {
                var copy = ImmutableArray.CreateBuilder<PolicyValue>(list.Count + 1);
                copy.AddRange(list);
                copy.Add(value);
                forked.Add(copy);
            }
        }

        _lists = forked;
    }

    /// <summary>Each list followed by each list <paramref name="array"/> may be (one unknown value when that would fork too far).</summary>
    public void Concat(ImmutableArray<ImmutableArray<PolicyValue>> alternatives, IOperation array)
    {
        if (alternatives.Length != 1 && _lists.Count * alternatives.Length > MaxLists)
        {
            alternatives = ImmutableArray.Create(ImmutableArray.Create(new PolicyValue(null, array, _call)));
        }

        if (alternatives.Length == 1)
        {
            foreach (var list in _lists)
            {
                list.AddRange(alternatives[0]);
            }

            return;
        }

        var forked = new List<ImmutableArray<PolicyValue>.Builder>(_lists.Count * alternatives.Length);
        foreach (var list in _lists)
        {
            foreach (var values in alternatives)
            {
                var copy = ImmutableArray.CreateBuilder<PolicyValue>(list.Count + values.Length);
                copy.AddRange(list);
                copy.AddRange(values);
                forked.Add(copy);
            }
        }

        _lists = forked;
    }

    public ImmutableArray<ImmutableArray<PolicyValue>> ToImmutable()
    {
        var result = ImmutableArray.CreateBuilder<ImmutableArray<PolicyValue>>(_lists.Count);
        foreach (var list in _lists)
        {
            result.Add(list.ToImmutable());
        }

        return result.MoveToImmutable();
    }

    private static bool AllUnknown(ImmutableArray<PolicyValue> values)
    {
        foreach (var value in values)
        {
            if (value.IsConstant)
            {
                return false;
            }
        }

        return true;
    }
}
