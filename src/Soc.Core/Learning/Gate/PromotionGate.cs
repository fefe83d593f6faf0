using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Learning.Corpus;
using Soc.Core.Learning.Extraction;
using Soc.Core.Normalization;
using Soc.Core.Patterns;

namespace Soc.Core.Learning.Gate;

/// <summary>
/// The promotion gate. For a missed attack, a candidate goes live (Active, or Shadow when auto-update is off) only
/// when it occurs in the reported text, is specific enough, duplicates no live pattern, catches at least
/// <see cref="LearningOptions.MinVariationRecall"/> of the variations, matches no more than
/// <see cref="LearningOptions.MaxBenignFalsePositiveRate"/> of the benign corpus, and no shorter part of it occurs in
/// benign text either; borderline candidates wait for review; the rest are rejected. For a reported false positive
/// the same idea makes allow-list entries: they must keep matching the benign text's variations and must not occur
/// in any known attack. Every decision carries its reason and figures.
/// </summary>
public sealed partial class PromotionGate : IPromotionGate
{
    private const int MaxCachedTexts = 50_000;

    private readonly IBenignCorpus _corpus;
    private readonly ITextNormalizer _normalizer;
    private readonly IPatternStore _store;
    private readonly LearningOptions _options;
    private readonly ILogger<PromotionGate> _logger;
    private readonly ConcurrentDictionary<string, NormalizedText> _normalized = new(StringComparer.Ordinal);

    public PromotionGate(
        IBenignCorpus corpus,
        ITextNormalizer normalizer,
        IPatternStore store,
        IOptions<LearningOptions> options,
        ILogger<PromotionGate> logger)
    {
        _corpus = corpus;
        _normalizer = normalizer;
        _store = store;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<IReadOnlyList<GateDecision>> EvaluateAsync(
        MissReport report,
        IReadOnlyList<Variation> variations,
        IReadOnlyList<PatternCandidate> candidates,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(variations);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0)
        {
            return [];
        }

        var benign = await _corpus.GetAsync(report.TenantId, cancellationToken).ConfigureAwait(false);
        var existing = (await _store.LoadAsync(cancellationToken).ConfigureAwait(false)).Patterns
            .Where(p => p.AllowList == report.FalsePositive && p.Status is PatternStatus.Active or PatternStatus.Shadow or PatternStatus.PendingReview)
            .ToArray();

        var sequences = candidates.Select(c => c.Tokens).ToArray();
        var matcher = new LiteralMatcher(sequences);
        var inReport = matcher.Match(_normalizer.Normalize(report.Message));
        var variationHits = Count(matcher, variations.Select(v => v.Text), cache: false, cancellationToken);
        var benignHits = Count(matcher, benign, cache: true, cancellationToken);

        var decisions = report.FalsePositive
            ? DecideAllowList(report, candidates, variations.Count, inReport, variationHits, existing, cancellationToken)
            : DecideBlock(report, candidates, variations.Count, inReport, variationHits, benignHits, benign, existing, cancellationToken);

        foreach (var d in decisions)
        {
            LogDecision(_logger, report.ReportId, d.Status, d.VariationRecall, d.BenignFalsePositiveRate, d.Candidate.Tokens.Count);
        }

        LogSummary(_logger, report.ReportId, candidates.Count,
            decisions.Count(d => d.Status is PatternStatus.Active or PatternStatus.Shadow),
            decisions.Count(d => d.Status == PatternStatus.PendingReview), benign.Count);

        return decisions;
    }

