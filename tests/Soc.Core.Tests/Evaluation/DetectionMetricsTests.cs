using Soc.Core.Evaluation;

namespace Soc.Core.Tests.Evaluation;

public sealed class DetectionMetricsTests
{
    [Fact]
    public void ConfusionCounts_ComputesTheStandardRates()
    {
        // 8 attacks (6 caught), 10 benign (1 flagged).
        var c = new ConfusionCounts(TruePositives: 6, FalseNegatives: 2, FalsePositives: 1, TrueNegatives: 9);
        Assert.Equal(0.75, c.Recall!.Value, 10);
        Assert.Equal(0.1, c.FalsePositiveRate!.Value, 10);
        Assert.Equal(6.0 / 7, c.Precision!.Value, 10);
        Assert.Equal(2 * (6.0 / 7) * 0.75 / ((6.0 / 7) + 0.75), c.F1!.Value, 10);
        Assert.Equal((0.75 + 0.9) / 2, c.BalancedAccuracy!.Value, 10);
    }

    [Fact]
    public void ConfusionCounts_UndefinedRatesAreNull()
    {
        var onlyBenign = new ConfusionCounts(0, 0, 0, 5);
        Assert.Null(onlyBenign.Recall);
        Assert.Null(onlyBenign.Precision);
        Assert.Null(onlyBenign.F1);
        Assert.Null(onlyBenign.BalancedAccuracy);
        Assert.Equal(0, onlyBenign.FalsePositiveRate);
    }

    [Fact]
    public void ConfusionCounts_From_CountsEachOutcome()
    {
        var c = ConfusionCounts.From([(true, true), (true, false), (false, true), (false, false), (false, false)]);
        Assert.Equal(new ConfusionCounts(1, 1, 1, 2), c);
        Assert.Equal(new ConfusionCounts(2, 2, 2, 4), c + c);
    }

    [Fact]
    public void ConfusionCounts_NothingCaught_F1IsZero()
    {
        var c = new ConfusionCounts(0, 4, 0, 4);
        Assert.Null(c.Precision);
        Assert.Null(c.F1);
        Assert.Equal(0.5, c.BalancedAccuracy);
    }

    [Fact]
    public void Percentile_UsesNearestRank()
    {
        var sorted = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal(50, LatencySummary.Percentile(sorted, 50));
        Assert.Equal(99, LatencySummary.Percentile(sorted, 99));
        Assert.Equal(100, LatencySummary.Percentile(sorted, 100));
        Assert.Equal(0, LatencySummary.Percentile([], 50));
    }

    [Fact]
    public void LatencySummary_From_SortsAndSummarises()
    {
        var s = LatencySummary.From([5, 1, 3]);
        Assert.Equal(3, s.Count);
        Assert.Equal(3, s.P50);
        Assert.Equal(5, s.P99);
        Assert.Equal(3, s.Mean);
        Assert.Equal(5, s.Max);
    }
}
