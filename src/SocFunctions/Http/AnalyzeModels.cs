using Soc.Core.Detection;

namespace SocFunctions.Http;

/// <summary>Body of <c>POST /api/analyze</c>.</summary>
public sealed record AnalyzeRequest(string? Message, string? SessionId = null, IReadOnlyList<string>? History = null);

/// <summary>One finding as the API shows it.</summary>
public sealed record FindingDto(string RuleId, string Category, Severity Severity, string View, int Start, int Length, string Evidence);

/// <summary>Answer of <c>POST /api/analyze</c>.</summary>
public sealed record AnalyzeResponse(
    Decision Decision,
    bool ThreatDetected,
    double DangerScore,
    double Certainty,
    IReadOnlyList<string> Categories,
    IReadOnlyList<FindingDto> Findings,
    long PatternSetVersion,
    long ElapsedMicros)
{
    public static AnalyzeResponse From(Verdict v) => new(
        v.Decision,
        v.ThreatDetected,
        v.DangerScore,
        v.Certainty,
        v.Categories,
        v.Findings.Select(f => new FindingDto(f.RuleId, f.Category, f.Severity, f.View, f.Start, f.Length, f.Evidence)).ToArray(),
        v.PatternSetVersion,
        v.ElapsedMicros);
}
