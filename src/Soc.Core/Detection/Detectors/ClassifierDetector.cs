using Soc.Core.Classifier;
using Soc.Core.Normalization;

namespace Soc.Core.Detection.Detectors;

/// <summary>
/// The statistical signal: a logistic-regression model over hashed word and character n-grams. It scores the canonical
/// view and every de-obfuscated or decoded view the normaliser produced (so an encoded copy of an attack scores like the
/// attack), and reports the view that scored highest.
/// Just below the model's flag probability it only corroborates other evidence; from it, its weight rises from 0.4
/// (flags alone) to 0.85, crossing the default block threshold of 0.7 when the model is very sure. Evidence names the words that weighed most.
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

    /// <summary>Below the model's flag probability by up to this much, the classifier only supports other evidence.</summary>
    public const double SupportBand = 0.15;

    /// <summary>Weight at the bottom of the support band: never flags alone, adds to other findings.</summary>
    public const double MinSupportWeight = 0.15;

    /// <summary>Weight just below the flag probability.</summary>
    public const double MaxSupportWeight = 0.3;

    /// <summary>
    /// Maps a probability to a finding weight: 0 below the support band; 0.15-0.3 inside it (corroborates rules, never
    /// flags alone); from <paramref name="flagProbability"/> 0.4 (flags alone) rising linearly to 0.85 at probability 1,
    /// so a very confident model blocks on its own (0.7 is reached two thirds of the way from the flag probability to 1).
    /// </summary>
    public static double WeightFor(double probability, double flagProbability)
    {
        var supportFrom = flagProbability - SupportBand;
        if (probability < supportFrom)
        {
            return 0;
        }

        if (probability < flagProbability)
        {
            var s = (probability - supportFrom) / SupportBand;
            return Math.Round(MinSupportWeight + ((MaxSupportWeight - MinSupportWeight) * s), 4);
        }

        var t = (probability - flagProbability) / (1 - flagProbability);
        return Math.Round(MinWeight + ((MaxWeight - MinWeight) * Math.Clamp(t, 0, 1)), 4);
    }

    /// <summary>Most views scored per message (canonical first, then de-obfuscated and decoded ones): bounds the work.</summary>
    public const int MaxViews = 6;

    /// <summary>
    /// The view that scores highest (canonical first, then de-obfuscated and decoded ones, at most <see cref="MaxViews"/>)
    /// and its probability; the raw view is skipped after the first, as it would only repeat the canonical score, and so is
    /// the typo-corrected view, whose real-word slips ("stoke" read as "stroke") the model was never trained on, and the
    /// rejoined view, whose joins and splits it was not trained on either.
    /// </summary>
    public static (TextView? View, double Probability) BestView(ClassifierModel model, NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(text);
        var views = text.Views;
        TextView? best = null;
        var bestProbability = -1.0;
        var scored = 0;
        for (var i = 0; i < views.Count && scored < MaxViews; i++)
        {
            var view = views[i];
            if (i > 0 && (string.Equals(view.Name, TextNormalizer.RawView, StringComparison.Ordinal)
                || string.Equals(view.Name, TextNormalizer.CorrectedView, StringComparison.Ordinal)
                || string.Equals(view.Name, TextNormalizer.RejoinedView, StringComparison.Ordinal)))
            {
                continue;
            }

            scored++;
            var probability = model.Score(view).Probability;
            if (probability > bestProbability)
            {
                bestProbability = probability;
                best = view;
            }
        }

        return (best, bestProbability);
    }

    public void Detect(ScanInput input, List<Finding> findings)
    {
        var model = _model.Current;
        var (best, bestProbability) = BestView(model, input.Text);
        var weight = best is null ? 0 : WeightFor(bestProbability, model.FlagProbability);
        if (weight <= 0)
        {
            return;
        }

        var top = model.TopContributions(best!, 3);
        var evidence = top.Count == 0
            ? $"p={bestProbability:0.000}"
            : $"p={bestProbability:0.000}: " + string.Join(", ", top.Select(t => t.Text));
        var start = top.Count == 0 ? 0 : top[0].Start;
        var length = top.Count == 0 ? 0 : top[0].Length;
        var severity = weight >= 0.7 ? Severity.High : weight >= MinWeight ? Severity.Medium : Severity.Low;
        findings.Add(new Finding(RuleId, Category, severity, best!.Name, start, length, Finding.TrimEvidence(evidence), weight));
    }
}
