namespace Soc.Core.Detection;

/// <summary>What the engine decided about one message.</summary>
public enum Decision
{
    Allow,
    Flag,
    Block,
}

/// <summary>Severity of a rule, in the OWASP CRS sense: points that accumulate into the danger score.</summary>
public enum Severity
{
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}

/// <summary>One piece of evidence: which rule fired, on which text view, where, and on what text.</summary>
/// <param name="RuleId">Stable rule id, for example <c>PI-1001</c>, or a learned pattern id (<c>LP-...</c>).</param>
/// <param name="Category">Threat category, for example <c>prompt_injection</c>.</param>
/// <param name="Severity">Severity of the rule.</param>
/// <param name="View">The normalised text view the rule matched on (raw, canonical, decoded:base64, ...).</param>
/// <param name="Start">Start of the evidence in that view's text.</param>
/// <param name="Length">Length of the evidence in that view's text.</param>
/// <param name="Evidence">The matched text, trimmed to a bounded length.</param>
/// <param name="Weight">How much this finding moves the danger score (0..1).</param>
public sealed record Finding(
    string RuleId,
    string Category,
    Severity Severity,
    string View,
    int Start,
    int Length,
    string Evidence,
    double Weight)
{
    /// <summary>Evidence longer than this is cut, so a verdict never carries a whole message.</summary>
    public const int MaxEvidenceChars = 120;

    public static string TrimEvidence(string text) =>
        text.Length <= MaxEvidenceChars ? text : string.Concat(text.AsSpan(0, MaxEvidenceChars - 1), "…");
}

/// <summary>The engine's answer for one message.</summary>
public sealed record Verdict(
    Decision Decision,
    double DangerScore,
    double Certainty,
    IReadOnlyList<string> Categories,
    IReadOnlyList<Finding> Findings,
    long PatternSetVersion,
    long ElapsedMicros)
{
    /// <summary>True when the message was flagged or blocked.</summary>
    public bool ThreatDetected => Decision != Decision.Allow;

    /// <summary>The rule ids that fired, in the order they were found, without repeats.</summary>
    public IReadOnlyList<string> RuleIds => Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToArray();
}
