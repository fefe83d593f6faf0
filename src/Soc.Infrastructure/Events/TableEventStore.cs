using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Soc.Core.Events;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Events;

/// <summary>
/// Events in Table Storage, table <c>{prefix}Events</c>: one partition per UTC day (<c>yyyyMMdd</c>), row key
/// <c>{inverted ticks:D19}-{id}</c> so a partition reads newest first and "after a time" is a row-key range.
/// Decision, categories, rule ids and latency are columns of their own for filters and metrics.
/// </summary>
public sealed class TableEventStore(TableStorage storage, TimeProvider time) : IEventStore
{
    public const string Table = "Events";

    /// <summary>How far back history and backfill look by default.</summary>
    public static readonly TimeSpan DefaultHistory = TimeSpan.FromDays(30);

    /// <summary>Rows examined for one page of threats before a page is returned with a continuation token.</summary>
    public const int MaxScannedPerPage = 5000;

    private const int MaxDataChars = 30000;
    private static readonly string[] SummaryColumns = ["Type", "At", "TenantId", "Decision", "Categories", "ElapsedMicros", "DetectionImprovement"];

    public async Task AppendAsync(SocEvent e, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var data = e.Data.ToJsonString();
        if (data.Length > MaxDataChars)
        {
            // Keep the row under the entity size limit: the columns below keep what filters and metrics need.
            data = new JsonObject { ["truncated"] = true, ["decision"] = e.Data["decision"]?.DeepClone(), ["ruleIds"] = e.Data["ruleIds"]?.DeepClone() }.ToJsonString();
        }

        var entity = new TableEntity(PartitionOf(e.At), RowKeyOf(e.At, e.Id))
        {
            ["EventId"] = e.Id,
            ["Type"] = e.Type,
            ["At"] = e.At,
            ["Data"] = data,
        };
        if (StoredEvent.From(e).TenantId is { } tenant)
        {
            entity["TenantId"] = tenant;
        }

        if (e.Data["decision"] is JsonValue d && d.TryGetValue<string>(out var decision))
        {
            entity["Decision"] = decision;
        }

        if (e.Data["categories"] is JsonArray categories)
        {
            entity["Categories"] = Joined(categories);
        }

        if (e.Data["ruleIds"] is JsonArray rules)
        {
            entity["RuleIds"] = Joined(rules);
        }

        if (e.Data["elapsedMicros"] is JsonValue el && el.TryGetValue<long>(out var micros))
        {
            entity["ElapsedMicros"] = micros;
        }

        if (e.Data["detectionImprovement"] is JsonValue di && di.TryGetValue<double>(out var improvement))
        {
            entity["DetectionImprovement"] = improvement;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredEvent>> ListSinceAsync(string tenantId, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var result = new List<StoredEvent>(limit);
        var now = time.GetUtcNow();
        var upper = RowKeyPrefixOf(since);
        foreach (var day in DaysDescending(since, now))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey lt {upper}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!Visible(entity, tenantId))
                {
                    continue;
                }

                var e = FromEntity(entity);
                if (e.At > since)
                {
                    result.Add(e);
                }

                if (result.Count >= limit)
                {
                    break;
                }
            }

            if (result.Count >= limit)
            {
                break;
            }
        }

