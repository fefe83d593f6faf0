using Soc.Core.Detection;

namespace Soc.Core.Scoring;

/// <summary>
/// Anomaly scoring. Every finding adds evidence; each rule counts once, at its strongest. Within a category the
/// evidence combines as independent chances (1 - product of (1 - weight)) and is capped: context switching,
/// manipulation tone and obfuscation signals are common in harmless text, so alone they can at most flag (or not
/// even that); together with other categories they push a message over the block threshold. The danger score
/// combines the categories the same way. Certainty grows with the number of distinct rules and categories that agree.
/// A critical rule is not held back by its category's cap: the category reaches at least that rule's weight, so a
/// request for sexual content involving a child blocks on its own while other harmful requests alone only flag.
/// At paranoia level 3 and above the caps are lifted.
/// </summary>
public static class ThreatScorer
{
    /// <summary>Highest danger one category can reach on its own.</summary>
    public static IReadOnlyDictionary<string, double> CategoryCaps { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["manipulation_tone"] = 0.35,
        ["context_switching"] = 0.35,
        ["social_engineering"] = 0.6,
        ["harmful_request"] = 0.6,
        ["encoding_tricks"] = 0.8,
        ["obfuscation"] = 0.85,
    };

    public static (double Danger, double Certainty) Score(IReadOnlyList<Finding> findings, int paranoiaLevel = 1)
    {
        if (findings.Count == 0)
        {
            return (0, 1);
        }

        // Small messages have few findings: linear scans beat dictionaries here.
        var rules = new List<(string Rule, string Category, double Weight, bool Critical)>(findings.Count);
        foreach (var f in findings)
        {
            if (f.Weight <= 0)
            {
                continue;
            }

            var i = IndexOf(rules, f.RuleId);
            if (i < 0)
            {
                rules.Add((f.RuleId, f.Category, Math.Clamp(f.Weight, 0, 1), f.Severity == Severity.Critical));
            }
            else if (f.Weight > rules[i].Weight)
            {
                rules[i] = (f.RuleId, f.Category, Math.Clamp(f.Weight, 0, 1), rules[i].Critical || f.Severity == Severity.Critical);
            }
        }

        if (rules.Count == 0)
        {
            return (0, 1);
        }

        var categories = new List<(string Category, double NotDangerous, double Critical)>(4);
        var strongest = 0.0;
        foreach (var (_, category, weight, critical) in rules)
        {
            strongest = Math.Max(strongest, weight);
            var criticalWeight = critical ? weight : 0;
            var i = IndexOf(categories, category);
            if (i < 0)
            {
                categories.Add((category, 1 - weight, criticalWeight));
            }
            else
            {
                categories[i] = (category, categories[i].NotDangerous * (1 - weight), Math.Max(categories[i].Critical, criticalWeight));
            }
        }

        var notDangerous = 1.0;
        foreach (var (category, notCategory, critical) in categories)
        {
            var danger = 1 - notCategory;
            if (paranoiaLevel < 3 && CategoryCaps.TryGetValue(category, out var cap))
            {
                danger = Math.Min(danger, Math.Max(cap, critical));
            }

            notDangerous *= 1 - danger;
        }

        var total = 1 - notDangerous;
        // One rule alone: as sure as its weight says (at least 0.75); more rules and categories raise it towards 1.
        var certainty = Math.Min(1.0, 0.75 + (0.1 * (rules.Count - 1)) + (0.05 * (categories.Count - 1)) + (0.2 * (strongest - 0.5)));
        return (Math.Round(total, 4), Math.Round(Math.Clamp(certainty, 0, 1), 4));
    }

    private static int IndexOf(List<(string Rule, string Category, double Weight, bool Critical)> rules, string rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (string.Equals(rules[i].Rule, rule, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOf(List<(string Category, double NotDangerous, double Critical)> categories, string category)
    {
        for (var i = 0; i < categories.Count; i++)
        {
            if (string.Equals(categories[i].Category, category, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
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
