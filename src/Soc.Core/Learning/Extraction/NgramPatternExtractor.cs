using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Learning.Corpus;
using Soc.Core.Normalization;

namespace Soc.Core.Learning.Extraction;

/// <summary>
/// Proposes literal patterns: word n-grams (<see cref="LearningOptions.MinPatternTokens"/> to
/// <see cref="LearningOptions.MaxPatternTokens"/> words) of the reported text's normalised views, scored by how many
/// variations also contain them (with the screening path's own matching) and by how rare their words are in benign
/// text, then picked so they spread over the reported text. Never a regex: only the report's own words, in order.
/// </summary>
public sealed class NgramPatternExtractor : IPatternExtractor
{
    /// <summary>Words of one view considered at most: bounds the work for very long reports.</summary>
    public const int MaxTokensPerView = 3_000;

    private readonly ITextNormalizer _normalizer;
    private readonly LearningOptions _options;
    private readonly IThreatAnalyzer? _analyzer;

    public NgramPatternExtractor(ITextNormalizer normalizer, IOptions<LearningOptions> options, IThreatAnalyzer? analyzer = null)
    {
        _normalizer = normalizer;
        _options = options.Value;
        _analyzer = analyzer;
    }

    public IReadOnlyList<PatternCandidate> Extract(MissReport report, IReadOnlyList<Variation> variations)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(variations);
        var text = _normalizer.Normalize(report.Message);
        var grams = CollectGrams(text);
        if (grams.Count == 0)
        {
            return [];
        }

        var matcher = new LiteralMatcher(grams.Select(g => g.Tokens).ToArray());
        var covered = new List<int>[grams.Count];
        for (var g = 0; g < grams.Count; g++)
        {
            covered[g] = [];
        }

        for (var v = 0; v < variations.Count; v++)
        {
            var hits = matcher.Match(_normalizer.Normalize(variations[v].Text));
            for (var g = 0; g < hits.Length; g++)
            {
                if (hits[g])
                {
                    covered[g].Add(v);
                }
            }
        }

        var focus = report.FalsePositive ? FlaggedSpans(text) : null;
        var scored = new List<(int Index, double Score)>(grams.Count);
        for (var g = 0; g < grams.Count; g++)
        {
            scored.Add((g, Score(grams[g], covered[g].Count, variations.Count, focus)));
        }

        // Spread: the report is cut into as many stretches as candidates wanted, and each stretch gives its best
        // n-gram, so the candidates cover the whole text and survive edits to any one part of it. The stretches are
        // visited in an interleaved order, so any first few candidates are spread out too. Two candidates never start
        // closer than CandidateStride words apart in one view: overlapping windows survive a changed word between them.
        var k = Math.Max(1, _options.MaxCandidates);
        var bestPerStretch = new int[k];
        Array.Fill(bestPerStretch, -1);
        for (var g = 0; g < grams.Count; g++)
        {
            var viewCount = Math.Max(1, Math.Min(text.Views[grams[g].View].Tokens.Count, MaxTokensPerView));
            var stretch = Math.Min(k - 1, (int)((long)grams[g].Start * k / viewCount));
            var best = bestPerStretch[stretch];
            if (best < 0 || scored[g].Score > scored[best].Score)
            {
                bestPerStretch[stretch] = g;
            }
        }

        var order = new List<int>(grams.Count);
        order.AddRange(SpreadOrder(k).Select(s => bestPerStretch[s]).Where(g => g >= 0));
        order.AddRange(scored.OrderByDescending(x => x.Score).ThenBy(x => x.Index).Select(x => x.Index));

        var taken = new Dictionary<int, List<(int Start, int End)>>();
        var picked = new HashSet<int>();
        var result = new List<PatternCandidate>();
        foreach (var index in order)
        {
            if (result.Count >= _options.MaxCandidates)
            {
                break;
            }

            var gram = grams[index];
            if (!taken.TryGetValue(gram.View, out var spans))
            {
                taken[gram.View] = spans = [];
            }

            var end = gram.Start + gram.Tokens.Length;
            if (picked.Contains(index) || spans.Any(s => Math.Abs(gram.Start - s.Start) < _options.CandidateStride))
            {
                continue;
            }

            picked.Add(index);
            spans.Add((gram.Start, end));
            result.Add(new PatternCandidate(gram.Tokens, covered[index]));
        }

