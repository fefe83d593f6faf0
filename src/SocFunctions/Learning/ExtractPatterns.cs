using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soc.Core.Learning;

namespace SocFunctions.Learning;

/// <summary>Step 2: literal candidate patterns (normalised word sequences), each with the variations it covers.</summary>
public sealed partial class ExtractPatterns(
    IPatternExtractor extractor,
    LearningEvents events,
    ILogger<ExtractPatterns> logger) : TaskActivity<ExtractPatternsInput, CandidatesResult>
{
    public override async Task<CandidatesResult> RunAsync(TaskActivityContext context, ExtractPatternsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var candidates = extractor.Extract(input.Report, input.Variations);
        LogExtracted(logger, input.Report.ReportId, candidates.Count);
        await events.PublishAsync(LearningEvents.Candidates, input.Report.ReportId, new JsonObject
        {
            ["count"] = candidates.Count,
            ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode?)new JsonObject
            {
                ["text"] = c.Text,
                ["covered"] = c.CoveredVariations.Count,
            }).ToArray()),
        }, CancellationToken.None).ConfigureAwait(false);
        return new CandidatesResult(candidates.ToArray());
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Information, Message = "Report {ReportId}: {Count} candidate patterns")]
    private static partial void LogExtracted(ILogger logger, string reportId, int count);
}

/// <summary>The Functions trigger of <see cref="ExtractPatterns"/>.</summary>
public static class ExtractPatternsFunction
{
    [Function(nameof(ExtractPatterns))]
    public static Task<CandidatesResult> Run([ActivityTrigger] ExtractPatternsInput input, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<ExtractPatterns>(context.InstanceServices).RunAsync(null!, input);
}
