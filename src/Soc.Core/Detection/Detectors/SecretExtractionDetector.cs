using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Requests for the flag, secrets, passwords, keys or the hidden system prompt.</summary>
public sealed class SecretExtractionDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "secret-extraction";

    public override string Name => DetectorName;
}