    private List<GateDecision> DecideBlock(
        MissReport report,
        IReadOnlyList<PatternCandidate> candidates,
        int variationCount,
        bool[] inReport,
        int[] variationHits,
        int[] benignHits,
        IReadOnlyList<string> benign,
        LearnedPattern[] existing,
        CancellationToken cancellationToken)
    {
        var nearBenign = NearBenignHits(candidates, benign, cancellationToken);
        var benignLike = Enumerable.Range(0, candidates.Count).Count(i => benignHits[i] > 0 || nearBenign[i].Hits > 0);
        var benignLikeShare = (double)benignLike / candidates.Count;
        var reportLooksBenign = benignLikeShare > _options.BenignLookingReportShare;
        var cueScore = AttackCues.Score(_normalizer.Normalize(report.Message));
        var live = _options.AutoUpdatePatterns ? PatternStatus.Active : PatternStatus.Shadow;

        var decisions = new List<GateDecision>(candidates.Count);
        var promoted = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var recall = variationCount == 0 ? 0 : (double)variationHits[i] / variationCount;
            var fpr = benign.Count == 0 ? 0 : (double)benignHits[i] / benign.Count;
            var figures = string.Create(CultureInfo.InvariantCulture,
                $"catches {variationHits[i]}/{variationCount} variations ({recall:P0}), matches {benignHits[i]}/{benign.Count} benign texts");

            (PatternStatus Status, string Reason) verdict;
            if (Rejection(c, inReport[i], existing) is { } rejected)
            {
                verdict = (PatternStatus.Rejected, rejected);
            }
            else if (fpr > _options.MaxBenignFalsePositiveRate)
            {
                verdict = benignHits[i] == 1 && recall >= _options.MinVariationRecall
                    ? (PatternStatus.PendingReview, $"borderline: {figures}; a reviewer must judge the one benign match")
                    : (PatternStatus.Rejected, $"would block benign traffic: {figures}");
            }
            else if (recall < _options.ReviewVariationRecall)
            {
                verdict = (PatternStatus.Rejected, string.Create(CultureInfo.InvariantCulture,
                    $"misses most variations: {figures}; needs {_options.MinVariationRecall:P0}"));
            }
            else if (recall < _options.MinVariationRecall)
            {
                verdict = (PatternStatus.PendingReview, string.Create(CultureInfo.InvariantCulture,
                    $"borderline recall: {figures}; needs {_options.MinVariationRecall:P0} to go live"));
            }
            else if (nearBenign[i].Hits > 0)
            {
                verdict = (PatternStatus.PendingReview,
                    $"close to benign language: \"{nearBenign[i].Part}\" occurs in {nearBenign[i].Hits} benign texts; {figures}");
            }
            else if (reportLooksBenign)
            {
                verdict = (PatternStatus.PendingReview, string.Create(CultureInfo.InvariantCulture,
                    $"the reported text reads like benign traffic ({benignLike}/{candidates.Count} candidates overlap benign texts); {figures}"));
            }
            else if (cueScore < _options.MinAttackCueScore)
            {
                verdict = (PatternStatus.PendingReview, string.Create(CultureInfo.InvariantCulture,
                    $"the reported text has few attack cues ({cueScore:0.#} points, needs {_options.MinAttackCueScore:0.#}); a reviewer must confirm it is an attack; {figures}"));
            }
            else if (promoted >= _options.MaxPatternsPerReport)
            {
                verdict = (PatternStatus.Rejected, $"not needed: {promoted} stronger patterns from this report went live; {figures}");
            }
            else
            {
                promoted++;
                verdict = (live, _options.AutoUpdatePatterns
                    ? $"passed the gate: {figures}"
                    : $"passed the gate, shadow because auto-update is off: {figures}");
            }

            decisions.Add(new GateDecision(c, verdict.Status, Math.Round(recall, 4), Math.Round(fpr, 6), verdict.Reason));
        }

