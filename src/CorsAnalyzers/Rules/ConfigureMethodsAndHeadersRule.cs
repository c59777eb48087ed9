using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS004: a policy that allows some origin but no methods or no request headers. Simple requests work; every
/// preflighted request (PUT, DELETE, a JSON body, an Authorization header) fails in the browser.
/// </summary>
internal sealed class ConfigureMethodsAndHeadersRule : PolicyRule
{
    private const string MethodsFail = "PUT, PATCH and DELETE requests";
    private const string HeadersFail = "requests with a JSON Content-Type, an Authorization header or any custom header";

    public override DiagnosticDescriptor Descriptor => Descriptors.ConfigureMethodsAndHeaders;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        // Paths where the builder escaped to code we cannot see are never missing anything: that code may configure it.
        var withOrigins = policy.PathsWhere(path => path.AllowsSomeOrigin, out _);
        if (withOrigins.IsEmpty)
        {
            return;
        }

        // Every path that misses something is reported through the call that gave it its origins: the first one is the
        // diagnostic's location, the others (in other branches) are additional locations, so the fix completes them all.
        PolicyState? reported = null;
        var originCalls = new List<IOperation>();
        int noMethods = 0, noHeaders = 0;
        foreach (var path in withOrigins)
        {
            if (path.HasUnknownConfiguration)
            {
                continue;
            }

            var missesMethods = path.Methods.IsEmpty;
            var missesHeaders = path.Headers.IsEmpty;
            noMethods += missesMethods ? 1 : 0;
            noHeaders += missesHeaders ? 1 : 0;
            if (missesMethods || missesHeaders)
            {
                reported ??= path;
                var call = OriginCall(path);
                if (!originCalls.Contains(call))
                {
                    originCalls.Add(call);
                }
            }
        }

        // `options.GetPolicy("Api")!.Methods.Add(...)` later, or a provider of the app's own: the registered policy may not
        // be the one served.
        if (reported is null
            || (policy.Identity.Kind is PolicyKind.Named or PolicyKind.Default && policy.Symbols.PolicyChanges.MayChangeRegisteredPolicies(context.CancellationToken)))
        {
            return;
        }

        var originCall = originCalls[0];
        var properties = ImmutableDictionary<string, string?>.Empty;
        if (noMethods > 0)
        {
            properties = properties.Add(MethodsAndHeadersFix.MissingMethodsKey, "true");
        }

        if (noHeaders > 0)
        {
            properties = properties.Add(MethodsAndHeadersFix.MissingHeadersKey, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.ConfigureMethodsAndHeaders,
            originCall.NameAndArgumentsLocation(),
            originCalls.Skip(1).Where(call => call.Syntax.SyntaxTree == originCall.Syntax.SyntaxTree).Select(call => call.NameAndArgumentsLocation()),
            properties,
            policy.Identity.Describe(),
            WhatIsMissing(noMethods, noHeaders, withOrigins.Length),
            noMethods > 0 && noHeaders > 0 ? MethodsFail + " and of " + HeadersFail : noMethods > 0 ? MethodsFail : HeadersFail,
            WhatToAdd(noMethods > 0, noHeaders > 0, policy.IsPolicyObject)));
    }

    private static IOperation OriginCall(PolicyState path)
        => path.Origins.IsEmpty ? path.OriginPredicateCall! : path.Origins[0].Call;

    private static string WhatIsMissing(int noMethods, int noHeaders, int paths)
    {
        var methods = "no methods" + CorsPolicyModel.ConditionalSuffix(noMethods == paths);
        var headers = "no request headers" + CorsPolicyModel.ConditionalSuffix(noHeaders == paths);
        return noMethods > 0 && noHeaders > 0 ? methods + " and " + headers : noMethods > 0 ? methods : headers;
    }

    private static string WhatToAdd(bool methods, bool headers, bool isPolicyObject) => (methods, headers, isPolicyObject) switch
    {
        (true, true, false) => "WithMethods(...) and WithHeaders(...), or AllowAnyMethod() and AllowAnyHeader()",
        (true, false, false) => "WithMethods(...) or AllowAnyMethod()",
        (false, _, false) => "WithHeaders(...) or AllowAnyHeader()",
        (true, true, true) => "the methods to Methods and the headers to Headers (\"*\" allows any)",
        (true, false, true) => "the methods to Methods (\"*\" allows any)",
        _ => "the headers to Headers (\"*\" allows any)",
    };
}
