using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Policies;

/// <summary>The value sets of origins: every list a call may pass (see <see cref="ReadOriginLists"/>).</summary>
internal static partial class ValueReader
{
    private const int MaxSetDepth = 6;

    /// <summary>
    /// The origin lists <paramref name="call"/> (<c>WithOrigins</c>, <c>new CorsPolicyBuilder(...)</c>) may pass, one per
    /// combination of the alternatives its arguments hold: <c>a ?? b</c>, <c>c ? a : b</c>, <c>switch</c> arms, the values
    /// assigned to a local before the call, and a configuration read's value in each configuration the app may run with
    /// (<paramref name="configuration"/>; a key no settings file holds stays unknown). Constant values keep the
    /// operation that says them, configuration values the place in their settings file.
    /// </summary>
    public static ImmutableArray<ImmutableArray<PolicyValue>> ReadOriginLists(IOperation call, ImmutableArray<IArgumentOperation> arguments, CorsSymbols symbols)
    {
        var reader = new SetReader(call, symbols);
        var lists = new ValueLists(call);
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    lists.Append(reader.Strings(element, 0), element);
                }
            }
            else
            {
                lists.Concat(reader.Lists(argument.Value, 0), argument.Value);
            }
        }

        return lists.ToImmutable();
    }

    /// <summary>Reads the alternatives of one call's arguments; holds the call, the symbols and the compilation's configuration.</summary>
    private sealed class SetReader
    {
        private readonly IOperation _call;
        private readonly CorsSymbols _symbols;
        private readonly ConfigurationReads? _configuration;

        public SetReader(IOperation call, CorsSymbols symbols)
        {
            _call = call;
            _symbols = symbols;
            _configuration = symbols.Configuration;
        }

        /// <summary>The strings one element may be.</summary>
        public ImmutableArray<PolicyValue> Strings(IOperation element, int depth)
        {
            if (element.ConstantValue is { HasValue: true, Value: string text })
            {
                return ImmutableArray.Create(new PolicyValue(text, element, _call));
            }

            var operation = element.WalkDownConversions();
            if (depth > MaxSetDepth)
            {
                return Unknown(operation);
            }

            switch (operation)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Union(Strings(conditional.WhenTrue, depth + 1), Strings(whenFalse, depth + 1));

                case ICoalesceOperation coalesce:
                    var left = coalesce.Value.WalkDownConversions();
                    var result = new List<PolicyValue>();
                    foreach (var value in Strings(coalesce.Value, depth + 1))
                    {
                        if (value.IsConstant)
                        {
                            result.Add(value);
                            continue;
                        }

                        // Missing from every settings file, or not known: null unless something we cannot see sets it.
                        result.Add(value.IsMissing ? new PolicyValue(null, value.Source, _call) : value);
                        if (value.IsMissing || value.Source == left)
                        {
                            result.AddRange(Strings(coalesce.WhenNull, depth + 1));
                        }
                    }

                    return Distinct(result);

                case ISwitchExpressionOperation @switch:
                    var arms = ImmutableArray<PolicyValue>.Empty;
                    foreach (var arm in @switch.Arms)
                    {
                        arms = Union(arms, Strings(arm.Value, depth + 1));
                    }

                    return arms.IsEmpty ? Unknown(operation) : arms;

                case IConditionalAccessOperation access:
                    return Strings(access.WhenNotNull, depth + 1);

                case ILocalReferenceOperation { Local: var local } reference:
                    var assigned = ImmutableArray<PolicyValue>.Empty;
                    foreach (var value in AssignedValues(local, operation))
                    {
                        assigned = Union(assigned, Strings(value, depth + 1));
                    }

                    // `if (origin == "*") ... else WithOrigins(origin)`: the branch sees only the values its condition leaves.
                    return assigned.IsEmpty ? Unknown(operation) : ValueGuards.Narrow(reference, assigned, _symbols);

                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }
                    when SourceBodies.GetInitializer(field, operation.SemanticModel) is { } initializer:
                    return Strings(initializer, depth + 1);
            }

            if (_configuration is not null && _configuration.TryRead(operation, out var read) && read.Kind == ConfigurationReadKind.String)
            {
                var values = new List<PolicyValue>();
                foreach (var view in _configuration.Files.Views)
                {
                    if (view.Get(read.Key) is { Value: not null } setting)
                    {
                        // An empty value is a placeholder that another source (environment, secrets) fills in.
                        values.Add(IsPlaceholder(setting.Value) ? new PolicyValue(null, operation, _call) : PolicyValue.FromSetting(setting, operation, _call));
                    }
                    else if (read.DefaultValue is { } defaultValue)
                    {
                        // Another source may still set the key; else the default.
                        values.Add(new PolicyValue(null, operation, _call));
                        values.AddRange(Strings(defaultValue, depth + 1));
                    }
                    else
                    {
                        values.Add(PolicyValue.Missing(operation, _call));
                    }
                }

                return Distinct(values);
            }

            return Unknown(operation);
        }

        /// <summary>The lists an array-valued argument may be.</summary>
        public ImmutableArray<ImmutableArray<PolicyValue>> Lists(IOperation array, int depth)
        {
            var operation = array.WalkDownConversions();
            if (depth > MaxSetDepth)
            {
                return UnknownList(operation);
            }

            switch (operation)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return Elements(initializer.ElementValues, depth);

                case IArrayInitializerOperation initializer:
                    // `string[] origins = { "https://a", "https://b" };` has no creation, only the initializer.
                    return Elements(initializer.ElementValues, depth);

                case { Syntax: CollectionExpressionSyntax collection } when collection.Elements.Count == operation.ChildOperations.Count:
                    // Roslyn 4.8 has no ICollectionExpressionOperation; its children are the elements in order.
                    var lists = new ValueLists(_call);
                    var index = 0;
                    foreach (var element in operation.ChildOperations)
                    {
                        var alternatives = collection.Elements[index++] is ExpressionElementSyntax
                            ? Strings(element, depth + 1)
                            : ImmutableArray.Create(new PolicyValue(null, element, _call));
                        lists.Append(alternatives, element);
                    }

                    return lists.ToImmutable();

                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Union(Lists(conditional.WhenTrue, depth + 1), Lists(whenFalse, depth + 1));

                case ICoalesceOperation coalesce:
                    var left = coalesce.Value.WalkDownConversions();
                    var result = ImmutableArray<ImmutableArray<PolicyValue>>.Empty;
                    foreach (var list in Lists(coalesce.Value, depth + 1))
                    {
                        var whole = list.Length == 1 && !list[0].IsConstant ? list[0] : null;
                        if (whole is { IsMissing: true })
                        {
                            result = Union(result, UnknownList(whole.Source));
                        }
                        else
                        {
                            result = Union(result, ImmutableArray.Create(list));
                        }

                        if (whole is not null && (whole.IsMissing || whole.Source == left))
                        {
                            result = Union(result, Lists(coalesce.WhenNull, depth + 1));
                        }
                    }

                    return result;

                case ISwitchExpressionOperation @switch:
                    var arms = ImmutableArray<ImmutableArray<PolicyValue>>.Empty;
                    foreach (var arm in @switch.Arms)
                    {
                        arms = Union(arms, Lists(arm.Value, depth + 1));
                    }

                    return arms.IsEmpty ? UnknownList(operation) : arms;

                case IConditionalAccessOperation access:
                    return Lists(access.WhenNotNull, depth + 1);

                case ILocalReferenceOperation { Local: var local } reference:
                    var assigned = ImmutableArray<ImmutableArray<PolicyValue>>.Empty;
                    foreach (var value in AssignedValues(local, operation))
                    {
                        assigned = Union(assigned, Lists(value, depth + 1));
                    }

                    // `if (origins.Contains("*")) ... else WithOrigins(origins)`: the branch sees only the lists its condition leaves.
                    return assigned.IsEmpty ? UnknownList(operation) : ValueGuards.Narrow(reference, assigned, _symbols);

                case IFieldReferenceOperation { Field: { IsReadOnly: true } field }
                    when SourceBodies.GetInitializer(field, operation.SemanticModel) is { } fieldValue:
                    return Lists(fieldValue, depth + 1);

                case IInvocationOperation { Instance: { } instance } split when split.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String
                    && split.TargetMethod.Name == nameof(string.Split):
                    return Split(split, instance, depth);
            }

            if (_configuration is not null && _configuration.TryRead(operation, out var read) && read.Kind == ConfigurationReadKind.List)
            {
                return ConfigurationLists(operation, read.Key);
            }

            return UnknownList(operation);
        }

        private ImmutableArray<ImmutableArray<PolicyValue>> Elements(ImmutableArray<IOperation> elements, int depth)
        {
            var lists = new ValueLists(_call);
            foreach (var element in elements)
            {
                lists.Append(Strings(element, depth + 1), element);
            }

            return lists.ToImmutable();
        }

        /// <summary>
        /// <c>Get&lt;string[]&gt;()</c> of a section in each configuration: its children in ASP.NET Core's order (an
        /// environment file overrides the elements it lists, index by index); missing when no file holds the section;
        /// unknown when the section is a single value (the binder's conversion of it is not modelled).
        /// </summary>
        private ImmutableArray<ImmutableArray<PolicyValue>> ConfigurationLists(IOperation read, string section)
        {
            var lists = ImmutableArray<ImmutableArray<PolicyValue>>.Empty;
            foreach (var view in _configuration!.Files.Views)
            {
                var children = view.GetChildren(section);
                if (children.Count == 0)
                {
                    lists = Union(lists, view.Get(section) is { Value: not null }
                        ? UnknownList(read)
                        : ImmutableArray.Create(ImmutableArray.Create(PolicyValue.Missing(read, _call))));
                    continue;
                }

                var list = ImmutableArray.CreateBuilder<PolicyValue>(children.Count);
                foreach (var child in children)
                {
                    list.Add(view.Get(child) is { Value: not null, Leaf.IsString: true } setting && !IsPlaceholder(setting.Value)
                        ? PolicyValue.FromSetting(setting, read, _call)
                        : new PolicyValue(null, read, _call));
                }

                lists = Union(lists, ImmutableArray.Create(list.MoveToImmutable()));
            }

            return lists;
        }

        /// <summary>
        /// An empty settings value (<c>"Origins": ""</c>): the file holds the key so that another source sets
        /// it in deployment, and the value is not judged (neither as no origin nor as a malformed one).
        /// </summary>
        private static bool IsPlaceholder(string? value) => value is { Length: 0 };

        /// <summary>
        /// <c>text.Split(',')</c>, with or without <c>StringSplitOptions</c>, of each string <c>text</c> may be; the parts
        /// of a settings value keep their place in the file.
        /// </summary>
        private ImmutableArray<ImmutableArray<PolicyValue>> Split(IInvocationOperation split, IOperation instance, int depth)
        {
            if (!StringSplit.TryReadSeparators(split, out var separators, out var options))
            {
                return UnknownList(split);
            }

            var lists = ImmutableArray<ImmutableArray<PolicyValue>>.Empty;
            foreach (var value in Strings(instance, depth + 1))
            {
                if (value.Value is not { } text)
                {
                    lists = Union(lists, UnknownList(split));
                    continue;
                }

                var parts = ImmutableArray.CreateBuilder<PolicyValue>();
                foreach (var (part, offset) in StringSplit.Parts(text, separators, options))
                {
                    parts.Add(value.Setting is { } setting
                        ? PolicyValue.FromSetting(setting.Slice(part, offset), split, _call)
                        : new PolicyValue(part, split, _call, isPart: true));
                }

                lists = Union(lists, ImmutableArray.Create(parts.ToImmutable()));
            }

            return lists;
        }

        /// <summary>The values assigned to <paramref name="local"/> before <paramref name="use"/>: its initializer and assignments on any path that reaches it.</summary>
        private static List<IOperation> AssignedValues(ILocalSymbol local, IOperation use)
        {
            var values = new List<IOperation>();
            var body = BodyOperations.Of(use);
            if (body.IsWrittenOtherwise(local))
            {
                // Written through ref/out, += or a deconstruction: values we do not follow.
                return values;
            }

            // `var origin = "*"; origin = "https://app.contoso.com";`: an assignment every path runs hides the initializer.
            if (body.LastAssignmentOnEveryPath(local, use.Syntax.SpanStart) is null
                && SourceBodies.GetInitializer(local, use.SemanticModel) is { } initializer)
            {
                values.Add(initializer);
            }

            body.AddAssignedValuesBefore(local, use.Syntax.SpanStart, values);
            return values;
        }

        private ImmutableArray<PolicyValue> Unknown(IOperation operation) => ImmutableArray.Create(new PolicyValue(null, operation, _call));

        private ImmutableArray<ImmutableArray<PolicyValue>> UnknownList(IOperation operation) => ImmutableArray.Create(Unknown(operation));

        private static ImmutableArray<PolicyValue> Union(ImmutableArray<PolicyValue> left, ImmutableArray<PolicyValue> right)
        {
            var values = new List<PolicyValue>(left);
            values.AddRange(right);
            return Distinct(values);
        }

        private static ImmutableArray<PolicyValue> Distinct(List<PolicyValue> values)
        {
            var seen = new HashSet<object>();
            var result = ImmutableArray.CreateBuilder<PolicyValue>(values.Count);
            foreach (var value in values)
            {
                if (seen.Add(value.IsMissing ? (value.Source, true) : value.Identity))
                {
                    result.Add(value);
                }
            }

            return result.ToImmutable();
        }

        private static ImmutableArray<ImmutableArray<PolicyValue>> Union(ImmutableArray<ImmutableArray<PolicyValue>> left, ImmutableArray<ImmutableArray<PolicyValue>> right)
        {
            if (left.IsEmpty)
            {
                return right;
            }

            var result = ImmutableArray.CreateBuilder<ImmutableArray<PolicyValue>>(left.Length + right.Length);
            result.AddRange(left);
            foreach (var list in right)
            {
                if (!ContainsList(result, list))
                {
                    result.Add(list);
                }
            }

            return result.ToImmutable();
        }

        private static bool ContainsList(ImmutableArray<ImmutableArray<PolicyValue>>.Builder lists, ImmutableArray<PolicyValue> list)
        {
            foreach (var candidate in lists)
            {
                if (candidate.Length != list.Length)
                {
                    continue;
                }

                var same = true;
                for (var i = 0; i < list.Length && same; i++)
                {
                    same = Equals(candidate[i].Identity, list[i].Identity) && candidate[i].Value == list[i].Value && candidate[i].IsMissing == list[i].IsMissing;
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
