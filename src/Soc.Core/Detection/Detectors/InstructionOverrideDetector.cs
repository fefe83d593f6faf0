using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>"Ignore all previous instructions" and its kin: attempts to cancel the system's instructions.</summary>
public sealed class InstructionOverrideDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "instruction-override";

    public override string Name => DetectorName;
}
