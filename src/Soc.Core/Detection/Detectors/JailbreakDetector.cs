using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Jailbreak role-play and personas: DAN and its kin, developer mode, "no restrictions" alter egos, forced compliance.</summary>
public sealed class JailbreakDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "jailbreak";

    public override string Name => DetectorName;
}
