using System.Collections.Generic;
using System.Collections.Immutable;
using CorsAnalyzers.Policies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CorsAnalyzers.Rules;

/// <summary>
/// CORS014: a method, request header or exposed header that browsers never match as meant: a comma-joined string
/// (ASP.NET Core sends it as one quoted item), a method in the wrong case (browsers compare methods case-sensitively),
/// or a <c>"*"</c> that is sent literally in a policy with credentials.
/// </summary>
internal sealed class ListMethodsAndHeadersAsBrowsersMatchThemRule : PolicyRule
{
    private enum Problem
    {
        None,
        Joined,
        StandardMethodCase,
        MethodCase,
        AnyAmongOthersWithCredentials,
        ExposedAnyWithCredentials,
    }

    public override DiagnosticDescriptor Descriptor => Descriptors.ListMethodsAndHeadersAsBrowsersMatchThem;

    public override void Analyze(OperationAnalysisContext context, CorsPolicyModel policy)
    {
        var present = new Dictionary<IOperation, int>();
        var found = new Dictionary<IOperation, Finding>();
        var order = new List<IOperation>();
        foreach (var path in policy.Paths)
        {
            Collect(path, PolicyMember.Methods, present, found, order);
            Collect(path, PolicyMember.Headers, present, found, order);
            Collect(path, PolicyMember.ExposedHeaders, present, found, order);
        }

        foreach (var source in order)
        {
            var finding = found[source];
            var text = finding.Value.Value!;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ListMethodsAndHeadersAsBrowsersMatchThem,
                source.Syntax.GetLocation(),
                FixFor(finding),
                policy.Identity.Describe(),
                Kind(finding.List),
                text,
                CorsPolicyModel.ConditionalSuffix(finding.Paths == present[source]),
                Reason(finding.Problem, finding.List, text)));
        }
    }

    private static void Collect(PolicyState path, PolicyMember list, Dictionary<IOperation, int> present, Dictionary<IOperation, Finding> found, List<IOperation> order)
    {
        var values = path.GetList(list);
        foreach (var value in values)
        {
            if (value.Value is not { } text)
            {
                continue;
            }

            present[value.Source] = present.TryGetValue(value.Source, out var count) ? count + 1 : 1;
            var problem = Check(list, text, values.Length, path);
            if (problem == Problem.None)
            {
                continue;
            }

            if (found.TryGetValue(value.Source, out var existing))
            {
                existing.Paths++;
            }
            else
            {
                found[value.Source] = new Finding(value, list, problem);
                order.Add(value.Source);
            }
        }
    }

    private static Problem Check(PolicyMember list, string text, int count, PolicyState path)
    {
        if (text.IndexOf(',') >= 0)
        {
            return Problem.Joined;
        }

        if (text == PolicyValue.Any)
        {
            // ASP.NET Core reflects the request for a lone "*" method or header; otherwise it sends "*" as written, which
            // browsers read as a wildcard only on requests without credentials. Code we cannot see may change either.
            var sentLiterally = list == PolicyMember.ExposedHeaders || count > 1;
            if (!sentLiterally || !path.AllowsCredentials || path.HasUnknownConfiguration)
            {
                return Problem.None;
            }

            return list == PolicyMember.ExposedHeaders ? Problem.ExposedAnyWithCredentials : Problem.AnyAmongOthersWithCredentials;
        }

        if (list != PolicyMember.Methods || UpperCaseMethod(text) is not { } upper || upper == text)
        {
            return Problem.None;
        }

        return upper switch
        {
            // CORS-safelisted methods pass the preflight whatever the list says.
            "GET" or "HEAD" or "POST" => Problem.None,
            "DELETE" or "OPTIONS" or "PUT" => Problem.StandardMethodCase,
            _ => Problem.MethodCase,
        };
    }

    /// <summary>The method in upper case, when it is an HTTP token of ASCII letters, digits and the token's punctuation.</summary>
    private static string? UpperCaseMethod(string method)
    {
        if (method.Length == 0)
        {
            return null;
        }

        var chars = new char[method.Length];
        for (var i = 0; i < method.Length; i++)
        {
            var c = method[i];
            if (c is >= 'a' and <= 'z')
            {
                c = (char)(c - 'a' + 'A');
            }
            else if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9') or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~'))
            {
                return null;
            }

            chars[i] = c;
        }

        return new string(chars);
    }

    private static ImmutableDictionary<string, string?> FixFor(Finding finding)
    {
        var none = ImmutableDictionary<string, string?>.Empty;
        if (finding.Value.Source.Syntax is not LiteralExpressionSyntax literal)
        {
            return none;
        }

        var inList = literal.Parent is ArgumentSyntax { NameColon: null, Parent: ArgumentListSyntax } or InitializerExpressionSyntax or ExpressionElementSyntax;
        return finding.Problem switch
        {
            Problem.Joined when inList && !finding.Value.IsVerbatim => none.Add(ListMethodsAndHeadersAsBrowsersMatchThemFix.KindKey, ListMethodsAndHeadersAsBrowsersMatchThemFix.Split),
            Problem.StandardMethodCase or Problem.MethodCase => none
                .Add(ListMethodsAndHeadersAsBrowsersMatchThemFix.KindKey, ListMethodsAndHeadersAsBrowsersMatchThemFix.UpperCase)
                .Add(ListMethodsAndHeadersAsBrowsersMatchThemFix.ValueKey, UpperCaseMethod(finding.Value.Value!)),
            Problem.ExposedAnyWithCredentials when inList && !finding.Value.IsVerbatim => none.Add(ListMethodsAndHeadersAsBrowsersMatchThemFix.KindKey, ListMethodsAndHeadersAsBrowsersMatchThemFix.ListExposedHeaders),
            _ => none,
        };
    }

    private static string Kind(PolicyMember list) => list switch
    {
        PolicyMember.Methods => "method",
        PolicyMember.Headers => "request header",
        _ => "exposed header",
    };

    private static string Reason(Problem problem, PolicyMember list, string text)
    {
        var kind = Kind(list);
        switch (problem)
        {
            case Problem.Joined when list == PolicyMember.ExposedHeaders:
                return "ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a header name, so browsers expose none of these headers. Pass each header as its own argument";
            case Problem.Joined:
                return $"ASP.NET Core sends a value that contains a comma as one quoted list item, which is not a {kind} name, so no request matches it and Chromium rejects the whole preflight response. Pass each {kind} as its own argument";
            case Problem.StandardMethodCase:
                var standard = UpperCaseMethod(text);
                return $"browsers always send {standard} in upper case and compare methods case-sensitively, so it never matches. Write '{standard}'";
            case Problem.MethodCase:
                var upper = UpperCaseMethod(text);
                return $"browsers compare methods case-sensitively and upper-case only DELETE, GET, HEAD, OPTIONS, POST and PUT, so it allows only requests whose code writes '{text}', not '{upper}'. Write '{upper}'";
            case Problem.AnyAmongOthersWithCredentials:
                var any = list == PolicyMember.Methods ? "AllowAnyMethod()" : "AllowAnyHeader()";
                return $"ASP.NET Core treats '*' as any {kind} only when it is the only one and otherwise sends it as written, and on requests with credentials, which this policy allows, browsers read it as a {kind} name rather than a wildcard. Remove '*', or use {any} alone";
            default:
                return "ASP.NET Core sends '*' as written, and on requests with credentials, which this policy allows, browsers read it as a header name rather than a wildcard, so scripts see only the CORS-safelisted response headers. List the headers to expose";
        }
    }

    /// <summary>A value with a problem and the number of paths on which it has it (a class: the count is updated in place).</summary>
    private sealed class Finding
    {
        public Finding(PolicyValue value, PolicyMember list, Problem problem)
        {
            Value = value;
            List = list;
            Problem = problem;
        }

        public PolicyValue Value { get; }

        public PolicyMember List { get; }

        public Problem Problem { get; }

        public int Paths { get; set; } = 1;
    }
}
