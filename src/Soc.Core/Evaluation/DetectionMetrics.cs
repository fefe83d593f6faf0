namespace Soc.Core.Evaluation;

/// <summary>Counts of a binary detector against labelled data: attack = positive, detected = predicted positive.</summary>
public sealed record ConfusionCounts(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    public static ConfusionCounts Empty { get; } = new(0, 0, 0, 0);

    public int Attacks => TruePositives + FalseNegatives;

    public int Benign => FalsePositives + TrueNegatives;

    public int Total => Attacks + Benign;

    /// <summary>Share of attacks detected; null without attacks.</summary>
    public double? Recall => Attacks == 0 ? null : (double)TruePositives / Attacks;

    /// <summary>Share of benign messages detected (false-positive rate); null without benign messages.</summary>
    public double? FalsePositiveRate => Benign == 0 ? null : (double)FalsePositives / Benign;

    /// <summary>Share of detections that are attacks; null when nothing was detected.</summary>
    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>Harmonic mean of precision and recall; null when either is undefined, 0 when both are 0.</summary>
    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    /// <summary>Mean of recall and specificity; null unless both classes are present.</summary>
    public double? BalancedAccuracy => Recall is { } r && FalsePositiveRate is { } f ? (r + (1 - f)) / 2 : null;

    public ConfusionCounts Add(bool isAttack, bool detected) => (isAttack, detected) switch
    {
        (true, true) => this with { TruePositives = TruePositives + 1 },
        (true, false) => this with { FalseNegatives = FalseNegatives + 1 },
        (false, true) => this with { FalsePositives = FalsePositives + 1 },
        _ => this with { TrueNegatives = TrueNegatives + 1 },
    };

    public static ConfusionCounts operator +(ConfusionCounts a, ConfusionCounts b) => new(
        a.TruePositives + b.TruePositives,
        a.FalseNegatives + b.FalseNegatives,
        a.FalsePositives + b.FalsePositives,
        a.TrueNegatives + b.TrueNegatives);

    public static ConfusionCounts From(IEnumerable<(bool IsAttack, bool Detected)> outcomes) =>
        outcomes.Aggregate(Empty, (c, o) => c.Add(o.IsAttack, o.Detected));
}

/// <summary>Latency summary in microseconds.</summary>
public sealed record LatencySummary(int Count, double P50, double P99, double Mean, double Max)
{
    /// <summary>Nearest-rank percentile of <paramref name="sorted"/> (ascending); 0 for an empty list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static LatencySummary From(IEnumerable<double> micros)
    {
        var sorted = micros.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0, 0)
            : new LatencySummary(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 99), sorted.Average(), sorted[^1]);
    }
}
