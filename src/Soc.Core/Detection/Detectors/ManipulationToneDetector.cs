using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Manipulative tone: flattery, guilt, threats and pressure aimed at making the model give in. Weak alone by design.</summary>
public sealed class ManipulationToneDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "manipulation-tone";

    public override string Name => DetectorName;
}
