using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Soc.Core.Events;

namespace SocFunctions.Learning;

/// <summary>Publishes the learning loop's events; a failing event pipeline never fails a learning step.</summary>
public sealed partial class LearningEvents(IEventPublisher publisher, ILogger<LearningEvents> logger)
{
    public const string Reported = "learning.reported";
    public const string Variations = "learning.variations";
    public const string Candidates = "learning.candidates";
    public const string Promoted = "learning.promoted";
    public const string Rejected = "learning.rejected";
    public const string DetectorUpdated = "detector.updated";

    public async Task PublishAsync(string type, string reportId, JsonObject data, CancellationToken cancellationToken)
    {
        data["reportId"] = reportId;
        try
        {
            await publisher.PublishAsync(SocEvent.Create(type, data), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, type, reportId, ex);
        }
    }

    public static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    [LoggerMessage(EventId = 2090, Level = LogLevel.Warning, Message = "Publishing {Type} for report {ReportId} failed")]
    private static partial void LogPublishFailed(ILogger logger, string type, string reportId, Exception exception);
}
