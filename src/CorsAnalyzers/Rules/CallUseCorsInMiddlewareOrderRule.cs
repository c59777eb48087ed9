using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CorsAnalyzers.Pipeline;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS003: <c>UseCors</c> after authorization, response/output caching or the middleware that answers requests; before
/// an explicit <c>UseRouting</c> when endpoints carry CORS metadata; or, with minimal hosting, after the authorization
/// middleware that WebApplication adds by itself. <c>UseCors</c> after <c>UseAuthentication</c> alone is not reported:
/// the authentication middleware passes every request on (it answers only remote sign-in callbacks, which browsers
/// reach by navigation, not by fetch), and the CORS middleware adds its headers when the response starts, so the 401
/// that authorization writes later still carries them (measured in a browser: tests/CorsAnalyzers.BrowserTests).
/// </summary>
internal sealed class CallUseCorsInMiddlewareOrderRule : PipelineRule
{
    /// <summary>No endpoint accepts the preflight, so the CORS middleware still answers it; what it never sees is the 401/403.</summary>
    internal const string AuthorizationReason = "the 401 and 403 responses that authorization writes carry no CORS headers, so the browser reports a CORS error instead of the status";

    /// <summary>An endpoint with CORS metadata accepts the preflight, so authorization judges the OPTIONS request first.</summary>
    internal const string AuthorizationPreflightReason = "authorization rejects the preflight OPTIONS requests of endpoints that require it before CORS answers, so every cross-origin request to them that needs a preflight (PUT, a JSON body, an Authorization header) fails, even with valid credentials, and their 401 and 403 responses carry no CORS headers";
    internal const string CachingReason = "responses served from the cache skip the CORS middleware, so they carry no CORS headers, or those of another origin";
    internal const string TerminalReason = "the requests it answers never reach the CORS middleware, so their responses carry no CORS headers";
    internal const string RoutingReason = "the CORS middleware runs before an endpoint is selected, so it cannot apply the endpoints' [EnableCors], [DisableCors] and RequireCors metadata, and ASP.NET Core throws InvalidOperationException ('... contains CORS metadata, but a middleware was not found that supports CORS') on every request to those endpoints";

    private const string MetadataClause = " and endpoints declare CORS metadata";

    public override DiagnosticDescriptor Descriptor => Descriptors.CallUseCorsInMiddlewareOrder;

    private static bool MustFollowCors(MiddlewareKind kind) => kind is MiddlewareKind.Authorization
        or MiddlewareKind.ResponseCaching or MiddlewareKind.OutputCache or MiddlewareKind.Endpoints or MiddlewareKind.Run;

    public override void Analyze(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors)
    {
        if (ReportAfter(context, block, pipeline, cors) || ReportBeforeRouting(context, block, pipeline, cors))
        {
            return;
        }

        // Minimal hosting: judged once per pipeline, on its first UseCors.
        if (block.Symbols.IsWebApplication(pipeline.ReceiverType)
            && pipeline.Calls.First(call => call.Kind == MiddlewareKind.Cors) == cors)
        {
            ReportImplicitAuthentication(context, block, pipeline, cors);
        }
    }

