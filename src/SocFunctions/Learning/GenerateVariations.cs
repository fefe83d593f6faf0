using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Learning;

namespace SocFunctions.Learning;

/// <summary>Step 1: variations of the reported text, and how many of them the live detector already blocks.</summary>
public sealed partial class GenerateVariations(
    IVariationGenerator generator,
    IThreatAnalyzer analyzer,
    LearningEvents events,
    IOptions<LearningOptions> options,
    ILogger<GenerateVariations> logger) : TaskActivity<GenerateVariationsInput, VariationsResult>
{
    public override async Task<VariationsResult> RunAsync(TaskActivityContext context, GenerateVariationsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var report = input.Report;
        var generated = await generator.GenerateAsync(report, options.Value.MaxVariationsPerAttack, CancellationToken.None).ConfigureAwait(false);
        var variations = generated
            .Where(v => !string.IsNullOrWhiteSpace(v.Text))
            .DistinctBy(v => v.Text, StringComparer.Ordinal)
            .Take(options.Value.MaxVariationsPerAttack)
            .ToArray();
        var blockedBefore = variations.Count(v => analyzer.Analyze(v.Text).Decision == Decision.Block);
        var techniques = variations.GroupBy(v => v.Technique, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        LogGenerated(logger, report.ReportId, variations.Length, blockedBefore);
        await events.PublishAsync(LearningEvents.Variations, report.ReportId, new JsonObject
        {
            ["count"] = variations.Length,
            ["blockedBefore"] = blockedBefore,
            ["techniques"] = new JsonObject(techniques.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
        }, CancellationToken.None).ConfigureAwait(false);
        return new VariationsResult(variations, blockedBefore, techniques);
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Report {ReportId}: {Count} variations, {BlockedBefore} already blocked")]
    private static partial void LogGenerated(ILogger logger, string reportId, int count, int blockedBefore);
}

/// <summary>The Functions trigger of <see cref="GenerateVariations"/>.</summary>
public static class GenerateVariationsFunction
{
    [Function(nameof(GenerateVariations))]
    public static Task<VariationsResult> Run([ActivityTrigger] GenerateVariationsInput input, FunctionContext context) =>
        ActivatorUtilities.CreateInstance<GenerateVariations>(context.InstanceServices).RunAsync(null!, input);
}
