using System.Collections.Immutable;
using System.Threading;
using CorsAnalyzers.Pipeline;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CorsAnalyzers.Registry;

/// <summary>
/// What calls tell the registry about services and the pipeline: CORS services and options registered through type
/// arguments or <c>typeof</c>, endpoint metadata on lambdas, and builders handed to code we cannot see.
/// </summary>
internal sealed partial class CorsRegistry
{
    /// <summary>
    /// True when an assembly the app references that is neither ASP.NET Core's nor the .NET runtime's itself references
    /// ASP.NET Core's CORS assembly: it may give the app's endpoints CORS metadata we cannot see. A controller inherits
    /// its base class's <c>[EnableCors("Api")]</c> (<c>Inherited = true</c>), a package's controllers are the app's
    /// (application parts), and a package may map endpoints with <c>RequireCors</c>; every type that names a policy
    /// (<c>EnableCorsAttribute</c>, <c>IEnableCorsAttribute</c>, <c>ICorsPolicyMetadata</c>) and <c>RequireCors</c> is the
    /// CORS assembly's. A built assembly references only what its code uses; another project of the solution (a
    /// compilation in the IDE) all that its project does, so there any ASP.NET Core library counts. Computed on each
    /// call, at the end of the compilation: ask it only before a report.
    /// </summary>
    public bool EndpointMetadataMayBeUnseen()
    {
        var cors = _symbols.Cors.CorsPolicyBuilder.ContainingAssembly;
        foreach (var assembly in _compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (_symbols.Classify(assembly) != AssemblyKind.Other)
            {
                continue;
            }

            foreach (var module in assembly.Modules)
            {
                foreach (var referenced in module.ReferencedAssemblySymbols)
                {
                    // By identity too: a package built against another ASP.NET Core version names the CORS assembly of that version.
                    if (SymbolEqualityComparer.Default.Equals(referenced, cors) || referenced.Identity.Name == cors.Identity.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private void ObserveTypeArguments(ImmutableArray<ITypeSymbol> typeArguments)
    {
        foreach (var typeArgument in typeArguments)
        {
            ObserveServiceType(typeArgument);
        }
    }

    /// <summary>
    /// <c>Configure&lt;CorsOptions&gt;</c>, <c>AddSingleton&lt;ICorsPolicyProvider, T&gt;</c>, <c>ConfigureOptions&lt;T&gt;</c>
    /// with a <c>T : IConfigureOptions&lt;CorsOptions&gt;</c>, <c>Configure&lt;RouteOptions&gt;</c>, ...
    /// </summary>
    private void ObserveServiceType(ITypeSymbol type)
    {
        // An options setup of CORS may add policies (a library's, or the app's own through a base class or names it reads):
        // the set of names is open, as under Configure<CorsOptions>.
        if (SymbolEqualityComparer.Default.Equals(type, _symbols.Cors.CorsOptions) || _symbols.IsPolicyProvider(type) || _symbols.ConfiguresCorsOptions(type))
        {
            Set(ref _policyNamesOpen);
        }
        else if (_symbols.IsCorsService(type))
        {
            Set(ref _registersCorsServices);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, _symbols.RouteOptions))
        {
            Set(ref _configuresRouteOptions);
        }
        else if (_symbols.IsStartupFilter(type) && !SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, _compilation.Assembly))
        {
            // AddTransient<IStartupFilter, CompanyStartupFilter>(): middleware added before the app's own pipeline by code
            // we cannot see (a filter in source adds what its own calls say, observed where they are written).
            Set(ref _pipelineEscape);
        }
        else if (SymbolEqualityComparer.Default.Equals(type, _symbols.CorsMiddleware))
        {
            // `app.UseMiddleware<CorsMiddleware>()` or `UseMiddleware(typeof(CorsMiddleware))`: what UseCors does, with
            // arguments (a policy name, a CorsPolicy) we do not read.
            Set(ref _addsCorsMiddleware);
            Set(ref _middlewareMayNameItsPolicy);
        }
    }

    // The arguments of a framework call or creation that may register services or carry endpoint metadata.
    private void ObserveArguments(ImmutableArray<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            switch (argument.Value.WalkDownConversions())
            {
                // services.AddSingleton(typeof(ICorsPolicyProvider), typeof(MyProvider))
                case ITypeOfOperation typeOf:
                    ObserveServiceType(typeOf.TypeOperand);
                    break;

                // app.MapGet("/", [EnableCors("Api")] () => ...): the compiler does not hand a lambda's attributes to us.
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }:
                    ObserveLambdaAttributes(function);
                    break;
            }
        }
    }

    private void ObserveLambdaAttributes(IAnonymousFunctionOperation function)
    {
        // Attributes are written on the lambda: most lambdas have none, and asking the symbol built its attribute bag.
        if (function.Syntax is not LambdaExpressionSyntax { AttributeLists.Count: > 0 })
        {
            return;
        }

        foreach (var attribute in function.Symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { } attributeClass || attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, _symbols.EnableCorsAttribute))
            {
                var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
                var expression = syntax.ArgumentList is { Arguments.Count: > 0 } list ? list.Arguments[0].Expression : null;
                _endpointMetadata.Enqueue(new CorsMetadataSite(syntax.GetLocation(), name is null ? "[EnableCors]" : $"[EnableCors(\"{name}\")]"));
                if (expression is null)
                {
                    _uses.Enqueue(new PolicyUse(PolicyUseKind.Attribute, null, syntax.GetLocation(), isLiteral: false));
                }
                else if (name is not null)
                {
                    _uses.Enqueue(new PolicyUse(PolicyUseKind.Attribute, name, expression.GetLocation(), expression is LiteralExpressionSyntax));
                }
            }
            else if (_symbols.IsOtherCorsMetadata(attributeClass))
            {
                // `[ApiCors] () => ...`: metadata of the app's own attribute class (the policy it names is a use where its
                // constructor says it).
                _endpointMetadata.Enqueue(new CorsMetadataSite(syntax.GetLocation(), "[" + syntax.Name.ToString() + "]"));
            }
        }
    }

    /// <summary>True when <paramref name="method"/> takes a delegate that receives <paramref name="options"/> (<c>Action&lt;RouteOptions&gt;</c>).</summary>
    private static bool ConfiguresOptions(IMethodSymbol method, INamedTypeSymbol options)
    {
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke })
            {
                foreach (var delegateParameter in invoke.Parameters)
                {
                    if (SymbolEqualityComparer.Default.Equals(delegateParameter.Type, options))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    // The arguments ObserveArguments reads: typeof(...) (a Type, or an object) and lambdas (a delegate type, Delegate).
    private bool TakesTypesOrDelegates(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            var type = parameter.Type;
            if (type.TypeKind == TypeKind.Delegate || type.SpecialType is SpecialType.System_Object or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate
                || SymbolEqualityComparer.Default.Equals(type, _symbols.SystemType))
            {
                return true;
            }
        }

        return false;
    }

    // The arguments a framework constructor's ObserveArguments reads: typeof(...), a Type.
    private bool TakesTypes(ImmutableArray<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, _symbols.SystemType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What a method or constructor of another assembly tells by its parameters: that it receives the app's CORS options
    /// (policies we cannot see), services (registrations we cannot see) or pipeline (middleware we cannot see).
    /// </summary>
    private RegistryCall HandOverFacts(ImmutableArray<IParameterSymbol> parameters)
    {
        var facts = RegistryCall.None;
        foreach (var parameter in parameters)
        {
            facts |= HandOverFact(parameter.Type);
        }

        return facts;
    }

    private RegistryCall HandOverFact(ITypeSymbol type)
        => type.SpecialType != SpecialType.None ? RegistryCall.None
            : SymbolEqualityComparer.Default.Equals(type, _symbols.Cors.CorsOptions) ? RegistryCall.OpensPolicyNames
            : _symbols.HoldsServices(type) ? RegistryCall.ServicesEscape
            : _symbols.Pipeline.IsApplicationBuilder(type) ? RegistryCall.PipelineEscape
            : RegistryCall.None;
}
