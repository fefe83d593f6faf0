using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Social engineering: claims of authority ("I am the developer") and manufactured urgency.</summary>
public sealed class SocialEngineeringDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "social-engineering";

    public override string Name => DetectorName;
}
