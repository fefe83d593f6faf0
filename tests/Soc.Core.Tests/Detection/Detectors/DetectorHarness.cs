using Soc.Core.Detection;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Core.Rules;

namespace Soc.Core.Tests.Detection.Detectors;

/// <summary>Runs one detector alone over the normalised views of a text.</summary>
internal static class DetectorHarness
{
    private static readonly TextNormalizer Normalizer = new(RuleCatalog.BuiltIn);

    public static List<Finding> Run(IDetector detector, string text, int paranoia = 1, AnalysisContext? context = null)
    {
        var findings = new List<Finding>();
        detector.Detect(new ScanInput(Normalizer.Normalize(text), PatternSnapshot.Empty, context, paranoia), findings);
        return findings;
    }

    public static string[] RuleIds(IDetector detector, string text, int paranoia = 1) =>
        Run(detector, text, paranoia).Select(f => f.RuleId).ToArray();
}
