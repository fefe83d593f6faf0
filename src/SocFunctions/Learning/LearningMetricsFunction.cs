using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soc.Core.Detection;
using Soc.Core.Patterns;
using Soc.Infrastructure.Learning;
using SocFunctions.Http;

namespace SocFunctions.Learning;

/// <summary>Answer of <c>GET /api/learning/metrics</c>, with the seed's field names (definitions in README).</summary>
public sealed record LearningMetrics(
    [property: JsonPropertyName("total_missed_attacks")] int TotalMissedAttacks,
    [property: JsonPropertyName("patterns_learned")] int PatternsLearned,
    [property: JsonPropertyName("variations_generated")] int VariationsGenerated,
    [property: JsonPropertyName("detection_improvement")] double DetectionImprovement,
    [property: JsonPropertyName("false_negative_rate")] double FalseNegativeRate,
    [property: JsonPropertyName("false_positive_reports")] int FalsePositiveReports,
    [property: JsonPropertyName("reports_completed")] int ReportsCompleted,
    [property: JsonPropertyName("allow_list_entries")] int AllowListEntries,
    [property: JsonPropertyName("patterns_pending_review")] int PatternsPendingReview,
    [property: JsonPropertyName("learning_cycle_ms_p50")] double? LearningCycleMsP50,
    [property: JsonPropertyName("learning_cycle_ms_p95")] double? LearningCycleMsP95,
    [property: JsonPropertyName("pattern_set_version")] long PatternSetVersion);

/// <summary><c>GET /api/learning/metrics</c> (API key): aggregated from one stored row per report and the live pattern set.</summary>
public sealed class LearningMetricsFunction(ILearningReportStore reports, IPatternStore patterns, IThreatAnalyzer analyzer, ApiKeyGuard guard)
{
    [Function(nameof(GetLearningMetrics))]
    public async Task<IActionResult> GetLearningMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "learning/metrics")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var all = new List<LearningReportRecord>();
        await foreach (var r in reports.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(r);
        }

        var set = await patterns.LoadAsync(cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(Compute(all, set, text => analyzer.Analyze(text).Decision == Decision.Block));
    }

    /// <summary>The metrics from the report rows, the pattern set and the live detector's verdict on each reported text.</summary>
    public static LearningMetrics Compute(IReadOnlyList<LearningReportRecord> reports, PatternSet set, Func<string, bool> blockedNow)
    {
        var misses = reports.Where(r => !r.FalsePositive).ToArray();
        var completedMisses = misses.Where(r => r.Status == LearningReportRecord.Completed).ToArray();
        var variations = completedMisses.Sum(r => r.Variations);
        var improvement = variations == 0 ? 0 : (double)(completedMisses.Sum(r => r.BlockedAfter) - completedMisses.Sum(r => r.BlockedBefore)) / variations;
        var notCovered = misses.Count(r => !blockedNow(r.Message));
        var cycles = reports.Where(r => r.Status == LearningReportRecord.Completed).Select(r => r.CycleMillis).Order().ToArray();
        return new LearningMetrics(
            misses.Length,
            set.Patterns.Count(p => !p.AllowList && p.Status is PatternStatus.Active or PatternStatus.Shadow),
            reports.Where(r => r.Status == LearningReportRecord.Completed).Sum(r => r.Variations),
            Math.Round(improvement, 4),
            misses.Length == 0 ? 0 : Math.Round((double)notCovered / misses.Length, 4),
            reports.Count(r => r.FalsePositive),
            reports.Count(r => r.Status == LearningReportRecord.Completed),
            set.Patterns.Count(p => p.AllowList && p.Status is PatternStatus.Active or PatternStatus.Shadow),
            set.Patterns.Count(p => p.Status == PatternStatus.PendingReview),
            Percentile(cycles, 0.50),
            Percentile(cycles, 0.95),
            set.Version);
    }

    /// <summary>Nearest-rank percentile of sorted values (null when there are none).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)], 1);
    }
}
