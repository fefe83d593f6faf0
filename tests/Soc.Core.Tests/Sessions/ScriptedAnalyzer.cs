using Soc.Core.Detection;
using Soc.Core.Scoring;

namespace Soc.Core.Tests.Sessions;

/// <summary>
/// An analyzer whose rules are given by the test (phrase -> weight), so session behaviour is specified independently
/// of the built-in rule set. Scoring and decisions are the engine's own.
/// </summary>
internal sealed class ScriptedAnalyzer(params (string Phrase, double Weight)[] rules) : IThreatAnalyzer
{
    public static readonly DetectionOptions Options = new();

    public List<string> Seen { get; } = [];

    public Verdict Analyze(string message, AnalysisContext? context = null)
    {
        Seen.Add(message);
        var findings = rules
            .Where(r => message.Contains(r.Phrase, StringComparison.OrdinalIgnoreCase))
            .Select((r, i) => new Finding("T-" + r.Phrase, "prompt_injection", Severity.High, "canonical", 0, r.Phrase.Length, r.Phrase, r.Weight))
            .ToArray();
        var (danger, certainty) = ThreatScorer.Score(findings);
        var decision = ThreatScorer.Decide(danger, certainty, Options);
        return new Verdict(decision, danger, certainty, findings.Select(f => f.Category).Distinct().ToArray(), findings, 1, 1);
    }
}
