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

/// <summary>App settings section <c>Learning:Webhook</c>: how reporters sign their webhooks.</summary>
public sealed class LearningWebhookOptions
{
    public const string SectionName = "Learning:Webhook";

    /// <summary>
    /// Per-reporter signing secrets, <c>;</c>-separated, each <c>reporter:secret</c>. The reporter a signature matches
    /// is the report's authenticated <c>reported_by</c>. Keep real secrets in Key Vault references, never in the repo.
    /// </summary>
    public string Secrets { get; set; } = string.Empty;

    /// <summary>How far <c>X-Soc-Timestamp</c> may be from the server's clock, in seconds (either way).</summary>
    [Range(10, 3600)]
    public int ToleranceSeconds { get; set; } = 300;
}
