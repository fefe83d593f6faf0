using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Delimiter and fake-role injection: chat-template tokens, "### system" headers, "System:" lines and fake JSON roles.</summary>
public sealed class DelimiterInjectionDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "delimiter-injection";

    public override string Name => DetectorName;
}
