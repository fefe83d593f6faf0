using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Detection;

/// <summary>How enforcement works: block for real, or only report what would have been blocked.</summary>
public enum EnforcementMode
{
    Enforce,
    Shadow,
}

/// <summary>App settings section <c>Detection</c> (for example <c>Detection__BlockThreshold</c>).</summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Detection";

    /// <summary>Danger score at or above which a message is blocked (the seed's DANGER_SCORE_THRESHOLD).</summary>
    [Range(0.0, 1.0)]
    public double BlockThreshold { get; set; } = 0.7;

    /// <summary>Certainty needed before a dangerous message is blocked rather than flagged (CERTAINTY_SCORE_THRESHOLD).</summary>
    [Range(0.0, 1.0)]
    public double CertaintyThreshold { get; set; } = 0.7;

    /// <summary>Danger score at or above which a message is flagged.</summary>
    [Range(0.0, 1.0)]
    public double FlagThreshold { get; set; } = 0.4;

    /// <summary>Paranoia level 1..4: higher levels enable rules that catch more and risk more false positives.</summary>
    [Range(1, 4)]
    public int ParanoiaLevel { get; set; } = 1;

    /// <summary>Enforce (block) or Shadow (report only: the decision is never Block).</summary>
    public EnforcementMode Mode { get; set; } = EnforcementMode.Enforce;

    /// <summary>Longest message accepted, in characters.</summary>
    [Range(1, 1_000_000)]
    public int MaxMessageChars { get; set; } = 32_000;

    /// <summary>Detectors to run, by name, in order. Empty means every registered detector.</summary>
    public List<string> Detectors { get; set; } = [];
}