        result.Reverse();
        return result;
    }

    public async Task<DateTimeOffset?> FindTimeAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        foreach (var day in DaysDescending(now.AddDays(-2), now))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day} and EventId eq {id}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["At"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                return entity.GetDateTimeOffset("At");
            }
        }

        return null;
    }

    public async Task<ThreatPage> QueryThreatsAsync(ThreatQuery query, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var until = query.Until ?? now;
        var since = query.Since ?? until - DefaultHistory;
        var (resumeDay, resumeRow) = ParseToken(query.ContinuationToken);
        var types = query.Decision switch
        {
            "block" => new[] { "threat.blocked" },
            "flag" => ["threat.flagged"],
            "allow" => ["message.allowed"],
            _ => ["threat.blocked", "threat.flagged"],
        };
        var typeFilter = string.Join(" or ", types.Select(t => TableClient.CreateQueryFilter($"Type eq {t}")));
        var items = new List<StoredEvent>(query.Limit);
        var scanned = 0;
        foreach (var day in DaysDescending(since, until))
        {
            if (resumeDay is not null && string.CompareOrdinal(day, resumeDay) > 0)
            {
                continue;
            }

            var lower = day == resumeDay ? resumeRow! : RowKeyPrefixOf(until);
            var lowerOp = day == resumeDay ? "gt" : "ge";
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day}")
                + $" and RowKey {lowerOp} '{lower}' and RowKey lt '{RowKeyPrefixOf(since)}'"
                + $" and ({typeFilter})";
            string? lastRow = null;
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 500, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                scanned++;
                lastRow = entity.RowKey;
                if (Visible(entity, query.TenantId) && Matches(entity, query))
                {
                    items.Add(FromEntity(entity));
                }

                if (items.Count >= query.Limit || scanned >= MaxScannedPerPage)
                {
                    return new ThreatPage(items, Token(day, lastRow));
                }
            }
        }

        return new ThreatPage(items, null);
    }

    public async Task<IReadOnlyList<EventSummary>> SummariesAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var result = new List<EventSummary>();
        foreach (var day in DaysDescending(from, to))
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {day} and RowKey ge {RowKeyPrefixOf(to)} and RowKey lt {RowKeyPrefixOf(from)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: SummaryColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (!Visible(entity, tenantId))
                {
                    continue;
                }

                result.Add(new EventSummary(
                    entity.GetString("Type") ?? string.Empty,
                    entity.GetDateTimeOffset("At") ?? default,
                    entity.GetString("Decision"),
                    Split(entity.GetString("Categories")),
                    entity.GetInt64("ElapsedMicros"),
                    entity.GetDouble("DetectionImprovement")));
                if (result.Count >= max)
                {
                    return result;
                }
            }
        }

        return result;
    }

    public static string PartitionOf(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Inverted ticks: later events sort first within a day's partition.</summary>
    public static string RowKeyPrefixOf(DateTimeOffset at) => (DateTime.MaxValue.Ticks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    public static string RowKeyOf(DateTimeOffset at, string id) => RowKeyPrefixOf(at) + "-" + id;

    private static IEnumerable<string> DaysDescending(DateTimeOffset from, DateTimeOffset to)
    {
        var first = from.UtcDateTime.Date;
        for (var day = to.UtcDateTime.Date; day >= first; day = day.AddDays(-1))
        {
            yield return day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A tenant sees its own events and the service-wide ones (no tenant), never another tenant's.</summary>
    private static bool Visible(TableEntity entity, string tenantId) =>
        entity.GetString("TenantId") is not { Length: > 0 } owner || string.Equals(owner, tenantId, StringComparison.Ordinal);

    private static bool Matches(TableEntity entity, ThreatQuery query)
    {
        if (query.Category is { Length: > 0 } category && !Split(entity.GetString("Categories")).Contains(category, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.RuleId is { Length: > 0 } rule && !Split(entity.GetString("RuleIds")).Contains(rule, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.Text is { Length: > 0 } text)
        {
            // Plain substring search over the stored message and evidence: untrusted text never becomes a pattern.
            var data = JsonNode.Parse(entity.GetString("Data") ?? "{}") as JsonObject;
            var haystack = new StringBuilder(data?["message"]?.ToString());
            if (data?["findings"] is JsonArray findings)
            {
                foreach (var f in findings)
                {
                    haystack.Append('\n').Append(f?["evidence"]?.ToString()).Append('\n').Append(f?["ruleId"]?.ToString());
                }
            }

            if (haystack.ToString().IndexOf(text, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static StoredEvent FromEntity(TableEntity entity) => new(
        entity.GetString("EventId") ?? entity.RowKey,
        entity.GetString("Type") ?? string.Empty,
        entity.GetDateTimeOffset("At") ?? default,
        JsonNode.Parse(entity.GetString("Data") ?? "{}") as JsonObject ?? []);

    private static string Joined(JsonArray values) =>
        string.Join('|', values.Select(v => v?.ToString()).Where(v => !string.IsNullOrEmpty(v)));

    private static IReadOnlyList<string> Split(string? joined) =>
        string.IsNullOrEmpty(joined) ? [] : joined.Split('|', StringSplitOptions.RemoveEmptyEntries);

    private static string Token(string day, string? row) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(day + "|" + row)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a continuation token; throws <see cref="FormatException"/> when it is not one of ours.</summary>
    public static (string? Day, string? Row) ParseToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        var b64 = token.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=');
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
        }
        catch (FormatException)
        {
            throw new FormatException("The continuation token is not valid.");
        }

        var parts = text.Split('|');
        if (parts.Length != 2 || parts[0].Length != 8 || !parts[0].All(char.IsAsciiDigit) || parts[1].Length is < 19 or > 60
            || !parts[1].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new FormatException("The continuation token is not valid.");
        }

        return (parts[0], parts[1]);
    }
}
