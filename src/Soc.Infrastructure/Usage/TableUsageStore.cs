using System.Globalization;
using Azure.Data.Tables;
using Soc.Core.Security;
using Soc.Infrastructure.RateLimiting;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Usage;

/// <summary>
/// Usage in table <c>{prefix}usage</c>: partition = tenant id, row = UTC day (<c>yyyyMMdd</c>), column <c>Calls</c>.
/// Each metered call is one ETag-guarded increment, so the count is exact under any concurrency and is also the
/// number the daily quota is checked against (a call is refused before it is counted, never after).
/// </summary>
public sealed class TableUsageStore(TableStorage storage) : IUsageStore
{
    public const string TableName = "usage";

    public async Task<LimitDecision> TryConsumeAsync(string tenantId, DateOnly day, long quota, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rowKey = RowKeyOf(day);
        var midnight = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var retryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((midnight - now).TotalSeconds)));
        return await OptimisticUpdate.RunAsync(table, tenantId, rowKey, entity =>
        {
            var calls = entity?.GetInt64("Calls") ?? 0;
            if (quota > 0 && calls >= quota)
            {
                return (null, new LimitDecision(false, calls, retryAfter));
            }

            var write = new TableEntity(tenantId, rowKey) { ["Calls"] = calls + 1 };
            return (write, new LimitDecision(true, calls + 1, TimeSpan.Zero));
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UsageDay>> GetAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId} and RowKey ge {RowKeyOf(from)} and RowKey le {RowKeyOf(to)}");
        return await ReadAsync(table, filter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<UsageDay>> ExportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {RowKeyOf(from)} and RowKey le {RowKeyOf(to)}");
        var rows = await ReadAsync(table, filter, cancellationToken).ConfigureAwait(false);
        return rows.OrderBy(r => r.TenantId, StringComparer.Ordinal).ThenBy(r => r.Date).ToArray();
    }

    private static async Task<IReadOnlyList<UsageDay>> ReadAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var days = new List<UsageDay>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Calls"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (DateOnly.TryParseExact(e.RowKey, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                days.Add(new UsageDay(e.PartitionKey, date, e.GetInt64("Calls") ?? 0));
            }
        }

        return days;
    }

    public static string RowKeyOf(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
