using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Pipeline;

/// <summary>
/// The compilation-wide part of the middleware-order model: which builder a call adds middleware to, what the pipeline
/// helpers declared in source add, which services they register, and whether any endpoint declares CORS metadata.
/// One instance per compilation; its caches are safe for concurrent use.
/// </summary>
internal sealed class PipelineModel
{
    /// <summary>How deep helpers calling helpers are followed.</summary>
    private const int MaxHelperDepth = 4;

    // Keyed by the helper's builder parameter, and holding reference types only: instantiations of the collections
    // over our own value types were compiled by the JIT in every build, and cost more than the lookups they served.
    private readonly ConcurrentDictionary<IParameterSymbol, MiddlewareKind[]> _helperKinds = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, HelperRegistrations> _helperRegistrations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, CallRole> _roles = new(ReferenceComparer<IMethodSymbol>.Instance);
    private readonly Compilation _compilation;
    private readonly SourceBodies.SourceNames _sourceNames;

    // The names a helper's calls need for following it to find anything (SourceBodies.MayCall); one delegate each.
    private static readonly Func<string, bool> IsMiddlewareName = PipelineSymbols.IsMiddlewareName;
    private static readonly Func<string, bool> IsRegistrationName = PipelineSymbols.IsRegistrationName;
    private int _declaresCorsMetadata; // 0 unknown, 1 no, 2 yes

    public PipelineModel(Compilation compilation, PipelineSymbols symbols)
    {
        _compilation = compilation;
        _sourceNames = new SourceBodies.SourceNames(compilation);
        Symbols = symbols;
    }

    public PipelineSymbols Symbols { get; }

