using Soc.Core.Detection;
using Soc.Core.Patterns;
using Soc.Infrastructure.Learning;
using SocFunctions.Learning;

namespace SocFunctions.Tests.Learning;

public sealed class LearningMetricsTests
{
    private static LearningReportRecord Completed(string id, string message, int variations, int before, int after, double cycle, bool fp = false) =>
        new(id, "alice", id, null, fp, message, DateTimeOffset.UtcNow, LearningReportRecord.Completed, DateTimeOffset.UtcNow, variations, before, after, 1, 1, cycle);

    private static LearnedPattern Pattern(string id, PatternStatus status, bool allow = false) =>
        new(id, ["a", "b"], "c", Severity.High, status, new PatternProvenance("r", "x", DateTimeOffset.UtcNow, 1, 0), allow);

    [Fact]
    public void Compute_TwoLearnedMisses_FollowsTheDocumentedDefinitions()
    {
        LearningReportRecord[] reports =
        [
            Completed("m1", "covered attack", 10, 2, 10, 100),
            Completed("m2", "still missed attack", 10, 0, 4, 300),
            Completed("f1", "benign", 15, 0, 0, 200, fp: true),
            new("m3", "alice", "m3", null, false, "received only", DateTimeOffset.UtcNow),
        ];
        var set = new PatternSet(9, [Pattern("1", PatternStatus.Active), Pattern("2", PatternStatus.Shadow), Pattern("3", PatternStatus.PendingReview), Pattern("4", PatternStatus.Active, allow: true)]);

        var m = LearningMetricsFunction.Compute(reports, set, text => text == "covered attack");

        Assert.Equal(3, m.TotalMissedAttacks);
        Assert.Equal(2, m.PatternsLearned);
        Assert.Equal(35, m.VariationsGenerated);
        Assert.Equal(0.6, m.DetectionImprovement); // (14 - 2) / 20
        Assert.Equal(0.6667, m.FalseNegativeRate); // 2 of 3 reported texts not blocked now
        Assert.Equal(1, m.FalsePositiveReports);
        Assert.Equal(1, m.AllowListEntries);
        Assert.Equal(1, m.PatternsPendingReview);
        Assert.Equal(200, m.LearningCycleMsP50);
        Assert.Equal(300, m.LearningCycleMsP95);
        Assert.Equal(9, m.PatternSetVersion);
    }

    [Fact]
    public void Compute_NoReports_IsAllZeroWithoutCycleTimes()
    {
        var m = LearningMetricsFunction.Compute([], new PatternSet(0, []), _ => false);

        Assert.Equal(0, m.TotalMissedAttacks);
        Assert.Equal(0, m.FalseNegativeRate);
        Assert.Null(m.LearningCycleMsP95);
    }
}
