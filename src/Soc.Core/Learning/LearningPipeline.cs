using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Patterns;

namespace Soc.Core.Learning;

/// <summary>What one pass of the learning loop did, step by step.</summary>
public sealed record LearningOutcome(
    MissReport Report,
    IReadOnlyList<Variation> Variations,
    IReadOnlyList<PatternCandidate> Candidates,
    IReadOnlyList<GateDecision> Decisions,
    IReadOnlyList<LearnedPattern> Saved,
    long? PatternSetVersion)
{
    public int Live => Saved.Count(p => p.Status is PatternStatus.Active or PatternStatus.Shadow);
}

/// <summary>
/// The learning loop in one process: generate variations, extract candidates, run the gate, save what is not
/// rejected and, when something went live, move the classifier. The Durable orchestration runs the same steps as
/// separate activities; <c>soc learn-sim</c> and tests run this class.
/// </summary>
public sealed partial class LearningPipeline(
    IVariationGenerator generator,
    IPatternExtractor extractor,
    IPromotionGate gate,
    IPatternRepository repository,
    IOptions<LearningOptions> options,
    IEnumerable<IClassifierUpdater> classifierUpdaters,
    TimeProvider time,
    ILogger<LearningPipeline> logger)
{
    public async Task<LearningOutcome> RunAsync(MissReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = options.Value;
        if (!o.EnableIncrementalLearning)
        {
            LogDisabled(logger, report.ReportId);
            return new LearningOutcome(report, [], [], [], [], null);
        }

        var variations = await generator.GenerateAsync(report, o.MaxVariationsPerAttack, cancellationToken).ConfigureAwait(false);
        var candidates = extractor.Extract(report, variations);
        var decisions = await gate.EvaluateAsync(report, variations, candidates, cancellationToken).ConfigureAwait(false);
        var patterns = LearnedPatternFactory.Create(report, decisions, time.GetUtcNow())
            .Where(p => p.Status != PatternStatus.Rejected)
            .ToArray();
        long? version = null;
        if (patterns.Length > 0)
        {
            version = await repository.SaveAsync(patterns, cancellationToken).ConfigureAwait(false);
        }

        var outcome = new LearningOutcome(report, variations, candidates, decisions, patterns, version);
        if (outcome.Live > 0)
        {
            // Only a report the gate believed moves the classifier: a benign text reported as a miss must not.
            foreach (var updater in classifierUpdaters)
            {
                await updater.UpdateAsync(report.ReportId, report.Message, !report.FalsePositive, o.LearningRate, cancellationToken).ConfigureAwait(false);
            }
        }

        LogLearned(logger, report.ReportId, variations.Count, candidates.Count, outcome.Live, patterns.Length - outcome.Live);
        return outcome;
    }

    [LoggerMessage(EventId = 2520, Level = LogLevel.Information, Message = "Report {ReportId}: {Variations} variations, {Candidates} candidates, {Live} patterns live, {Pending} waiting for review")]
    private static partial void LogLearned(ILogger logger, string reportId, int variations, int candidates, int live, int pending);

    [LoggerMessage(EventId = 2521, Level = LogLevel.Information, Message = "Report {ReportId}: incremental learning is disabled (Learning:EnableIncrementalLearning)")]
    private static partial void LogDisabled(ILogger logger, string reportId);
}
