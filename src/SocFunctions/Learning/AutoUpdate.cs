using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Learning;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Infrastructure.Learning;

namespace SocFunctions.Learning;

/// <summary>
/// Step 3: the promotion gate decides, the decisions are stored as learned patterns with provenance (ETag-protected
/// version bump, so every instance picks the new set up within <c>Patterns__RefreshSeconds</c>), and the report's
/// outcome is recorded for the metrics. A reviewer's decision on an existing pattern is never overwritten.
/// </summary>
public sealed partial class AutoUpdate(
    IPromotionGate gate,
    IPatternRepository patterns,
    ILearningReportStore reports,
    ITextNormalizer normalizer,
    IEnumerable<IDetector> detectors,
    IOptions<DetectionOptions> detection,
    IOptions<LearningOptions> options,
    IEnumerable<IClassifierUpdater> classifierUpdaters,
    LearningEvents events,
    TimeProvider clock,
    ILogger<AutoUpdate> logger) : TaskActivity<AutoUpdateInput, AutoUpdateResult>
{
    public const string ReviewReasonPrefix = "review:";

    public override async Task<AutoUpdateResult> RunAsync(TaskActivityContext context, AutoUpdateInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var report = input.Report;
        var decisions = await gate.EvaluateAsync(report, input.Variations, input.Candidates, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var category = LearnedPatternIds.Category(report.ActualThreatType, report.FalsePositive);

        var toSave = new List<LearnedPattern>();
        var summaries = new List<GateDecisionSummary>();
        foreach (var d in decisions)
        {
            var id = LearnedPatternIds.For(d.Candidate.Tokens, report.FalsePositive);
            var status = d.Status == PatternStatus.Active && !options.Value.AutoUpdatePatterns ? PatternStatus.Shadow : d.Status;
            summaries.Add(new GateDecisionSummary(id, d.Candidate.Text, status, d.VariationRecall, d.BenignFalsePositiveRate, d.Reason, d.Candidate.CoveredVariations.Count));
            var existing = await patterns.GetAsync(id, ct).ConfigureAwait(false);
            if (existing is not null && !MayReplace(existing, status))
            {
                continue;
            }

            toSave.Add(new LearnedPattern(
                id,
                d.Candidate.Tokens.ToArray(),
                category,
                report.FalsePositive ? Severity.Low : report.Severity,
                status,
                new PatternProvenance(report.ReportId, report.ReportedBy, now, d.VariationRecall, d.BenignFalsePositiveRate, d.Reason),
                report.FalsePositive));
        }

        if (toSave.Any(p => p.Status == PatternStatus.Active))
        {
            // Before the version bump below, so every instance's classifier replay sees the example with the new set.
            // A live allow-list entry (false-positive report) teaches the classifier a benign example.
            foreach (var updater in classifierUpdaters)
            {
                await updater.UpdateAsync(report.ReportId, report.Message, !report.FalsePositive, options.Value.LearningRate, ct).ConfigureAwait(false);
            }
        }

        var version = toSave.Count > 0
            ? await patterns.SaveAsync(toSave, ct).ConfigureAwait(false)
            : await patterns.GetVersionAsync(ct).ConfigureAwait(false);
        var liveAt = clock.GetUtcNow();
        var promoted = toSave.Where(p => p.Status is PatternStatus.Active or PatternStatus.Shadow).Select(p => p.Id).ToArray();

        var blockedAfter = await CountBlockedAsync(input.Variations, ct).ConfigureAwait(false);
        await reports.CompleteAsync(report.ReportId, new LearningReportOutcome(
            input.Variations.Count, input.BlockedBefore, blockedAfter, promoted.Length, version, liveAt,
            (liveAt - report.ReportedAt).TotalMilliseconds), ct).ConfigureAwait(false);
        LogUpdated(logger, report.ReportId, decisions.Count, promoted.Length, version);

        var notLive = summaries.Where(s => s.Status is not (PatternStatus.Active or PatternStatus.Shadow)).ToArray();
        if (promoted.Length > 0)
        {
            await events.PublishAsync(LearningEvents.Promoted, report.ReportId, new JsonObject
            {
                ["patternIds"] = LearningEvents.Array(promoted),
                ["patterns"] = new JsonArray(toSave.Where(p => promoted.Contains(p.Id)).Select(p => (JsonNode?)new JsonObject
                {
                    ["id"] = p.Id,
                    ["text"] = p.Text,
                    ["status"] = p.Status.ToString(),
                    ["allowList"] = p.AllowList,
                    ["variationRecall"] = p.Provenance.VariationRecall,
                    ["benignFalsePositiveRate"] = p.Provenance.BenignFalsePositiveRate,
                }).ToArray()),
            }, ct).ConfigureAwait(false);
        }

        if (notLive.Length > 0 || promoted.Length == 0)
        {
            await events.PublishAsync(LearningEvents.Rejected, report.ReportId, new JsonObject
            {
                ["count"] = notLive.Length,
                ["decisions"] = new JsonArray(notLive.Select(s => (JsonNode?)new JsonObject
                {
                    ["id"] = s.PatternId,
                    ["text"] = s.Text,
                    ["status"] = s.Status.ToString(),
                    ["reason"] = s.Reason,
                }).ToArray()),
            }, ct).ConfigureAwait(false);
        }

        if (toSave.Count > 0)
        {
            await events.PublishAsync(LearningEvents.DetectorUpdated, report.ReportId, new JsonObject
            {
                ["patternSetVersion"] = version,
                ["livePatternsAdded"] = promoted.Length,
                ["blockedBefore"] = input.BlockedBefore,
                ["blockedAfter"] = blockedAfter,
                ["variations"] = input.Variations.Count,
            }, ct).ConfigureAwait(false);
        }

        return new AutoUpdateResult(summaries, promoted, version, blockedAfter, liveAt);
    }

    /// <summary>
    /// A stored pattern is replaced only when the gate now ranks it higher and no reviewer decided on it: learning
    /// never demotes a live pattern and never undoes an approval, rejection or rollback.
    /// </summary>
    internal static bool MayReplace(LearnedPattern existing, PatternStatus proposed)
    {
        if (existing.Provenance.Reason?.StartsWith(ReviewReasonPrefix, StringComparison.Ordinal) == true
            || existing.Status == PatternStatus.Disabled)
        {
            return false;
        }

        return Rank(proposed) > Rank(existing.Status);
    }

    private static int Rank(PatternStatus status) => status switch
    {
        PatternStatus.Active => 4,
        PatternStatus.Shadow => 3,
        PatternStatus.PendingReview => 2,
        PatternStatus.Rejected => 1,
        _ => 0,
    };

    /// <summary>How many variations the engine blocks with the stored pattern set as it is now (what every instance serves next).</summary>
    private async Task<int> CountBlockedAsync(IReadOnlyList<Variation> variations, CancellationToken ct)
    {
        var set = await patterns.LoadAsync(ct).ConfigureAwait(false);
        var analyzer = new ThreatAnalyzer(normalizer, detectors, new FixedSnapshot(new PatternSnapshot(set.Version, set.Patterns)), detection);
        return variations.Count(v => analyzer.Analyze(v.Text).Decision == Decision.Block);
    }

    private sealed class FixedSnapshot(PatternSnapshot snapshot) : IPatternSnapshotSource
    {
        public PatternSnapshot Current { get; } = snapshot;
    }

    [LoggerMessage(EventId = 2030, Level = LogLevel.Information, Message = "Report {ReportId}: {Decisions} gate decisions, {Promoted} live, pattern set {Version}")]
    private static partial void LogUpdated(ILogger logger, string reportId, int decisions, int promoted, long version);
}

/// <summary>The Functions trigger of <see cref="AutoUpdate"/>.</summary>
public static class AutoUpdateFunction
{
    [Function(nameof(AutoUpdate))]
    public static Task<AutoUpdateResult> Run([ActivityTrigger] AutoUpdateInput input, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<AutoUpdate>(context.InstanceServices).RunAsync(null!, input);
}
