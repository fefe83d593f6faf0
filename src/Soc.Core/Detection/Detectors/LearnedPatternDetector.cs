using Soc.Core.Patterns;

namespace Soc.Core.Detection.Detectors;

/// <summary>Runs the learned patterns of the current snapshot over every view.</summary>
public sealed class LearnedPatternDetector : IDetector
{
    public const string DetectorName = "learned-patterns";

    /// <summary>Category given to shadow matches: reported, never counted towards the decision.</summary>
    public const string ShadowPrefix = "shadow:";

    public string Name => DetectorName;

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var snapshot = input.Patterns;
        if (snapshot.Count == 0)
        {
            return;
        }

        HashSet<string>? fired = null;
        foreach (var view in input.Text.Views)
        {
            snapshot.Match(view.Tokens, (pattern, first, last) =>
            {
                fired ??= new HashSet<string>(StringComparer.Ordinal);
                if (!fired.Add(pattern.Id))
                {
                    return;
                }

                var start = view.Tokens[first].Start;
                var end = view.Tokens[last].Start + view.Tokens[last].Length;
                if (pattern.AllowList)
                {
                    // A reviewed false positive: findings that lie wholly inside this span of this view are dropped.
                    // Active only; a shadow allow-list entry changes nothing. Runs after the rule detectors (registered last).
                    if (pattern.Status == PatternStatus.Active)
                    {
                        findings.RemoveAll(f => string.Equals(f.View, view.Name, StringComparison.Ordinal) && f.Start >= start && f.Start + f.Length <= end);
                    }

                    return;
                }

                var shadow = pattern.Status == PatternStatus.Shadow;
                var category = shadow ? ShadowPrefix + pattern.Category : pattern.Category;
                var weight = shadow ? 0 : Rules.RuleDefinition.DefaultWeight(pattern.Severity);
                findings.Add(new Finding(pattern.Id, category, pattern.Severity, view.Name, start, end - start,
                    Finding.TrimEvidence(view.Slice(start, end - start)), weight));
            });
        }
    }
}
