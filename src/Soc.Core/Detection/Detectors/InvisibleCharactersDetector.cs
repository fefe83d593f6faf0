using Soc.Core.Rules;

namespace Soc.Core.Detection.Detectors;

/// <summary>Invisible and smuggled characters: zero-width characters in words, bidi controls, Unicode tag and variation-selector smuggling, homoglyphs, letter spacing and leetspeak, as reported by the normaliser.</summary>
public sealed class InvisibleCharactersDetector(RuleCatalog catalog) : RuleDetector(catalog)
{
    public const string DetectorName = "invisible-characters";

    public override string Name => DetectorName;
}
