namespace CorsAnalyzers.Rules;

/// <summary>
/// What the "reorder UseCors" fix must do, passed from the analyzer to the fixer in <c>Diagnostic.Properties</c>.
/// A diagnostic without <see cref="KindKey"/> has no safe local fix.
/// </summary>
public static class PipelineFix
{
    public const string KindKey = "PipelineFix";

    /// <summary>Move the reported <c>UseCors</c> statement to just before the statement of the first additional location.</summary>
    public const string MoveBefore = nameof(MoveBefore);

    /// <summary>Move the reported <c>UseCors</c> statement to just after the statement of the first additional location.</summary>
    public const string MoveAfter = nameof(MoveAfter);

    /// <summary>Insert <c>builder.UseAuthentication();</c> and/or <c>builder.UseAuthorization();</c> after an anchor statement.</summary>
    public const string Insert = nameof(Insert);

    /// <summary>For <see cref="Insert"/>: which calls, among <see cref="UseAuthentication"/> and <see cref="UseAuthorization"/>, comma-separated.</summary>
    public const string CallsKey = "Calls";

    /// <summary>For <see cref="Insert"/>: the builder's name (<c>app</c>).</summary>
    public const string BuilderKey = "Builder";

    /// <summary>For <see cref="Insert"/>: "0" to insert after the reported statement, otherwise the index of the additional location to insert after.</summary>
    public const string AnchorKey = "Anchor";

    public const string UseAuthentication = nameof(UseAuthentication);

    public const string UseAuthorization = nameof(UseAuthorization);
}
