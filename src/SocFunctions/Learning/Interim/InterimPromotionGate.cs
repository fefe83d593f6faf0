using Soc.Core.Learning;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Core.Rules;

namespace SocFunctions.Learning.Interim;

/// <summary>
/// The promotion gate until the algorithms' gate is wired. A blocking candidate goes live (Active) only when it
/// occurs in at least 60% of the variations, in none of the benign reference texts, and names at least one attack cue;
/// otherwise it waits for review (40%+ recall, silent on benign) or is rejected, with the reason. An allow-list
/// candidate (from a false-positive report) must cover the variations and match none of the built-in rules' attack examples.
/// </summary>
public sealed class InterimPromotionGate(IBenignCorpus corpus, ITextNormalizer normalizer, RuleCatalog rules) : IPromotionGate
{
    public const double MinRecall = 0.6;
    public const double ReviewRecall = 0.4;

    internal static readonly HashSet<string> AttackCues = new(StringComparer.Ordinal)
    {
        "ignore", "disregard", "override", "bypass", "reveal", "disclose", "leak", "dump", "exfiltrate", "password", "passphrase",
        "passcode", "secret", "secrets", "credentials", "token", "key", "keys", "flag", "prompt", "instructions", "system",
        "jailbreak", "unrestricted", "unfiltered", "uncensored", "admin", "root", "developer", "pretend", "roleplay",
        "restrictions", "filters", "guardrails", "confidential", "hidden", "internal", "execute", "sudo", "exploit",
    };

    public async Task<IReadOnlyList<GateDecision>> EvaluateAsync(
        MissReport report,
        IReadOnlyList<Variation> variations,
        IReadOnlyList<PatternCandidate> candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var reference = report.FalsePositive
            ? rules.Rules.SelectMany(r => r.Examples.Match).ToArray()
            : await corpus.GetAsync(report.TenantId, cancellationToken).ConfigureAwait(false);
        var referenceViews = reference.Select(t => normalizer.Normalize(t).Views.Select(v => v.Tokens.Select(x => x.Value).ToArray()).ToArray()).ToArray();
        var decisions = new List<GateDecision>(candidates.Count);
        foreach (var c in candidates)
        {
            var recall = variations.Count == 0 ? 0 : (double)c.CoveredVariations.Count / variations.Count;
            var matches = referenceViews.Count(views => views.Any(v => LiteralMatch.Contains(v, c.Tokens)));
            var rate = referenceViews.Length == 0 ? 0 : (double)matches / referenceViews.Length;
            var what = report.FalsePositive ? "attack reference texts" : "benign reference texts";
            var figures = $"covers {c.CoveredVariations.Count} of {variations.Count} variations; matches {matches} of {referenceViews.Length} {what}";
            GateDecision decision;
            if (matches > 0)
            {
                decision = new GateDecision(c, PatternStatus.Rejected, recall, rate, "rejected: " + figures);
            }
            else if (!report.FalsePositive && !c.Tokens.Any(AttackCues.Contains))
            {
                decision = new GateDecision(c, PatternStatus.PendingReview, recall, rate, "pending review: no attack cue word; " + figures);
            }
            else if (recall >= MinRecall)
            {
                decision = new GateDecision(c, PatternStatus.Active, recall, rate, "promoted: " + figures);
            }
            else if (recall >= ReviewRecall)
            {
                decision = new GateDecision(c, PatternStatus.PendingReview, recall, rate, "pending review: recall below " + MinRecall.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "; " + figures);
            }
            else
            {
                decision = new GateDecision(c, PatternStatus.Rejected, recall, rate, "rejected: recall too low; " + figures);
            }

            decisions.Add(decision);
        }

        return decisions;
    }
}
