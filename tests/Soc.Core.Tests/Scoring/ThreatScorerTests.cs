using Soc.Core.Detection;
using Soc.Core.Scoring;

namespace Soc.Core.Tests.Scoring;

public sealed class ThreatScorerTests
{
    private static Finding F(string rule, string category, double weight, Severity severity = Severity.Medium) =>
        new(rule, category, severity, "canonical", 0, 1, "x", weight);

    [Fact]
    public void Score_NoFindings_IsSafeAndCertain()
    {
        Assert.Equal((0.0, 1.0), ThreatScorer.Score([]));
    }

    [Fact]
    public void Score_SameRuleTwice_CountsOnceAtItsStrongest()
    {
        var (danger, _) = ThreatScorer.Score([F("PI-1001", "prompt_injection", 0.5), F("PI-1001", "prompt_injection", 0.75)]);

        Assert.Equal(0.75, danger);
    }

    [Fact]
    public void Score_EvidenceFromTwoRules_Accumulates()
    {
        var (danger, _) = ThreatScorer.Score([F("A-0001", "jailbreak", 0.5), F("A-0002", "prompt_injection", 0.5)]);

        Assert.Equal(0.75, danger);
    }

    [Fact]
    public void Score_ContextSwitchingAlone_IsCappedBelowFlag()
    {
        var (danger, _) = ThreatScorer.Score([F("CS-5001", "context_switching", 0.3), F("CS-5002", "context_switching", 0.3), F("CS-5004", "context_switching", 0.3)]);

        Assert.True(danger < new DetectionOptions().FlagThreshold);
    }

    [Fact]
    public void Score_HighParanoia_LiftsTheCaps()
    {
        Finding[] findings = [F("CS-5001", "context_switching", 0.3), F("CS-5002", "context_switching", 0.3), F("CS-5004", "context_switching", 0.3)];

        Assert.True(ThreatScorer.Score(findings, paranoiaLevel: 3).Danger > ThreatScorer.Score(findings, paranoiaLevel: 1).Danger);
    }

    [Fact]
    public void Score_HarmfulRequestAlone_IsCappedAtFlag()
    {
        var (danger, certainty) = ThreatScorer.Score([F("HR-8001", "harmful_request", 0.75)]);

        Assert.Equal(0.6, danger);
        Assert.Equal(Decision.Flag, ThreatScorer.Decide(danger, certainty, new DetectionOptions()));
    }

    [Fact]
    public void Score_CriticalRule_IsNotHeldBackByItsCategoryCap()
    {
        var (danger, certainty) = ThreatScorer.Score([F("HR-8010", "harmful_request", 0.75, Severity.Critical)]);

        Assert.Equal(0.75, danger);
        Assert.Equal(Decision.Block, ThreatScorer.Decide(danger, certainty, new DetectionOptions()));
    }

    [Fact]
    public void Score_CriticalRuleBesideOthers_LiftsTheCapOnlyToItsOwnWeight()
    {
        // Three medium rules would reach 0.94 uncapped; the critical one (0.7) lifts the cap to 0.7, not beyond.
        var (danger, _) = ThreatScorer.Score(
        [
            F("HR-8001", "harmful_request", 0.6),
            F("HR-8002", "harmful_request", 0.6),
            F("HR-8010", "harmful_request", 0.7, Severity.Critical),
        ]);

        Assert.Equal(0.7, danger);
    }

    [Fact]
    public void Score_ZeroWeightShadowFinding_DoesNotScore()
    {
        Assert.Equal(0.0, ThreatScorer.Score([F("LP-1", "shadow:prompt_injection", 0)]).Danger);
    }

    [Theory]
    [InlineData(0.75, 0.8, Decision.Block)]
    [InlineData(0.75, 0.6, Decision.Flag)]
    [InlineData(0.5, 0.9, Decision.Flag)]
    [InlineData(0.2, 0.9, Decision.Allow)]
    public void Decide_AppliesConfiguredThresholds(double danger, double certainty, Decision expected)
    {
        Assert.Equal(expected, ThreatScorer.Decide(danger, certainty, new DetectionOptions()));
    }

    [Fact]
    public void Decide_CustomThreshold_IsHonoured()
    {
        var strict = new DetectionOptions { BlockThreshold = 0.9 };

        Assert.Equal(Decision.Flag, ThreatScorer.Decide(0.8, 0.9, strict));
    }
}
