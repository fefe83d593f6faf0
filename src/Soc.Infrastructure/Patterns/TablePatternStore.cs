using System.Globalization;
using Azure.Data.Tables;
using Soc.Core.Detection;
using Soc.Core.Patterns;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Patterns;

/// <summary>
/// Learned patterns in Table Storage. Table <c>{prefix}Patterns</c>, one partition (<c>pattern</c>), one row per pattern;
/// table <c>{prefix}PatternSet</c> holds the pattern-set version in a single row updated with ETag concurrency, so a
/// cheap point read tells every instance whether its snapshot is stale.
/// </summary>
public sealed class TablePatternStore(TableStorage storage) : IPatternRepository
{
    public const string PatternsTable = "Patterns";
    public const string SetTable = "PatternSet";
    private const string PatternPartition = "pattern";
    private const string SetPartition = "set";
    private const string SetRow = "current";

    public async Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(SetTable, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(SetPartition, SetRow, ["Version"], cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetInt64("Version") ?? 0 : 0;
    }

    public async Task<PatternSet> LoadAsync(CancellationToken cancellationToken)
    {
        // Read the version first: patterns written after it only make the snapshot newer, never older.
        var version = await GetVersionAsync(cancellationToken).ConfigureAwait(false);
        var table = await storage.GetTableAsync(PatternsTable, cancellationToken).ConfigureAwait(false);
        var patterns = new List<LearnedPattern>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == PatternPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            patterns.Add(FromEntity(entity));
        }

        return new PatternSet(version, patterns);
    }

    public async Task<LearnedPattern?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(PatternsTable, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PatternPartition, id, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<long> SaveAsync(IReadOnlyCollection<LearnedPattern> patterns, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(PatternsTable, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in patterns.Chunk(100))
        {
            var actions = chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(p))).ToList();
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }

        return await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Increments the pattern-set version; concurrent writers retry on a stale ETag, so no bump is lost.</summary>
    public async Task<long> BumpVersionAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(SetTable, cancellationToken).ConfigureAwait(false);
        return await OptimisticUpdate.RunAsync(table, SetPartition, SetRow, current =>
        {
            var next = (current?.GetInt64("Version") ?? 0) + 1;
            var write = new TableEntity(SetPartition, SetRow) { ["Version"] = next, ["UpdatedAt"] = DateTimeOffset.UtcNow };
            return (write, next);
        }, cancellationToken, maxAttempts: 50).ConfigureAwait(false);
    }

    internal static TableEntity ToEntity(LearnedPattern p) => new(PatternPartition, p.Id)
    {
        ["Tokens"] = p.Text,
        ["Category"] = p.Category,
        ["Severity"] = p.Severity.ToString(),
        ["Status"] = p.Status.ToString(),
        ["AllowList"] = p.AllowList,
        ["ReportId"] = p.Provenance.ReportId,
        ["ReportedBy"] = p.Provenance.ReportedBy,
        ["CreatedAt"] = p.Provenance.CreatedAt,
        ["VariationRecall"] = p.Provenance.VariationRecall,
        ["BenignFalsePositiveRate"] = p.Provenance.BenignFalsePositiveRate,
        ["Reason"] = p.Provenance.Reason,
    };

    internal static LearnedPattern FromEntity(TableEntity e) => new(
        e.RowKey,
        (e.GetString("Tokens") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries),
        e.GetString("Category") ?? "learned",
        Enum.TryParse<Severity>(e.GetString("Severity"), out var severity) ? severity : Severity.High,
        Enum.TryParse<PatternStatus>(e.GetString("Status"), out var status) ? status : PatternStatus.PendingReview,
        new PatternProvenance(
            e.GetString("ReportId") ?? string.Empty,
            e.GetString("ReportedBy") ?? string.Empty,
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            e.GetDouble("VariationRecall") ?? 0,
            e.GetDouble("BenignFalsePositiveRate") ?? 0,
            e.GetString("Reason")),
        e.GetBoolean("AllowList") ?? false);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"TablePatternStore({storage.NameOf(PatternsTable)})");
}
