using Microsoft.Extensions.Logging;
using Soc.Core.Detection;

namespace SocFunctions.Observability;

/// <summary>
/// One structured record per screened message (event id 1002, <c>DecisionRecord</c>): what was decided, on which rule
/// ids and scores, under which pattern-set version, for which tenant, and how fast. Exported to Application Insights it
/// lands in Log Analytics (<c>traces</c>, <c>customDimensions</c>), where Microsoft Sentinel can query it.
/// It never carries the message, the findings' evidence, the session id or any configured secret: only identifiers and
/// numbers, so the record is safe to keep for as long as security analysts need it.
/// </summary>
public static partial class DecisionRecordLog
{
    public const int EventId = 1002;
    public const string EventName = "DecisionRecord";

    /// <summary>Writes the decision record of one verdict.</summary>
    public static void LogDecisionRecord(this ILogger logger, Verdict verdict, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(verdict);
        if (!logger.IsEnabled(LogLevel.Information))
        {
            return;
        }

        // Comma-joined so a KQL query can split() them; rule ids and categories are catalogue identifiers, not user text.
        WriteDecisionRecord(
            logger,
            verdict.Decision.ToString().ToLowerInvariant(),
            verdict.DangerScore,
            verdict.Certainty,
            string.Join(',', verdict.RuleIds),
            string.Join(',', verdict.Categories),
            verdict.PatternSetVersion,
            tenantId,
            verdict.ElapsedMicros);
    }

    [LoggerMessage(
        EventId = EventId,
        EventName = EventName,
        Level = LogLevel.Information,
        Message = "Decision record: {Decision} danger={DangerScore} certainty={Certainty} rules={RuleIds} categories={Categories} patternSet={PatternSetVersion} tenant={TenantId} in {ElapsedMicros} µs")]
    private static partial void WriteDecisionRecord(
        ILogger logger,
        string decision,
        double dangerScore,
        double certainty,
        string ruleIds,
        string categories,
        long patternSetVersion,
        string tenantId,
        long elapsedMicros);
}
