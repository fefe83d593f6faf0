using System.Globalization;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Normalization;
using Soc.Core.Scoring;

namespace Soc.Core.Sessions;

/// <summary>The verdict of a message seen in its conversation, and the session state to write back.</summary>
public sealed record SessionOutcome(Verdict Verdict, SessionState State, IReadOnlyList<Finding> SessionFindings);

/// <summary>
/// Post-scoring step over the per-message verdict: accumulated decaying risk, split attacks (parts remembered, then
/// joined), probing after blocks, and the optional history the client sent. Pure CPU; the caller loads and stores
/// the <see cref="SessionState"/> (one point read and one write per call).
/// </summary>
public sealed class SessionAnalyzer(
    IThreatAnalyzer analyzer,
    IOptions<SessionOptions> sessionOptions,
    IOptions<DetectionOptions> detectionOptions)
{
    public const string Category = "multi_turn";
    public const string EscalationRule = "SS-1001";
    public const string SplitJoinRule = "SS-1002";
    public const string SplitStagedRule = "SS-1003";
    public const string ProbingRule = "SS-1004";
    public const string HistoryRule = "SS-1005";

    private static readonly string[] FragmentMarkers =
    [
        "remember this", "remember the following", "remember these", "memorize this", "memorise this", "store this",
        "save this", "keep this in mind", "note this down", "part 1", "part one", "first part", "part 2", "part two",
        "second part", "part 3", "part three", "third part", "next part", "last part", "final part", "fragment",
    ];

    private static readonly string[] JoinMarkers =
    [
        "join them", "join the parts", "join all", "join the pieces", "join the fragments", "join everything",
        "combine them", "combine the parts", "combine all", "combine the pieces", "combine the fragments",
        "put them together", "put it together", "put the parts together", "put everything together", "concatenate",
        "assemble the parts", "assemble them", "merge the parts", "merge them", "stitch them", "glue them",
        "read them together", "all parts together",
    ];

    /// <summary>The message's verdict in its session. <paramref name="state"/> null means a new session.</summary>
    public SessionOutcome Analyze(string message, AnalysisContext context, SessionState? state, DateTimeOffset now)
    {
        var o = sessionOptions.Value;
        var verdict = analyzer.Analyze(message, context);
        var prior = state is null || (now - state.UpdatedAt).TotalSeconds > o.IdleResetSeconds ? SessionState.Empty(now) : state;
        var decay = Math.Pow(0.5, Math.Max(0, (now - prior.UpdatedAt).TotalSeconds) / o.RiskHalfLifeSeconds);
        var priorRisk = prior.Risk * decay;
        var pressure = prior.BlockPressure * decay;
        var fragments = new List<string>(prior.Fragments);
        var added = new List<Finding>();

        // History the client sent: screened turn by turn; attacks there count as earlier risk, parts there as fragments.
        if (context.History is { Count: > 0 } history)
        {
            var historyRisk = 0.0;
            var worst = 0.0;
            foreach (var turn in history)
            {
                var v = analyzer.Analyze(turn);
                if (v.Decision != Decision.Allow)
                {
                    historyRisk += v.DangerScore;
                    worst = Math.Max(worst, v.DangerScore);
                }

                if (state is null && IsFragment(Canonical(turn)))
                {
                    AddFragment(fragments, turn, o);
                }
            }

            if (worst > 0)
            {
                added.Add(Make(HistoryRule, Severity.Medium, "history", "earlier turn screened as " + worst.ToString("0.00", CultureInfo.InvariantCulture), Math.Min(0.6, 0.5 * worst + 0.1)));
                priorRisk = Math.Max(priorRisk, historyRisk);
            }
        }

        var canonical = Canonical(message);
        var isFragment = IsFragment(canonical);
        if (isFragment)
        {
            AddFragment(fragments, message, o);
        }

        if (fragments.Count > 0 && (IsJoin(canonical) || (isFragment && fragments.Count > 1)))
        {
            var joined = JoinedDanger(fragments);
            if (joined >= detectionOptions.Value.FlagThreshold)
            {
                added.Add(IsJoin(canonical)
                    ? Make(SplitJoinRule, Severity.Critical, "session", $"join of {fragments.Count} remembered parts is an attack", 0.9)
                    : Make(SplitStagedRule, Severity.Medium, "session", $"{fragments.Count} remembered parts form an attack", 0.5));
            }
        }

        if (verdict.DangerScore > 0 && priorRisk >= o.EscalationRisk)
        {
            added.Add(Make(EscalationRule, Severity.High, "session", "accumulated session risk " + priorRisk.ToString("0.00", CultureInfo.InvariantCulture), Math.Min(0.85, 0.4 + (0.25 * priorRisk))));
        }

        if (verdict.DangerScore > 0 && pressure >= 0.9)
        {
            added.Add(Make(ProbingRule, Severity.High, "session", "suspicious message after " + pressure.ToString("0.0", CultureInfo.InvariantCulture) + " blocked turns", Math.Min(0.9, 0.35 + (0.2 * pressure))));
        }

        var final = added.Count == 0 ? verdict : Rescore(verdict, added);
        var next = new SessionState(
            Math.Min(10, priorRisk + final.DangerScore),
            Math.Min(10, pressure + (final.Decision == Decision.Block ? 1 : 0)),
            prior.Turns + 1,
            fragments,
            now);
        return new SessionOutcome(final, next, added);
    }

    private Verdict Rescore(Verdict verdict, List<Finding> added)
    {
        var findings = verdict.Findings.Concat(added).ToArray();
        var (danger, certainty) = ThreatScorer.Score(findings);
        var decision = ThreatScorer.Decide(danger, certainty, detectionOptions.Value);
        var categories = findings.Where(f => f.Weight > 0).Select(f => f.Category).Distinct(StringComparer.Ordinal).ToArray();
        return verdict with { Decision = decision, DangerScore = danger, Certainty = certainty, Categories = categories, Findings = findings };
    }

    private double JoinedDanger(List<string> fragments)
    {
        // Parts may be cut inside a word or at a word boundary: read them both ways.
        var spaced = analyzer.Analyze(string.Join(' ', fragments)).DangerScore;
        var tight = analyzer.Analyze(string.Concat(fragments)).DangerScore;
        return Math.Max(spaced, tight);
    }

    /// <summary>
    /// The canonical form only (NFKC, lower case, single spaces): the markers need no decoded or de-obfuscated views,
    /// so the full normaliser, which the screening call above already ran, is not run a second time here.
    /// </summary>
    private static string Canonical(string text) => TextNormalizer.Canonicalize(text);

    internal static bool IsFragment(string canonical) => FragmentMarkers.Any(m => canonical.Contains(m, StringComparison.Ordinal));

    internal static bool IsJoin(string canonical) => JoinMarkers.Any(m => canonical.Contains(m, StringComparison.Ordinal));

    private static void AddFragment(List<string> fragments, string message, SessionOptions o)
    {
        // "remember this part: X" keeps X; without a colon the whole message is the part.
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        var part = (colon >= 0 && colon < message.Length - 1 ? message[(colon + 1)..] : message).Trim().Trim('"', '\'', '`');
        if (part.Length == 0)
        {
            return;
        }

        fragments.Add(part.Length > o.MaxFragmentChars ? part[..o.MaxFragmentChars] : part);
        while (fragments.Count > o.MaxFragments)
        {
            fragments.RemoveAt(0);
        }
    }

    private static Finding Make(string ruleId, Severity severity, string view, string evidence, double weight) =>
        new(ruleId, Category, severity, view, 0, 0, Finding.TrimEvidence(evidence), Math.Round(weight, 4));
}