    /// <summary>UseCors after a middleware it must precede.</summary>
    private static bool ReportAfter(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors)
    {
        if (pipeline.FirstBefore(cors, MustFollowCors) is not { } blocker)
        {
            return false;
        }

        // Moving UseCors before the blocker must not move it before an explicit UseRouting.
        var canMove = cors.IsDirect
            && (blocker.IsDirect || !MiddlewareKinds.Contains(blocker.HelperKinds, MiddlewareKind.Routing))
            && !pipeline.AnyBetween(blocker, cors, kind => kind == MiddlewareKind.Routing);
        var preflight = blocker.Kind == MiddlewareKind.Authorization && block.UsesEndpointCorsMetadata(context.CancellationToken);
        var reason = blocker.Kind switch
        {
            MiddlewareKind.Authorization => preflight ? AuthorizationPreflightReason : AuthorizationReason,
            MiddlewareKind.ResponseCaching or MiddlewareKind.OutputCache => CachingReason,
            _ => TerminalReason,
        };
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CallUseCorsInMiddlewareOrder,
            cors.Invocation.NameAndArgumentsLocation(),
            new[] { blocker.Invocation.NameAndArgumentsLocation() },
            canMove ? Move(PipelineFix.MoveBefore) : null,
            $"{Describe(cors)} is called after {Describe(blocker)}{(preflight ? MetadataClause : string.Empty)}",
            reason,
            $"Call {CallName(cors)} before {CallName(blocker)}"));
        return true;
    }

    /// <summary>UseCors before an explicit UseRouting while endpoints carry CORS metadata.</summary>
    private static bool ReportBeforeRouting(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors)
    {
        if (pipeline.FirstAfter(cors, kind => kind == MiddlewareKind.Routing) is not { } routing
            || !block.UsesEndpointCorsMetadata(context.CancellationToken))
        {
            return false;
        }

        var canMove = cors.IsDirect && routing.IsDirect && !pipeline.AnyBetween(cors, routing, MustFollowCors);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CallUseCorsInMiddlewareOrder,
            cors.Invocation.NameAndArgumentsLocation(),
            new[] { routing.Invocation.NameAndArgumentsLocation() },
            canMove ? Move(PipelineFix.MoveAfter) : null,
            $"{Describe(cors)} is called before {Describe(routing)}{MetadataClause}",
            RoutingReason,
            $"Call {CallName(cors)} after {CallName(routing)}"));
        return true;
    }

    /// <summary>
    /// Minimal hosting: WebApplication adds UseAuthentication()/UseAuthorization() right after routing, before the
    /// app's own middleware, when their services are registered and the app does not call them itself. Reported when
    /// that puts authorization before UseCors; authentication alone before it is harmless (see the class summary).
    /// </summary>
    private static void ReportImplicitAuthentication(OperationAnalysisContext context, PipelineBlock block, MiddlewarePipeline pipeline, PipelineCall cors)
    {
        // An app that calls UseRouting() itself gets the implicit middleware before its own routing: authorization then
        // sees no endpoint and passes every request on (an endpoint that requires it throws "contains authorization
        // metadata, but a middleware was not found that supports authorization", with or without CORS; the browser tests
        // showed it). No 401 or 403 is written before UseCors: nothing to say.
        if (pipeline.Contains(MiddlewareKind.Routing))
        {
            return;
        }

        var (services, explicitCall) = block.GetRegistrations(context.CancellationToken);
        if (explicitCall is null)
        {
            return;
        }

        // What follows says the app calls neither UseRouting() nor UseAuthorization() itself: a builder handed to code we
        // cannot see may call them there (which also stops WebApplication from adding its own).
        if (block.MayAddUnseenMiddleware(pipeline, context.CancellationToken))
        {
            return;
        }

        var missing = new List<string>();
        if ((services & RegisteredServices.Authentication) != 0 && !pipeline.Contains(MiddlewareKind.Authentication))
        {
            missing.Add(PipelineFix.UseAuthentication);
        }

        if ((services & RegisteredServices.Authorization) != 0 && !pipeline.Contains(MiddlewareKind.Authorization))
        {
            missing.Add(PipelineFix.UseAuthorization);
        }

        if (!missing.Contains(PipelineFix.UseAuthorization))
        {
            return;
        }

        var locations = new List<Location> { explicitCall.NameAndArgumentsLocation() };
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(PipelineFix.KindKey, PipelineFix.Insert)
            .Add(PipelineFix.CallsKey, string.Join(",", missing))
            .Add(PipelineFix.BuilderKey, pipeline.Receiver.Name);

        // UseAuthorization() goes after the app's own UseAuthentication(), which then follows UseCors().
        if (missing.Count == 1 && missing[0] == PipelineFix.UseAuthorization
            && pipeline.FirstAfter(cors, kind => kind == MiddlewareKind.Authentication) is { } authentication)
        {
            locations.Add(authentication.Invocation.NameAndArgumentsLocation());
            properties = properties.Add(PipelineFix.AnchorKey, "1");
        }

        var calls = string.Join(" and ", missing.Select(name => name + "()"));
        var builder = pipeline.Receiver.Name;
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CallUseCorsInMiddlewareOrder,
            cors.Invocation.NameAndArgumentsLocation(),
            locations,
            properties,
            $"WebApplication runs {calls} before {Describe(cors)} because {CallName(explicitCall.TargetMethod)} registers their services and the app does not call {(missing.Count == 1 ? "it" : "them")} itself",
            block.UsesEndpointCorsMetadata(context.CancellationToken) ? AuthorizationPreflightReason : AuthorizationReason,
            $"Call {string.Join(" and ", missing.Select(name => builder + "." + name + "()"))} explicitly after {CallName(cors)}"));
    }

    private static ImmutableDictionary<string, string?> Move(string kind)
        => ImmutableDictionary<string, string?>.Empty.Add(PipelineFix.KindKey, kind);

    /// <summary>"UseAuthorization()", or "UseSecurity() (which calls UseAuthorization())" for a helper.</summary>
    private static string Describe(PipelineCall call)
        => call.IsDirect ? CallName(call) : $"{CallName(call.Method)} (which calls {KindCall(call.Kind)})";

    private static string CallName(PipelineCall call)
    {
        if (!call.IsDirect)
        {
            return CallName(call.Method);
        }

        // UseCors("Spa") names its policy; UseCors(policy => ...) or UseCors(PolicyName) is written with arguments.
        return PolicyName.Read(PolicyName.Argument(call.Invocation)) is { } policy
            ? $"{call.Method.Name}(\"{policy}\")"
            : call.Kind == MiddlewareKind.Cors && call.Invocation.Syntax is InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 }
                ? call.Method.Name + "(...)"
                : CallName(call.Method);
    }

    private static string CallName(IMethodSymbol method) => method.Name + "()";

    private static string KindCall(MiddlewareKind kind) => kind switch
    {
        // The helper's own UseCors call may name a policy or pass one: not "UseCors()", the default policy's form.
        MiddlewareKind.Cors => "UseCors",
        MiddlewareKind.Routing => "UseRouting()",
        MiddlewareKind.Authentication => "UseAuthentication()",
        MiddlewareKind.Authorization => "UseAuthorization()",
        MiddlewareKind.ResponseCaching => "UseResponseCaching()",
        MiddlewareKind.OutputCache => "UseOutputCache()",
        MiddlewareKind.Endpoints => "UseEndpoints()",
        _ => "Run()",
    };
}
