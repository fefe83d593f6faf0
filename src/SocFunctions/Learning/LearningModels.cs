using System.Text.Json.Serialization;
using Soc.Core.Learning;
using Soc.Core.Patterns;

namespace SocFunctions.Learning;

/// <summary>Body of the report webhooks, in the seed's snake_case.</summary>
public sealed record ReportRequest(
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("reported_by")] string? ReportedBy,
    [property: JsonPropertyName("actual_threat_type")] string? ActualThreatType,
    [property: JsonPropertyName("severity")] string? Severity,
    [property: JsonPropertyName("tenant_id")] string? TenantId = null);

/// <summary>Answer of an accepted (or already known) report.</summary>
public sealed record ReportAccepted(string Id, string StatusUrl, bool Duplicate = false);

/// <summary>Input of <see cref="GenerateVariations"/>.</summary>
public sealed record GenerateVariationsInput(MissReport Report);

/// <summary>Output of <see cref="GenerateVariations"/>: the variations and how many of them the detector already blocked.</summary>
public sealed record VariationsResult(IReadOnlyList<Variation> Variations, int BlockedBefore, IReadOnlyDictionary<string, int> Techniques);

/// <summary>Input of <see cref="ExtractPatterns"/>.</summary>
public sealed record ExtractPatternsInput(MissReport Report, IReadOnlyList<Variation> Variations);

/// <summary>Output of <see cref="ExtractPatterns"/>.</summary>
public sealed record CandidatesResult(IReadOnlyList<PatternCandidate> Candidates);

/// <summary>Input of <see cref="AutoUpdate"/>.</summary>
public sealed record AutoUpdateInput(MissReport Report, IReadOnlyList<Variation> Variations, IReadOnlyList<PatternCandidate> Candidates, int BlockedBefore);

/// <summary>One gate decision as the status shows it.</summary>
public sealed record GateDecisionSummary(string PatternId, string Text, PatternStatus Status, double VariationRecall, double BenignFalsePositiveRate, string Reason, int CoveredVariations);

/// <summary>Output of <see cref="AutoUpdate"/>.</summary>
public sealed record AutoUpdateResult(
    IReadOnlyList<GateDecisionSummary> Decisions,
    IReadOnlyList<string> PromotedPatternIds,
    long PatternSetVersion,
    int BlockedAfter,
    DateTimeOffset LiveAt);

/// <summary>How long each step took, in milliseconds of orchestration time.</summary>
public sealed record StepTimings(double? GenerateVariationsMs = null, double? ExtractPatternsMs = null, double? AutoUpdateMs = null, double? ReportToLiveMs = null);

/// <summary>
/// The orchestration's custom status, updated after every step, and (complete) its output: what
/// <c>GET /api/learning/reports/{id}</c> shows.
/// </summary>
public sealed record LearningLoopOutcome(
    string ReportId,
    string Step,
    bool FalsePositive,
    string ReportedBy,
    DateTimeOffset ReportedAt,
    int? VariationCount = null,
    IReadOnlyList<Variation>? VariationSample = null,
    int? BlockedBefore = null,
    IReadOnlyList<PatternCandidate>? Candidates = null,
    IReadOnlyList<GateDecisionSummary>? Decisions = null,
    IReadOnlyList<string>? PromotedPatternIds = null,
    long? PatternSetVersion = null,
    int? BlockedAfter = null,
    StepTimings? Timings = null);

/// <summary>One step of the loop as a list item: name, state (completed, running, pending, failed) and a one-line summary.</summary>
public sealed record LearningStep(string Name, string Status, string Summary);

/// <summary>
/// Answer of <c>GET /api/learning/reports/{id}</c>: the orchestration's state and every step's result so far
/// (<see cref="Report"/> in full; <see cref="Steps"/> and <see cref="Patterns"/> as lists for the dashboard).
/// </summary>
public sealed record LearningReportStatus(
    string Id,
    string RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    LearningLoopOutcome? Report,
    ReportFailure? Failure,
    IReadOnlyList<LearningStep> Steps,
    IReadOnlyList<GateDecisionSummary> Patterns)
{
    private static readonly string[] Order = ["reported", "variations", "candidates", "completed"];

    public static IReadOnlyList<LearningStep> StepsOf(LearningLoopOutcome? report, bool failed)
    {
        var reached = report is null ? -1 : Array.IndexOf(Order, report.Step);
        string State(int index) => index <= reached ? "completed" : index == reached + 1 ? (failed ? "failed" : "running") : "pending";
        var promoted = report?.PromotedPatternIds?.Count ?? 0;
        var waiting = report?.Decisions?.Count(d => d.Status == Soc.Core.Patterns.PatternStatus.PendingReview) ?? 0;
        return
        [
            new("reported", State(0), report is null ? string.Empty : $"reported by {report.ReportedBy}"),
            new("GenerateVariations", State(1), report?.VariationCount is { } n ? $"{n} variations, {report.BlockedBefore} already blocked" : string.Empty),
            new("ExtractPatterns", State(2), report?.Candidates is { } c ? $"{c.Count} candidate patterns" : string.Empty),
            new("AutoUpdate", State(3), report?.Decisions is { } d
                ? $"{promoted} live, {waiting} pending review, {d.Count - promoted - waiting} rejected; pattern set {report.PatternSetVersion}; {report.BlockedAfter} of {report.VariationCount} variations blocked"
                : string.Empty),
        ];
    }
}

/// <summary>Why an orchestration failed.</summary>
public sealed record ReportFailure(string ErrorType, string ErrorMessage);
