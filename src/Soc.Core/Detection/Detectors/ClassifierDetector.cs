using Soc.Core.Classifier;

namespace Soc.Core.Detection.Detectors;

/// <summary>
/// The statistical signal: a logistic-regression model over hashed word and character n-grams of the canonical view.
/// Below the model's reporting probability it says nothing; above it, its weight rises from 0.4 (flags alone) to 0.85,
/// crossing the default block threshold of 0.7 when the model is very sure. Evidence names the words that weighed most.
/// </summary>
public sealed class ClassifierDetector : IDetector
{
    public const string DetectorName = "classifier";
    public const string RuleId = "ML-9001";
    public const string Category = "ml_injection_score";

    /// <summary>Weight at the reporting probability: flags on its own at the default flag threshold (0.4).</summary>
    public const double MinWeight = 0.4;

    /// <summary>Weight at probability 1.</summary>
    public const double MaxWeight = 0.85;

    private readonly IClassifierModelSource _model;

    public ClassifierDetector(IClassifierModelSource model)
    {
        _model = model;
    }

    public string Name => DetectorName;

    /// <summary>Maps a probability to a finding weight (0 below <paramref name="flagProbability"/>).</summary>
    public static double WeightFor(double probability, double flagProbability)
    {
        if (probability < flagProbability)
        {
            return 0;
        }

        var t = (probability - flagProbability) / (1 - flagProbability);
        return Math.Round(MinWeight + ((MaxWeight - MinWeight) * Math.Clamp(t, 0, 1)), 4);
    }

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var model = _model.Current;
        var view = input.Text.Canonical;
        var score = model.Score(view);
        var weight = WeightFor(score.Probability, model.FlagProbability);
        if (weight <= 0)
        {
            return;
        }

        var top = model.TopContributions(view, 3);
        var evidence = top.Count == 0
            ? $"p={score.Probability:0.000}"
            : $"p={score.Probability:0.000}: " + string.Join(", ", top.Select(t => t.Text));
        var start = top.Count == 0 ? 0 : top[0].Start;
        var length = top.Count == 0 ? 0 : top[0].Length;
        var severity = weight >= 0.7 ? Severity.High : Severity.Medium;
        findings.Add(new Finding(RuleId, Category, severity, view.Name, start, length, Finding.TrimEvidence(evidence), weight));
    }
}
