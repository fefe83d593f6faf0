using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Patterns;

/// <summary>App settings section <c>Patterns</c>.</summary>
public sealed class PatternRefreshOptions
{
    public const string SectionName = "Patterns";

    /// <summary>How often every instance checks the stored pattern-set version (seconds).</summary>
    [Range(0.1, 300)]
    public double RefreshSeconds { get; set; } = 1.0;
}
