using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Configuration;

/// <summary>
/// Options objects filled from a section: <c>section.Get&lt;CorsSettings&gt;()</c>, a new object handed to
/// <c>section.Bind(settings)</c>, and the value of <c>IOptions&lt;CorsSettings&gt;</c> (ConfigurationReads.Options.cs); a property
/// read of such an object is a read of the section's key of that name.
/// </summary>
internal sealed partial class ConfigurationReads
{
    /// <summary>An object bound by <c>section.Get&lt;CorsSettings&gt;()</c> (a class, not a string or list), directly or through a local.</summary>
    private bool TryBoundObject(IOperation operation, int depth, out string section)
    {
        section = string.Empty;
        operation = operation.WalkDownConversions();
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (operation)
        {
            case ILocalReferenceOperation { Local: var local } reference:
                if (SourceBodies.GetInitializer(local, operation.SemanticModel) is not { } initializer)
                {
                    return false;
                }

                // `var settings = section.Get<CorsSettings>()`, or `var settings = new CorsSettings(); section.Bind(settings);`.
                return TryBoundObject(initializer, depth + 1, out section)
                    || (initializer.WalkDownConversions() is IObjectCreationOperation { Initializer: null, Type: INamedTypeSymbol { TypeKind: TypeKind.Class } created }
                        && Kind(created) is null && TryBoundByBind(local, reference, out section));

            case IConditionalAccessInstanceOperation:
                for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent is IConditionalAccessOperation access)
                    {
                        return TryBoundObject(access.Operation, depth + 1, out section);
                    }
                }

                return false;

            case IPropertyReferenceOperation { Property.IsIndexer: false } optionsValue when TryOptionsValue(optionsValue, out var bound):
                // `options.Value` of an IOptions<CorsSettings> (a parameter, a service): the section bound to the type.
                return TryOptionsSection(bound, out section);

            case ICoalesceOperation coalesce:
                // `Get<CorsSettings>() ?? new CorsSettings()`: the bound object when the section exists.
                return TryBoundObject(coalesce.Value, depth + 1, out section);

            case IInvocationOperation invocation when IsBinder(invocation.TargetMethod, out var method) && method.Name == "Get"
                && method.TypeArguments.Length == 1 && method.TypeArguments[0] is INamedTypeSymbol { TypeKind: TypeKind.Class, SpecialType: SpecialType.None } bound
                && Kind(bound) is null && invocation.Arguments.Length >= 1
                && TrySection(invocation.Arguments[0].Value, 0, out var path) && path is not null:
                section = path;
                return true;

            default:
                return false;
        }
    }

    /// <summary>
    /// The section a new object in <paramref name="local"/> is bound from by <c>section.Bind(local)</c> or
    /// <c>config.Bind("Key", local)</c>: the body's only call the object is handed to, with the local never assigned again
    /// and no member of it assigned (any other call, or a second Bind, could change what it holds: then unknown).
    /// </summary>
    private bool TryBoundByBind(ILocalSymbol local, IOperation use, out string section)
    {
        section = string.Empty;
        var body = BodyOperations.Of(use);
        if (body.IsAssigned(local) || body.IsWrittenOtherwise(local) || body.AssignsMembersOf(local))
        {
            return false;
        }

        string? bound = null;
        foreach (var invocation in body.Invocations)
        {
            if (invocation.Instance?.WalkDownConversions() is ILocalReferenceOperation receiver && SymbolEqualityComparer.Default.Equals(receiver.Local, local))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WalkDownConversions() is not ILocalReferenceOperation passed || !SymbolEqualityComparer.Default.Equals(passed.Local, local))
                {
                    continue;
                }

                if (bound is not null || BindTarget(invocation, argument) is not { } path)
                {
                    return false;
                }

                bound = path;
            }
        }

        section = bound ?? string.Empty;
        return bound is not null;
    }

    /// <summary>The section <c>ConfigurationBinder.Bind</c> binds <paramref name="instance"/> from; null for any other call, or the root.</summary>
    private string? BindTarget(IInvocationOperation invocation, IArgumentOperation instance)
    {
        if (!IsBinder(invocation.TargetMethod, out var method) || method.Name != "Bind" || instance.Parameter?.Name != "instance"
            || invocation.Arguments.Length == 0 || !TrySection(invocation.Arguments[0].Value, 0, out var parent))
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "key")
            {
                return ReadKey(argument.Value) is { } key ? Combine(parent, key) : null;
            }
        }

        return parent;
    }
}
