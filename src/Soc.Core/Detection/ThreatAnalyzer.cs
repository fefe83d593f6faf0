using System.Diagnostics;
using Microsoft.Extensions.Options;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Core.Scoring;

namespace Soc.Core.Detection;

/// <summary>
/// The screening pipeline: normalise, run the configured detectors over every view, score, decide.
/// Pure CPU over the current pattern snapshot; safe to call concurrently.
/// </summary>
public sealed class ThreatAnalyzer : IThreatAnalyzer
{
    private readonly ITextNormalizer _normalizer;
    private readonly IDetector[] _detectors;
    private readonly IPatternSnapshotSource _patterns;
    private readonly DetectionOptions _options;

    public ThreatAnalyzer(
        ITextNormalizer normalizer,
        IEnumerable<IDetector> detectors,
        IPatternSnapshotSource patterns,
        IOptions<DetectionOptions> options)
    {
        _normalizer = normalizer;
        _patterns = patterns;
        _options = options.Value;
        _detectors = DetectorRegistry.Select(detectors, _options.Detectors);
    }

    public IReadOnlyList<string> DetectorNames => _detectors.Select(d => d.Name).ToArray();

    public Verdict Analyze(string message, AnalysisContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        var snapshot = _patterns.Current;
        var text = _normalizer.Normalize(message);
        var input = new ScanInput(text, snapshot, context, _options.ParanoiaLevel);
        var findings = new List<Finding>();
        foreach (var detector in _detectors)
        {
            detector.Detect(input, findings);
        }

        var (danger, certainty) = ThreatScorer.Score(findings, _options.ParanoiaLevel);
        var decision = ThreatScorer.Decide(danger, certainty, _options);
        var categories = findings.Where(f => f.Weight > 0).Select(f => f.Category).Distinct(StringComparer.Ordinal).ToArray();
        var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        return new Verdict(decision, danger, certainty, categories, findings, snapshot.Version, elapsed);
    }
}
