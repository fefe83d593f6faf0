using Azure;
using Azure.Data.Tables;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Learning;

/// <summary>One received report (missed attack or false positive) and, once its orchestration finished, its outcome.</summary>
public sealed record LearningReportRecord(
    string ReportId,
    string Reporter,
    string DeliveryId,
    string? TenantId,
    bool FalsePositive,
    string Message,
    DateTimeOffset ReceivedAt,
    string Status = LearningReportRecord.Received,
    DateTimeOffset? CompletedAt = null,
    int Variations = 0,
    int BlockedBefore = 0,
    int BlockedAfter = 0,
    int Promoted = 0,
    long PatternSetVersion = 0,
    double CycleMillis = 0)
{
    public const string Received = "received";
    public const string Completed = "completed";
}

/// <summary>What the learning loop measured for one report, written when its AutoUpdate step finished.</summary>
public sealed record LearningReportOutcome(
    int Variations,
    int BlockedBefore,
    int BlockedAfter,
    int Promoted,
    long PatternSetVersion,
    DateTimeOffset CompletedAt,
    double CycleMillis);

/// <summary>Received reports: the idempotency record of a webhook delivery, and the source of the learning metrics.</summary>
public interface ILearningReportStore
{
    /// <summary>Stores a new report; false when a report with that id (the same delivery) already exists.</summary>
    Task<bool> TryAddAsync(LearningReportRecord record, CancellationToken cancellationToken);

    Task<LearningReportRecord?> GetAsync(string reportId, CancellationToken cancellationToken);

    Task CompleteAsync(string reportId, LearningReportOutcome outcome, CancellationToken cancellationToken);

    IAsyncEnumerable<LearningReportRecord> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Table <c>{prefix}LearningReports</c>: one row per report (partition <c>report</c>, row key = report id). One row per
/// report keeps every counter exact under concurrency: the metrics are aggregated from the rows, never incremented.
/// </summary>
public sealed class TableLearningReportStore(TableStorage storage) : ILearningReportStore
{
    public const string Table = "LearningReports";
    private const string Partition = "report";

    public async Task<bool> TryAddAsync(LearningReportRecord record, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<LearningReportRecord?> GetAsync(string reportId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, reportId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task CompleteAsync(string reportId, LearningReportOutcome outcome, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, reportId)
        {
            ["Status"] = LearningReportRecord.Completed,
            ["CompletedAt"] = outcome.CompletedAt,
            ["Variations"] = outcome.Variations,
            ["BlockedBefore"] = outcome.BlockedBefore,
            ["BlockedAfter"] = outcome.BlockedAfter,
            ["Promoted"] = outcome.Promoted,
            ["PatternSetVersion"] = outcome.PatternSetVersion,
            ["CycleMillis"] = outcome.CycleMillis,
        };

        // Merge: an activity retried after a crash writes the same figures again, never a second row.
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<LearningReportRecord> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return FromEntity(e);
        }
    }

    private static TableEntity ToEntity(LearningReportRecord r) => new(Partition, r.ReportId)
    {
        ["Reporter"] = r.Reporter,
        ["DeliveryId"] = r.DeliveryId,
        ["TenantId"] = r.TenantId,
        ["FalsePositive"] = r.FalsePositive,
        ["Message"] = r.Message,
        ["ReceivedAt"] = r.ReceivedAt,
        ["Status"] = r.Status,
    };

    private static LearningReportRecord FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("Reporter") ?? string.Empty,
        e.GetString("DeliveryId") ?? string.Empty,
        e.GetString("TenantId"),
        e.GetBoolean("FalsePositive") ?? false,
        e.GetString("Message") ?? string.Empty,
        e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        e.GetString("Status") ?? LearningReportRecord.Received,
        e.GetDateTimeOffset("CompletedAt"),
        e.GetInt32("Variations") ?? 0,
        e.GetInt32("BlockedBefore") ?? 0,
        e.GetInt32("BlockedAfter") ?? 0,
        e.GetInt32("Promoted") ?? 0,
        e.GetInt64("PatternSetVersion") ?? 0,
        e.GetDouble("CycleMillis") ?? 0);
}
