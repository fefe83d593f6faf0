using Soc.Core.Learning;
using Soc.Core.Learning.Extraction;
using Soc.Core.Normalization;
using static Soc.Core.Tests.Learning.LearningTestKit;

namespace Soc.Core.Tests.Learning;

public sealed class PatternExtractorTests
{
    [Fact]
    public void Extract_NeverEmitsStopWordOnlyOrGenericCandidates()
    {
        var report = Report("It is what it is and that is all there is to it, so do it now as you are and as you were before this.");
        var candidates = Extractor().Extract(report, Variations(report));

        Assert.All(candidates, c =>
        {
            Assert.False(StopWords.OnlyStopWords(c.Tokens), c.Text);
            Assert.True(StopWords.ContentWords(c.Tokens) >= 3, c.Text);
        });
    }

    [Fact]
    public void Extract_CoveredVariations_AreExactlyTheVariationsHoldingTheWords()
    {
        var report = Report(PersonaJailbreak);
        var variations = Variations(report);
        var normalizer = new TextNormalizer();

        var candidates = Extractor().Extract(report, variations);

        Assert.NotEmpty(candidates);
        foreach (var c in candidates)
        {
            // Independent check: a plain contiguous search over the words of every view the normaliser produces.
            var expected = Enumerable.Range(0, variations.Count)
                .Where(i => normalizer.Normalize(variations[i].Text).Views.Any(v => ContainsRun(v.Tokens.Select(t => t.Value).ToArray(), c.Tokens)))
                .ToArray();
            Assert.Equal(expected, c.CoveredVariations);
        }
    }

    [Fact]
    public void Extract_Candidates_AreWordRunsOfTheReportWithinTheLengthBounds()
    {
        var report = Report(PersonaJailbreak);
        var options = Options();

        var candidates = Extractor(options).Extract(report, Variations(report));

        Assert.All(candidates, c =>
        {
            Assert.InRange(c.Tokens.Count, options.MinPatternTokens, options.MaxPatternTokens);
            Assert.True(ContainsRun(Words(PersonaJailbreak), c.Tokens), c.Text);
        });
    }

    [Fact]
    public void Extract_Candidates_DoNotOverlapAndSpreadOverTheText()
    {
        var report = Report(PersonaJailbreak);
        var words = Words(PersonaJailbreak);

        var candidates = Extractor().Extract(report, Variations(report));
        var positions = candidates.Select(c => Enumerable.Range(0, words.Length - c.Tokens.Count + 1)
            .First(i => c.Tokens.Select((w, k) => words[i + k] == w).All(b => b))).ToArray();

        Assert.Contains(positions, p => p < words.Length / 3);
        Assert.Contains(positions, p => p > 2 * words.Length / 3);
        Assert.Equal(candidates.Count, candidates.Select(c => c.Text).Distinct().Count());
    }

    [Fact]
    public void Extract_CoverageDrivesTheOrderWithinAStretch()
    {
        var report = Report(PersonaJailbreak);
        var variations = Variations(report);

        var candidates = Extractor().Extract(report, variations);

        // Every candidate is covered by the role-play wrappers at least (they keep the whole text).
        var rolePlay = Enumerable.Range(0, variations.Count).Where(i => variations[i].Technique == "role-play").ToArray();
        Assert.NotEmpty(rolePlay);
        Assert.All(candidates, c => Assert.Subset(c.CoveredVariations.ToHashSet(), rolePlay.ToHashSet()));
    }

    [Fact]
    public void Extract_NoVariations_GivesCandidatesWithNoCoverage()
    {
        var candidates = Extractor().Extract(Report(PersonaJailbreak), Array.Empty<Variation>());

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c => Assert.Empty(c.CoveredVariations));
    }
}