        return decisions;
    }

    private List<GateDecision> DecideAllowList(
        MissReport report,
        IReadOnlyList<PatternCandidate> candidates,
        int variationCount,
        bool[] inReport,
        int[] variationHits,
        LearnedPattern[] existing,
        CancellationToken cancellationToken)
    {
        var matcher = new LiteralMatcher(candidates.Select(c => c.Tokens).ToArray());
        var attacks = ReferenceTexts.Attacks;
        var attackHits = Count(matcher, attacks, cache: true, cancellationToken);
        var live = _options.AutoUpdatePatterns && !_options.AllowListRequiresReview ? PatternStatus.Active : PatternStatus.PendingReview;
        var decisions = new List<GateDecision>(candidates.Count);
        var promoted = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var recall = variationCount == 0 ? 0 : (double)variationHits[i] / variationCount;
            var attackRate = (double)attackHits[i] / attacks.Count;
            var figures = string.Create(CultureInfo.InvariantCulture,
                $"matches {variationHits[i]}/{variationCount} benign variations ({recall:P0}), {attackHits[i]}/{attacks.Count} known attacks");

            (PatternStatus Status, string Reason) verdict;
            if (Rejection(c, inReport[i], existing) is { } rejected)
            {
                verdict = (PatternStatus.Rejected, rejected);
            }
            else if (attackHits[i] > 0)
            {
                verdict = (PatternStatus.Rejected, $"would excuse known attacks: {figures}");
            }
            else if (recall < _options.ReviewVariationRecall)
            {
                verdict = (PatternStatus.Rejected, $"misses most variations of the reported text: {figures}");
            }
            else if (recall < _options.MinVariationRecall)
            {
                verdict = (PatternStatus.PendingReview, $"borderline recall: {figures}");
            }
            else if (promoted >= _options.MaxPatternsPerReport)
            {
                verdict = (PatternStatus.Rejected, $"not needed: {promoted} allow-list entries from this report already passed; {figures}");
            }
            else
            {
                promoted++;
                verdict = (live, live == PatternStatus.Active
                    ? $"allow-list entry passed the gate: {figures}"
                    : $"allow-list entry passed the gate, waits for a reviewer: {figures}");
            }

            // For allow-list entries the "false-positive rate" the gate bounds is the share of known attacks matched.
            decisions.Add(new GateDecision(c, verdict.Status, Math.Round(recall, 4), Math.Round(attackRate, 6), verdict.Reason));
        }

        return decisions;
    }

    /// <summary>The reasons that reject a candidate whatever its figures, or null.</summary>
    private string? Rejection(PatternCandidate c, bool inReport, LearnedPattern[] existing)
    {
        if (!inReport)
        {
            return "does not occur in the reported text";
        }

        if (!NgramPatternExtractor.IsSpecificEnough(c.Tokens, _options))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"too generic: {c.Tokens.Count} words, {StopWords.ContentWords(c.Tokens)} meaningful words, {StopWords.ContentChars(c.Tokens)} meaningful characters (needs {_options.MinPatternTokens}..{_options.MaxPatternTokens} words, {_options.MinContentWords} meaningful words, {_options.MinContentChars} characters)");
        }

        foreach (var p in existing)
        {
            if (Contains(c.Tokens, p.Tokens))
            {
                var state = p.Status switch
                {
                    PatternStatus.Active => "live",
                    PatternStatus.Shadow => "shadow",
                    _ => "pending-review",
                };
                return $"duplicate: {state} pattern {p.Id} already matches wherever this one would";
            }
        }

        return null;
    }

    /// <summary>For each candidate: does a part one word shorter (with meaningful words) occur in benign text?</summary>
    private (int Hits, string Part)[] NearBenignHits(IReadOnlyList<PatternCandidate> candidates, IReadOnlyList<string> benign, CancellationToken cancellationToken)
    {
        var parts = new List<IReadOnlyList<string>>();
        var owner = new List<int>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var tokens = candidates[i].Tokens;
            if (tokens.Count < 3)
            {
                continue;
            }

            for (var s = 0; s + tokens.Count - 1 <= tokens.Count; s++)
            {
                var part = tokens.Skip(s).Take(tokens.Count - 1).ToArray();
                if (!StopWords.OnlyStopWords(part))
                {
                    parts.Add(part);
                    owner.Add(i);
                }
            }
        }

        var result = new (int Hits, string Part)[candidates.Count];
        if (parts.Count == 0)
        {
            return result;
        }

        var hits = Count(new LiteralMatcher(parts), benign, cache: true, cancellationToken);
        for (var p = 0; p < parts.Count; p++)
        {
            if (hits[p] > result[owner[p]].Hits)
            {
                result[owner[p]] = (hits[p], string.Join(' ', parts[p]));
            }
        }

        return result;
    }

    private int[] Count(LiteralMatcher matcher, IEnumerable<string> texts, bool cache, CancellationToken cancellationToken)
    {
        var counts = new int[matcher.Count];
        var hits = new bool[matcher.Count];
        foreach (var text in texts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(hits);
            matcher.MatchInto(cache ? Normalize(text) : _normalizer.Normalize(text), hits);
            for (var i = 0; i < hits.Length; i++)
            {
                if (hits[i])
                {
                    counts[i]++;
                }
            }
        }

        return counts;
    }

    private NormalizedText Normalize(string text)
    {
        if (_normalized.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var normalized = _normalizer.Normalize(text);
        if (_normalized.Count >= MaxCachedTexts)
        {
            _normalized.Clear();
        }

        _normalized[text] = normalized;
        return normalized;
    }

    /// <summary>True when <paramref name="inner"/> occurs as a contiguous run of <paramref name="outer"/>.</summary>
    private static bool Contains(IReadOnlyList<string> outer, IReadOnlyList<string> inner)
    {
        for (var s = 0; s + inner.Count <= outer.Count; s++)
        {
            var all = true;
            for (var k = 0; k < inner.Count; k++)
            {
                if (!string.Equals(outer[s + k], inner[k], StringComparison.Ordinal))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(EventId = 2511, Level = LogLevel.Information, Message = "Report {ReportId}: gate passed {Live} of {Count} candidates, {Pending} wait for review (benign corpus of {BenignCount} texts)")]
    private static partial void LogSummary(ILogger logger, string reportId, int count, int live, int pending, int benignCount);

    [LoggerMessage(EventId = 2510, Level = LogLevel.Debug, Message = "Report {ReportId}: candidate of {Words} words -> {Status} (variation recall {Recall}, benign rate {BenignRate})")]
    private static partial void LogDecision(ILogger logger, string reportId, PatternStatus status, double recall, double benignRate, int words);
}