        return result;
    }

    /// <summary>0..k-1 in an order where every prefix is spread over the range (k=8: 0 4 2 6 1 5 3 7).</summary>
    private static IEnumerable<int> SpreadOrder(int k)
    {
        var bits = 0;
        while ((1 << bits) < k)
        {
            bits++;
        }

        for (var i = 0; i < 1 << bits; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                if ((i & (1 << b)) != 0)
                {
                    r |= 1 << (bits - 1 - b);
                }
            }

            if (r < k)
            {
                yield return r;
            }
        }
    }

    private List<Gram> CollectGrams(NormalizedText text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var grams = new List<Gram>();
        var min = Math.Min(_options.MinPatternTokens, _options.MaxPatternTokens);
        var max = Math.Max(_options.MinPatternTokens, _options.MaxPatternTokens);
        for (var v = 0; v < text.Views.Count; v++)
        {
            var tokens = text.Views[v].Tokens;
            var count = Math.Min(tokens.Count, MaxTokensPerView);
            for (var i = 0; i < count; i++)
            {
                for (var n = min; n <= max && i + n <= count; n++)
                {
                    var words = new string[n];
                    for (var k = 0; k < n; k++)
                    {
                        words[k] = tokens[i + k].Value;
                    }

                    if (!IsSpecificEnough(words, _options) || !seen.Add(string.Join('\u0001', words)))
                    {
                        continue;
                    }

                    grams.Add(new Gram(words, v, i));
                }
            }
        }

        return grams;
    }

    /// <summary>Not only stop words, enough distinct meaningful words and characters, within the length bounds.</summary>
    public static bool IsSpecificEnough(IReadOnlyList<string> tokens, LearningOptions options) =>
        tokens.Count >= options.MinPatternTokens
        && tokens.Count <= options.MaxPatternTokens
        && !StopWords.OnlyStopWords(tokens)
        && StopWords.ContentWords(tokens) >= Math.Min(options.MinContentWords, tokens.Count)
        && StopWords.ContentChars(tokens) >= options.MinContentChars;

    private static double Score(Gram gram, int covered, int variations, HashSet<(int View, int Token)>? focus)
    {
        var coverage = variations == 0 ? 0 : (double)covered / variations;

        // Rarity: the share of meaningful words never seen in the built-in benign corpus, softened for words seen once.
        var content = 0;
        var rare = 0.0;
        foreach (var t in gram.Tokens)
        {
            if (StopWords.Contains(t))
            {
                continue;
            }

            content++;
            var df = ReferenceTexts.BenignDocumentFrequency(t);
            rare += df == 0 ? 1.0 : df == 1 ? 0.5 : df <= 3 ? 0.2 : 0.0;
        }

        var rarity = content == 0 ? 0 : rare / content;
        var score = coverage + (0.1 * rarity) + (0.01 * gram.Tokens.Length);
        if (focus is not null)
        {
            // A false-positive report: prefer the words around what the detectors flagged.
            for (var k = 0; k < gram.Tokens.Length; k++)
            {
                if (focus.Contains((gram.View, gram.Start + k)))
                {
                    score += 1.0;
                    break;
                }
            }
        }

        return score;
    }

    /// <summary>The word positions, per view, that the detectors flagged in a reported false positive.</summary>
    private HashSet<(int View, int Token)>? FlaggedSpans(NormalizedText text)
    {
        if (_analyzer is null)
        {
            return null;
        }

        var verdict = _analyzer.Analyze(text.Raw);
        var focus = new HashSet<(int, int)>();
        foreach (var f in verdict.Findings.Where(f => f.Weight > 0))
        {
            for (var v = 0; v < text.Views.Count; v++)
            {
                if (!string.Equals(text.Views[v].Name, f.View, StringComparison.Ordinal))
                {
                    continue;
                }

                var tokens = text.Views[v].Tokens;
                for (var k = 0; k < tokens.Count; k++)
                {
                    if (tokens[k].Start < f.Start + f.Length && f.Start < tokens[k].Start + tokens[k].Length)
                    {
                        focus.Add((v, k));
                    }
                }
            }
        }

        return focus;
    }

    private sealed record Gram(string[] Tokens, int View, int Start);
}
