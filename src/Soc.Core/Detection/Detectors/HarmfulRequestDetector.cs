using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>
/// Harmful requests: a verb of instruction or production aimed at clearly harmful operational content (making
/// explosives or drugs, writing malware, phishing, self-harm encouragement, hate speech, defamation, covert tracking,
/// sexual content involving minors). Topic words alone do not fire. Alone it flags; together with jailbreak or
/// context-switching framing the scorer blocks.
/// </summary>
public sealed class HarmfulRequestDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "harmful-request";

    public override string Name => DetectorName;
}
