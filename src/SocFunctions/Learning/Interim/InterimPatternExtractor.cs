using Soc.Core.Learning;
using Soc.Core.Normalization;

namespace SocFunctions.Learning.Interim;

/// <summary>
/// Literal word n-grams (3 to 5 words) of the reported text's canonical view, ranked by how many variations contain
/// them, until the algorithms' extractor is wired. Never builds a regex: a candidate is a list of normalised words.
/// </summary>
public sealed class InterimPatternExtractor(ITextNormalizer normalizer) : IPatternExtractor
{
    public const int MinWords = 3;
    public const int MaxWords = 5;
    public const int MaxCandidates = 5;

    internal static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "by", "from", "is", "are", "was",
        "be", "it", "this", "that", "me", "my", "you", "your", "i", "we", "us", "our", "please", "can", "could", "would",
        "will", "do", "does", "what", "how", "all", "any", "now", "just", "so", "as", "if", "then", "there", "here",
    };

    public IReadOnlyList<PatternCandidate> Extract(MissReport report, IReadOnlyList<Variation> variations)
    {
        ArgumentNullException.ThrowIfNull(report);
        var words = normalizer.Normalize(report.Message).Canonical.Tokens.Select(t => t.Value).ToArray();
        var variationViews = variations.Select(v => normalizer.Normalize(v.Text).Views.Select(view => view.Tokens.Select(t => t.Value).ToArray()).ToArray()).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var scored = new List<PatternCandidate>();
        for (var n = MinWords; n <= MaxWords; n++)
        {
            for (var i = 0; i + n <= words.Length; i++)
            {
                var gram = words[i..(i + n)];
                if (gram.Count(w => !StopWords.Contains(w)) < 2 || !seen.Add(string.Join(' ', gram)))
                {
                    continue;
                }

                var covered = Enumerable.Range(0, variationViews.Length).Where(k => variationViews[k].Any(view => LiteralMatch.Contains(view, gram))).ToArray();
                scored.Add(new PatternCandidate(gram, covered));
            }
        }

        return scored
            .OrderByDescending(c => c.CoveredVariations.Count)
            .ThenByDescending(c => c.Tokens.Count)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Take(MaxCandidates)
            .ToArray();
    }
}
