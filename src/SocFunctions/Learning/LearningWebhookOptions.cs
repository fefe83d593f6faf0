using System.ComponentModel.DataAnnotations;

namespace SocFunctions.Learning;

/// <summary>App settings section <c>LearningWebhook</c>: how reporters sign their webhooks.</summary>
public sealed class LearningWebhookOptions
{
    public const string SectionName = "LearningWebhook";

    /// <summary>
    /// Per-reporter signing secrets, <c>;</c>-separated, each <c>reporter:secret</c>. The reporter a signature matches
    /// is the report's authenticated <c>reported_by</c>. Keep real secrets in Key Vault references, never in the repo.
    /// </summary>
    public string Secrets { get; set; } = string.Empty;

    /// <summary>How far <c>X-Soc-Timestamp</c> may be from the server's clock, in seconds (either way).</summary>
    [Range(10, 3600)]
    public int ToleranceSeconds { get; set; } = 300;
}
