using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Soc.Core.Learning;

namespace SocFunctions.Learning;

/// <summary>
/// One reported miss (or false positive): generate variations, extract literal candidate patterns, put them through
/// the promotion gate and update the pattern store. Deterministic: every I/O happens in the activities; progress is
/// published as the custom status after each step.
/// </summary>
public sealed partial class LearnFromMissOrchestrator : TaskOrchestrator<MissReport, LearningLoopOutcome>
{
    public const int VariationSampleSize = 5;

    /// <summary>Activities retry transient failures (storage, the AI model) three times with back-off.</summary>
    public static TaskOptions ActivityOptions { get; } = new(new TaskRetryOptions(new RetryPolicy(
        maxNumberOfAttempts: 3,
        firstRetryInterval: TimeSpan.FromMilliseconds(500),
        backoffCoefficient: 2.0,
        maxRetryInterval: TimeSpan.FromSeconds(10))));

    public override async Task<LearningLoopOutcome> RunAsync(TaskOrchestrationContext context, MissReport input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<LearnFromMissOrchestrator>();
        var started = context.CurrentUtcDateTime;
        var outcome = new LearningLoopOutcome(input.ReportId, "reported", input.FalsePositive, input.ReportedBy, input.ReportedAt, Timings: new StepTimings());
        context.SetCustomStatus(outcome);
        LogStarted(logger, input.ReportId, input.FalsePositive);

        var variations = await context.CallActivityAsync<VariationsResult>(nameof(GenerateVariations), new GenerateVariationsInput(input), ActivityOptions);
        var afterVariations = context.CurrentUtcDateTime;
        outcome = outcome with
        {
            Step = "variations",
            VariationCount = variations.Variations.Count,
            VariationSample = variations.Variations.Take(VariationSampleSize).ToArray(),
            BlockedBefore = variations.BlockedBefore,
            Timings = outcome.Timings! with { GenerateVariationsMs = (afterVariations - started).TotalMilliseconds },
        };
        context.SetCustomStatus(outcome);

        var candidates = await context.CallActivityAsync<CandidatesResult>(nameof(ExtractPatterns), new ExtractPatternsInput(input, variations.Variations), ActivityOptions);
        var afterCandidates = context.CurrentUtcDateTime;
        outcome = outcome with
        {
            Step = "candidates",
            Candidates = candidates.Candidates,
            Timings = outcome.Timings! with { ExtractPatternsMs = (afterCandidates - afterVariations).TotalMilliseconds },
        };
        context.SetCustomStatus(outcome);

        var update = await context.CallActivityAsync<AutoUpdateResult>(
            nameof(AutoUpdate), new AutoUpdateInput(input, variations.Variations, candidates.Candidates, variations.BlockedBefore), ActivityOptions);
        var finished = context.CurrentUtcDateTime;
        outcome = outcome with
        {
            Step = "completed",
            Decisions = update.Decisions,
            PromotedPatternIds = update.PromotedPatternIds,
            PatternSetVersion = update.PatternSetVersion,
            BlockedAfter = update.BlockedAfter,
            Timings = outcome.Timings! with
            {
                AutoUpdateMs = (finished - afterCandidates).TotalMilliseconds,
                ReportToLiveMs = (update.LiveAt - input.ReportedAt).TotalMilliseconds,
            },
        };
        context.SetCustomStatus(outcome);
        LogCompleted(logger, input.ReportId, update.PromotedPatternIds.Count, update.PatternSetVersion);
        return outcome;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Learning from report {ReportId} (false positive: {FalsePositive})")]
    private static partial void LogStarted(ILogger logger, string reportId, bool falsePositive);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Report {ReportId} learned: {Promoted} patterns live, pattern set {Version}")]
    private static partial void LogCompleted(ILogger logger, string reportId, int promoted, long version);
}

/// <summary>The Functions trigger of <see cref="LearnFromMissOrchestrator"/> (the class-based source generator is not used).</summary>
public static class LearnFromMissOrchestratorFunction
{
    [Function(nameof(LearnFromMissOrchestrator))]
    public static Task<LearningLoopOutcome> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new LearnFromMissOrchestrator().RunAsync(context, context.GetInput<MissReport>()!);
}
