using Soc.Core.Detection;
using Soc.Core.Patterns;

namespace Soc.Core.Learning;

/// <summary>A reported miss (or, with <see cref="FalsePositive"/>, a reported false positive), as the orchestration sees it.</summary>
public sealed record MissReport(
    string ReportId,
    string Message,
    string ReportedBy,
    string? ActualThreatType,
    Severity Severity,
    DateTimeOffset ReportedAt,
    string? TenantId = null,
    bool FalsePositive = false);

/// <summary>One variation of a reported text, and the technique that produced it (obfuscation, synonyms, encoding, multi-step, role-play, ai, ...).</summary>
public sealed record Variation(string Text, string Technique);

/// <summary>Produces variations of a reported text (rules, plus Azure OpenAI when configured).</summary>
public interface IVariationGenerator
{
    Task<IReadOnlyList<Variation>> GenerateAsync(MissReport report, int count, CancellationToken cancellationToken);
}

/// <summary>A candidate learned pattern: a literal normalised word sequence and the variations (by index) it covers.</summary>
public sealed record PatternCandidate(IReadOnlyList<string> Tokens, IReadOnlyList<int> CoveredVariations)
{
    public string Text => string.Join(' ', Tokens);
}

/// <summary>Extracts candidate literal patterns from a report and its variations. Never builds a regex from the text.</summary>
public interface IPatternExtractor
{
    IReadOnlyList<PatternCandidate> Extract(MissReport report, IReadOnlyList<Variation> variations);
}

/// <summary>What the promotion gate decided for one candidate, with the figures it measured.</summary>
public sealed record GateDecision(
    PatternCandidate Candidate,
    PatternStatus Status,
    double VariationRecall,
    double BenignFalsePositiveRate,
    string Reason);

/// <summary>
/// Decides which candidates go live: a candidate must catch most variations of its attack and stay silent on the
/// benign reference corpus (built-in plus tenant uploads); the rest wait for review or are rejected, with the reason.
/// </summary>
public interface IPromotionGate
{
    Task<IReadOnlyList<GateDecision>> EvaluateAsync(
        MissReport report,
        IReadOnlyList<Variation> variations,
        IReadOnlyList<PatternCandidate> candidates,
        CancellationToken cancellationToken);
}

/// <summary>The benign texts the gate checks candidates against: the built-in corpus and tenant uploads.</summary>
public interface IBenignCorpus
{
    Task<IReadOnlyList<string>> GetAsync(string? tenantId, CancellationToken cancellationToken);
}
