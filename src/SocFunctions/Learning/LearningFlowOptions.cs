using System.ComponentModel.DataAnnotations;

namespace SocFunctions.Learning;

/// <summary>
/// App settings section <c>Learning</c> as the orchestration reads it (the seed's ENABLE_INCREMENTAL_LEARNING,
/// AUTO_UPDATE_PATTERNS and MAX_VARIATIONS_PER_ATTACK; same names and meaning as the algorithms' options).
/// </summary>
public sealed class LearningFlowOptions
{
    public const string SectionName = "Learning";

    /// <summary>Accept reports and learn from them at all; false answers 503 to reports.</summary>
    public bool EnableIncrementalLearning { get; set; } = true;

    /// <summary>Patterns that pass the gate go live as Active; when false they go live as Shadow (log only).</summary>
    public bool AutoUpdatePatterns { get; set; } = true;

    /// <summary>Variations generated per report.</summary>
    [Range(10, 30)]
    public int MaxVariationsPerAttack { get; set; } = 15;
}
