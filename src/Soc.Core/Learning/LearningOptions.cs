using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Learning;

/// <summary>App settings section <c>Learning</c> (for example <c>Learning__MaxVariationsPerAttack</c>).</summary>
public sealed class LearningOptions
{
    public const string SectionName = "Learning";

    /// <summary>Learn from reported misses at all (the seed's ENABLE_INCREMENTAL_LEARNING).</summary>
    public bool EnableIncrementalLearning { get; set; } = true;

    /// <summary>Patterns that pass the gate go live as Active; when false they go live as Shadow (log only) (AUTO_UPDATE_PATTERNS).</summary>
    public bool AutoUpdatePatterns { get; set; } = true;

    /// <summary>How far one report moves the statistical classifier, 0..1 (LEARNING_RATE).</summary>
    [Range(0.0, 1.0)]
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Variations generated per reported miss (MAX_VARIATIONS_PER_ATTACK), 10..30.</summary>
    [Range(10, 30)]
    public int MaxVariationsPerAttack { get; set; } = 15;

    /// <summary>Share of the variations asked from the AI model when one is configured (the rules make the rest).</summary>
    [Range(0.0, 1.0)]
    public double AiVariationShare { get; set; } = 0.4;

    /// <summary>A candidate must occur in at least this share of the variations to go live.</summary>
    [Range(0.0, 1.0)]
    public double MinVariationRecall { get; set; } = 0.6;

    /// <summary>Below <see cref="MinVariationRecall"/> but at least this: the candidate waits for review.</summary>
    [Range(0.0, 1.0)]
    public double ReviewVariationRecall { get; set; } = 0.4;

    /// <summary>Highest share of benign reference texts a live candidate may match (0 = none at all).</summary>
    [Range(0.0, 0.05)]
    public double MaxBenignFalsePositiveRate { get; set; }

    /// <summary>Fewest words a learned pattern may have.</summary>
    [Range(2, 12)]
    public int MinPatternTokens { get; set; } = 3;

    /// <summary>Longest learned pattern, in words.</summary>
    [Range(2, 12)]
    public int MaxPatternTokens { get; set; } = 6;

    /// <summary>Fewest distinct words that are not stop words (too generic otherwise).</summary>
    [Range(1, 12)]
    public int MinContentWords { get; set; } = 3;

    /// <summary>Fewest characters in the pattern's words that are not stop words (too generic otherwise).</summary>
    [Range(1, 100)]
    public int MinContentChars { get; set; } = 10;

    /// <summary>Fewest words between the starts of two candidates (1 = every position may start one).</summary>
    [Range(1, 12)]
    public int CandidateStride { get; set; } = 1;

    /// <summary>Most candidates the extractor hands to the gate per report.</summary>
    [Range(1, 500)]
    public int MaxCandidates { get; set; } = 128;

    /// <summary>Most patterns that go live from one report (spread over the reported text).</summary>
    [Range(1, 200)]
    public int MaxPatternsPerReport { get; set; } = 64;

    /// <summary>
    /// When more than this share of a report's candidates overlap benign language, the report itself reads like benign
    /// traffic: nothing from it goes live without a reviewer.
    /// </summary>
    [Range(0.0, 1.0)]
    public double BenignLookingReportShare { get; set; } = 0.5;

    /// <summary>Allow-list entries (from false-positive reports) always wait for a reviewer when true.</summary>
    public bool AllowListRequiresReview { get; set; }

    /// <summary>
    /// How much a reported miss must read like an attack (points of attack cue words: strong 1, weak 0.5) before its
    /// patterns may go live without a reviewer; below it every passing candidate waits for review.
    /// </summary>
    [Range(0.0, 20.0)]
    public double MinAttackCueScore { get; set; } = 1.5;
}
