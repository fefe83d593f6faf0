using System.Text.Json.Nodes;
using Soc.Core.Events;

namespace Soc.Infrastructure.Events;

/// <summary>An event as stored: the event plus its cursor (sortable by time, usable as <c>since</c>).</summary>
public sealed record StoredEvent(string Id, string Type, DateTimeOffset At, JsonObject Data)
{
    public static StoredEvent From(SocEvent e) => new(e.Id, e.Type, e.At, e.Data);

    /// <summary>The tenant the event belongs to; null for events of the whole service (learning, detector updates).</summary>
    public string? TenantId => Data["tenantId"] is JsonValue v && v.TryGetValue<string>(out var t) && t.Length > 0 ? t : null;

    /// <summary>The message the dashboard group receives.</summary>
    public JsonObject ToMessage() => new()
    {
        ["id"] = Id,
        ["type"] = Type,
        ["at"] = At.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["data"] = Data.DeepClone(),
    };
}

/// <summary>Filters of the threat history (always scoped to one tenant plus the service-wide events).</summary>
public sealed record ThreatQuery(
    string TenantId,
    string? Decision,
    string? Category,
    string? RuleId,
    DateTimeOffset? Since,
    DateTimeOffset? Until,
    string? Text,
    int Limit,
    string? ContinuationToken);

/// <summary>One page of the threat history.</summary>
public sealed record ThreatPage(IReadOnlyList<StoredEvent> Items, string? ContinuationToken);

/// <summary>The columns metrics need, without the event's data.</summary>
public sealed record EventSummary(string Type, DateTimeOffset At, string? Decision, IReadOnlyList<string> Categories, long? ElapsedMicros, double? DetectionImprovement);

/// <summary>Where events are kept: Table Storage in the app.</summary>
public interface IEventStore
{
    Task AppendAsync(SocEvent e, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> events of a tenant (and service-wide ones) after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredEvent>> ListSinceAsync(string tenantId, DateTimeOffset since, int limit, CancellationToken cancellationToken);

    /// <summary>When the event with this id happened (searched in the recent days), or null.</summary>
    Task<DateTimeOffset?> FindTimeAsync(string id, CancellationToken cancellationToken);

    Task<ThreatPage> QueryThreatsAsync(ThreatQuery query, CancellationToken cancellationToken);

    /// <summary>Summaries of a tenant's (and service-wide) events in [from, to), at most <paramref name="max"/>, newest first.</summary>
    Task<IReadOnlyList<EventSummary>> SummariesAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int max, CancellationToken cancellationToken);
}