    /// <summary>
    /// The local or parameter whose pipeline <paramref name="builder"/> adds to: <c>app</c> in <c>app.UseCors()</c> and in
    /// <c>app.UseRouting().UseCors()</c>; null for anything else (a field, a property, a method's result).
    /// </summary>
    public ISymbol? ResolveBuilder(IOperation? builder)
    {
        while (builder is not null)
        {
            switch (builder)
            {
                case IConversionOperation conversion:
                    builder = conversion.Operand;
                    break;
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IInvocationOperation invocation when Symbols.IsApplicationBuilder(invocation.Type) && IsChainLink(invocation.TargetMethod):
                    // Pipeline methods return the builder they were called on, whether or not we classify the middleware
                    // they add: `app.UseForwardedHeaders(options).UseAuthorization().UseCors("Api")` is one pipeline.
                    builder = ThisArgument(invocation);
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// A call that returns the builder it is called on: every extension method on a builder that returns a builder
    /// (<c>UseX(this IApplicationBuilder app, ...)</c>, by ASP.NET Core's convention), and <c>IApplicationBuilder.Use</c>.
    /// Not <c>IApplicationBuilder.New()</c>, which starts another pipeline.
    /// </summary>
    private bool IsChainLink(IMethodSymbol method)
    {
        var unreduced = PipelineSymbols.Unreduced(method);
        if (unreduced.IsExtensionMethod)
        {
            return unreduced.Parameters.Length > 0 && Symbols.IsApplicationBuilder(unreduced.Parameters[0].Type);
        }

        return !unreduced.IsStatic && unreduced.Parameters.Length == 1 && Symbols.IsApplicationBuilder(unreduced.ContainingType)
            && unreduced.Parameters[0].Type.TypeKind == TypeKind.Delegate;
    }

    /// <summary>The receiver of an instance call or the <c>this</c> argument of an extension call.</summary>
    public static IOperation? ThisArgument(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (!PipelineSymbols.Unreduced(invocation.TargetMethod).IsExtensionMethod)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>What a call to <paramref name="method"/> is to the pipeline (<see cref="CallRole"/>), decided once per definition.</summary>
    public CallRole GetRole(IMethodSymbol method)
    {
        var definition = PipelineSymbols.Unreduced(method);
        if (!_roles.TryGetValue(definition, out var role))
        {
            role = _roles.GetOrAdd(definition, CallRole.Of(definition, Symbols));
        }

        return role;
    }

    public static bool IsInSource(IMethodSymbol method)
    {
        var unreduced = PipelineSymbols.Unreduced(method);
        return unreduced.MethodKind is MethodKind.Ordinary or MethodKind.LocalFunction && !unreduced.DeclaringSyntaxReferences.IsEmpty;
    }

    /// <summary>
    /// Who declares the methods <see cref="ReadsCallsTo"/> may accept: CORS (<c>UseCors</c>), and code in source, the
    /// app's or another project's of the solution (helpers).
    /// </summary>
    public static Declarer CallDeclarers(CorsSymbols symbols)
        => symbols.Declarers.Of(symbols.CorsMiddlewareExtensions) | Declarer.Source | Declarer.Other;

    /// <summary>
    /// True when calls to <paramref name="definition"/> may add the CORS middleware (the host's <see cref="CallFilter"/>):
    /// <c>UseCors</c>, or a method declared in source that receives a builder.
    /// </summary>
    public bool ReadsCallsTo(IMethodSymbol definition)
    {
        // Asked only of the methods of CallDeclarers.
        if (Symbols.IsCorsMiddlewareExtensions(definition.ContainingType))
        {
            return true;
        }

        if (!IsInSource(definition))
        {
            return false;
        }

        foreach (var parameter in definition.Parameters)
        {
            if (Symbols.IsApplicationBuilder(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="invocation"/> may add the CORS middleware: a <c>UseCors</c> call, or a call to a method
    /// declared in source that receives a builder and whose body adds it. The cheap filter every invocation goes through.
    /// </summary>
    public bool MayAddCors(IInvocationOperation invocation, CancellationToken cancellationToken)
    {
        // Asked of every invocation in the compilation: ASP.NET Core's UseCors is recognised by its declaring type first,
        // and any other method declared outside the compilation is settled without looking further.
        var method = invocation.TargetMethod;
        if (Symbols.IsCorsMiddlewareExtensions(method.ContainingType))
        {
            return Symbols.GetMiddleware(method) == MiddlewareKind.Cors;
        }

        if (!IsInSource(method))
        {
            return false;
        }

        foreach (var parameter in PipelineSymbols.Unreduced(method).Parameters)
        {
            if (Symbols.IsApplicationBuilder(parameter.Type)
                && MiddlewareKinds.Contains(GetHelperKinds(method, parameter.Ordinal, invocation.SemanticModel, cancellationToken), MiddlewareKind.Cors))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The middleware a method declared in source adds to its builder parameter number <paramref name="ordinal"/>
    /// (following the helpers it calls), in order.
    /// </summary>
    public MiddlewareKind[] GetHelperKinds(IMethodSymbol method, int ordinal, SemanticModel? model, CancellationToken cancellationToken)
        => GetHelperKinds(PipelineSymbols.Unreduced(method), ordinal, model, 0, cancellationToken);

    /// <summary>The services a method declared in source registers (following the methods it calls), and whether it does so explicitly.</summary>
    public (RegisteredServices Services, bool Explicit) GetHelperRegistrations(IMethodSymbol method, SemanticModel? model, CancellationToken cancellationToken)
    {
        var registrations = GetHelperRegistrations(PipelineSymbols.Unreduced(method), model, 0, cancellationToken);
        return (registrations.Services, registrations.Explicit);
    }

    /// <summary>
    /// True when the helper declared in source hands its builder parameter number <paramref name="ordinal"/> to code we
    /// cannot see (a method of another assembly, or code that does not bind), itself or through the helpers it calls:
    /// middleware may be added there that the pipeline does not list. Walks the bodies every time: ask it only before a report.
    /// </summary>
    public bool HelperReachesUnseenCode(IMethodSymbol method, int ordinal, SemanticModel? model, CancellationToken cancellationToken)
        => HelperReachesUnseenCode(PipelineSymbols.Unreduced(method), ordinal, model, 0, cancellationToken);

    /// <summary>
    /// True when <paramref name="invocation"/> hands <paramref name="builder"/> (a builder local or parameter) to code we
    /// cannot see: a method of another assembly (<c>app.UseCompanySecurity()</c>), or a helper in source that does.
    /// </summary>
    public bool HandsBuilderToUnseenCode(IInvocationOperation invocation, ISymbol builder, CancellationToken cancellationToken)
        => HandsBuilderToUnseenCode(invocation, builder, 0, cancellationToken);

    private bool HandsBuilderToUnseenCode(IInvocationOperation invocation, ISymbol builder, int depth, CancellationToken cancellationToken)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter is not { } parameter || !Symbols.IsApplicationBuilder(parameter.Type)
                || !SymbolEqualityComparer.Default.Equals(ResolveBuilder(argument.Value), builder))
            {
                continue;
            }

            var definition = PipelineSymbols.Unreduced(invocation.TargetMethod);
            if (Symbols.IsDeclaredElsewhere(definition)
                || (IsInSource(definition) && HelperReachesUnseenCode(definition, parameter.Ordinal, invocation.SemanticModel, depth + 1, cancellationToken)))
            {
                return true;
            }
        }

        return false;
    }

    private bool HelperReachesUnseenCode(IMethodSymbol method, int ordinal, SemanticModel? model, int depth, CancellationToken cancellationToken)
    {
        if (ordinal >= method.Parameters.Length)
        {
            return false;
        }

        // Deeper than the model follows helpers, or a body we cannot read: what it adds is unknown.
        if (depth > MaxHelperDepth || SourceBodies.GetBody(method, model) is not { } body)
        {
            return true;
        }

        var operations = BodyOperations.Of(body);
        if (operations.HasInvalidCode)
        {
            return true;
        }

        var parameter = method.Parameters[ordinal];
        foreach (var invocation in operations.Invocations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HandsBuilderToUnseenCode(invocation, parameter, depth, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a type or method declared in the compilation carries CORS metadata (<c>[EnableCors]</c>, <c>[DisableCors]</c>).</summary>
    public bool DeclaresCorsMetadataAttributes(CancellationToken cancellationToken)
    {
        var state = Volatile.Read(ref _declaresCorsMetadata);
        if (state == 0)
        {
            // Only symbols are read (no semantic model), and only when a UseCors comes before an explicit UseRouting.
            state = HasCorsMetadata(_compilation.Assembly.GlobalNamespace, cancellationToken) ? 2 : 1;
            Volatile.Write(ref _declaresCorsMetadata, state);
        }

        return state == 2;
    }

    private MiddlewareKind[] GetHelperKinds(IMethodSymbol method, int ordinal, SemanticModel? model, int depth, CancellationToken cancellationToken)
    {
        if (ordinal >= method.Parameters.Length)
        {
            return MiddlewareKinds.None;
        }

        var parameter = method.Parameters[ordinal];
        if (_helperKinds.TryGetValue(parameter, out var cached))
        {
            return cached;
        }

        var kinds = MiddlewareKinds.None;
        if (depth < MaxHelperDepth && SourceBodies.MayCall(method, IsMiddlewareName, _sourceNames, inLambdas: false)
            && SourceBodies.GetBody(method, model) is { } body)
        {
            foreach (var invocation in InvocationsInOrder(body))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var role = GetRole(invocation.TargetMethod);
                var kind = role.Middleware;
                if (kind != MiddlewareKind.None)
                {
                    if (SymbolEqualityComparer.Default.Equals(ResolveBuilder(ThisArgument(invocation)), parameter))
                    {
                        kinds = MiddlewareKinds.Append(kinds, kind);
                    }
                }
                else if (role.IsInSource)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter is { } target && Symbols.IsApplicationBuilder(target.Type)
                            && SymbolEqualityComparer.Default.Equals(ResolveBuilder(argument.Value), parameter))
                        {
                            kinds = MiddlewareKinds.Append(kinds, GetHelperKinds(PipelineSymbols.Unreduced(invocation.TargetMethod), target.Ordinal, invocation.SemanticModel, depth + 1, cancellationToken));
                        }
                    }
                }
            }
        }

        return _helperKinds.GetOrAdd(parameter, kinds);
    }

    private HelperRegistrations GetHelperRegistrations(IMethodSymbol method, SemanticModel? model, int depth, CancellationToken cancellationToken)
    {
        if (_helperRegistrations.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var services = RegisteredServices.None;
        var isExplicit = false;
        if (depth < MaxHelperDepth && !ReceivesOnlyBuiltApp(method) && SourceBodies.MayCall(method, IsRegistrationName, _sourceNames, inLambdas: true)
            && SourceBodies.GetBody(method, model) is { } body)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is not IInvocationOperation invocation)
                {
                    continue;
                }

                var role = GetRole(invocation.TargetMethod);
                if (role.IsRegistration)
                {
                    services |= role.Services;
                    isExplicit |= role.IsExplicitRegistration;
                }
                else if (role.IsInSource)
                {
                    var nested = GetHelperRegistrations(PipelineSymbols.Unreduced(invocation.TargetMethod), invocation.SemanticModel, depth + 1, cancellationToken);
                    services |= nested.Services;
                    isExplicit |= nested.Explicit;
                }
            }
        }

        return _helperRegistrations.GetOrAdd(method, new HelperRegistrations(services, isExplicit));
    }

    /// <summary>
    /// True when <paramref name="method"/> receives a pipeline builder and otherwise only plain values (<c>MapRoutes(app)</c>,
    /// <c>Pipeline(app, dev)</c>): it runs after the service provider is built (a <c>WebApplication</c>'s service collection is
    /// read-only, <c>Startup.Configure</c> comes after <c>ConfigureServices</c>), so nothing it calls registers a service the
    /// app uses, and its body (a route table of a thousand endpoints) is not walked for registrations.
    /// </summary>
    private bool ReceivesOnlyBuiltApp(IMethodSymbol method)
    {
        var receivesBuilder = false;
        foreach (var parameter in method.Parameters)
        {
            if (Symbols.IsApplicationBuilder(parameter.Type))
            {
                receivesBuilder = true;
            }
            else if (parameter.Type.SpecialType == SpecialType.None && parameter.Type.TypeKind != TypeKind.Enum)
            {
                return false;
            }
        }

        return receivesBuilder;
    }

    /// <summary>The calls a body makes itself (not those in lambdas or local functions), in the order they run.</summary>
    private static List<IInvocationOperation> InvocationsInOrder(IOperation body)
    {
        var invocations = new List<IInvocationOperation>();
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                continue;
            }

            if (operation is IInvocationOperation invocation)
            {
                invocations.Add(invocation);
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        invocations.Sort((x, y) => PipelineCollector.CallPosition(x).CompareTo(PipelineCollector.CallPosition(y)));
        return invocations;
    }

    private bool HasCorsMetadata(INamespaceOrTypeSymbol container, CancellationToken cancellationToken)
    {
        foreach (var member in container.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (member)
            {
                case INamespaceSymbol ns when HasCorsMetadata(ns, cancellationToken):
                    return true;
                case INamedTypeSymbol type when HasCorsAttribute(type) || HasCorsMetadata(type, cancellationToken):
                    return true;
                case IMethodSymbol method when HasCorsAttribute(method):
                    return true;
            }
        }

        return false;
    }

    private bool HasCorsAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (Symbols.IsCorsMetadata(attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a helper registers: a class, so the cache holds reference types only.</summary>
    private sealed class HelperRegistrations
    {
        public HelperRegistrations(RegisteredServices services, bool isExplicit)
        {
            Services = services;
            Explicit = isExplicit;
        }

        public RegisteredServices Services { get; }

        public bool Explicit { get; }
    }
}
