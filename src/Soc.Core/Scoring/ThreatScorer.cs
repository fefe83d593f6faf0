using Soc.Core.Detection;

namespace Soc.Core.Scoring;

/// <summary>
/// Anomaly scoring: every finding adds evidence; the danger score is the probability that at least one independent
/// piece of evidence is right (1 - product of (1 - weight)), counting each rule once at its strongest. Certainty grows
/// with the number of distinct rules and categories that agree.
/// </summary>
public static class ThreatScorer
{
    public static (double Danger, double Certainty) Score(IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return (0, 1);
        }

        var strongest = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in findings)
        {
            if (f.Weight <= 0)
            {
                continue;
            }

            strongest[f.RuleId] = strongest.TryGetValue(f.RuleId, out var w) ? Math.Max(w, f.Weight) : f.Weight;
        }

        if (strongest.Count == 0)
        {
            return (0, 1);
        }

        var notDangerous = 1.0;
        foreach (var weight in strongest.Values)
        {
            notDangerous *= 1 - Math.Clamp(weight, 0, 1);
        }

        var danger = 1 - notDangerous;
        var categories = findings.Where(f => f.Weight > 0).Select(f => f.Category).Distinct(StringComparer.Ordinal).Count();
        // One rule alone: as sure as its weight says (at least 0.75); more rules and categories raise it towards 1.
        var certainty = Math.Min(1.0, 0.75 + (0.1 * (strongest.Count - 1)) + (0.05 * (categories - 1)) + (0.2 * (strongest.Values.Max() - 0.5)));
        return (Math.Round(danger, 4), Math.Round(Math.Clamp(certainty, 0, 1), 4));
    }

    public static Decision Decide(double danger, double certainty, DetectionOptions options)
    {
        Decision decision;
        if (danger >= options.BlockThreshold && certainty >= options.CertaintyThreshold)
        {
            decision = Decision.Block;
        }
        else if (danger >= options.FlagThreshold)
        {
            decision = Decision.Flag;
        }
        else
        {
            decision = Decision.Allow;
        }

        return options.Mode == EnforcementMode.Shadow && decision == Decision.Block ? Decision.Flag : decision;
    }
}
