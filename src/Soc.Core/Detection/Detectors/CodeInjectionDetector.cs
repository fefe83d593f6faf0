using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Code injection: script tags and event handlers, SQL injection, shell commands and template injection.</summary>
public sealed class CodeInjectionDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "code-injection";

    public override string Name => DetectorName;
}
