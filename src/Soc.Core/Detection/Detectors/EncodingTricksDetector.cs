using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Encoding tricks: asks to decode and follow encoded text, or the message hides instructions in an encoded layer.</summary>
public sealed class EncodingTricksDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "encoding-tricks";

    public override string Name => DetectorName;
}
