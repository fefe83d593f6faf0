using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Context switching: hypotheticals, fiction and "for research purposes" framings that wrap a forbidden request. Weak alone; it adds to other evidence.</summary>
public sealed class ContextSwitchDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "context-switching";

    public override string Name => DetectorName;
}
