using Soc.Core.Detection;

namespace Soc.Core.Patterns;

/// <summary>Life cycle of a learned pattern.</summary>
public enum PatternStatus
{
    /// <summary>Blocks and flags like a built-in rule.</summary>
    Active,

    /// <summary>Matches are logged and reported, but never change a decision.</summary>
    Shadow,

    /// <summary>Waits for a human: the promotion gate was not sure enough.</summary>
    PendingReview,

    /// <summary>Rejected by the gate or by a reviewer.</summary>
    Rejected,

    /// <summary>Turned off (or rolled back) by a reviewer.</summary>
    Disabled,
}

/// <summary>Where a learned pattern came from and what the promotion gate measured.</summary>
public sealed record PatternProvenance(
    string ReportId,
    string ReportedBy,
    DateTimeOffset CreatedAt,
    double VariationRecall,
    double BenignFalsePositiveRate,
    string? Reason = null);

/// <summary>
/// A learned pattern: a literal sequence of normalised words (never a regex built from reported text),
/// with a category, severity, status and provenance.
/// </summary>
public sealed record LearnedPattern(
    string Id,
    IReadOnlyList<string> Tokens,
    string Category,
    Severity Severity,
    PatternStatus Status,
    PatternProvenance Provenance,
    bool AllowList = false)
{
    /// <summary>The words joined by single spaces: how the pattern is shown and compared.</summary>
    public string Text => string.Join(' ', Tokens);
}
