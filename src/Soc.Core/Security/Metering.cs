using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Security;

/// <summary>App settings section <c>RateLimit</c>: fixed windows per API key and per session, shared by every instance.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimit";

    /// <summary>Messages per window and session (the seed's RATE_LIMIT_MESSAGES).</summary>
    [Range(1, 1_000_000)]
    public int SessionMessages { get; set; } = 10;

    /// <summary>Window of the session limit in seconds (the seed's RATE_LIMIT_WINDOW).</summary>
    [Range(1, 86_400)]
    public int SessionWindowSeconds { get; set; } = 60;

    /// <summary>Calls per window and API key.</summary>
    [Range(1, 10_000_000)]
    public int KeyMessages { get; set; } = 600;

    /// <summary>Window of the per-key limit in seconds.</summary>
    [Range(1, 86_400)]
    public int KeyWindowSeconds { get; set; } = 60;
}

/// <summary>Outcome of asking a limiter for one more call.</summary>
public readonly record struct LimitDecision(bool Allowed, long Count, TimeSpan RetryAfter);

/// <summary>Fixed-window counters in a store every instance shares (Table Storage), exact under concurrency.</summary>
public interface IRateLimitStore
{
    /// <summary>Counts one call in <paramref name="scope"/>'s current window unless <paramref name="limit"/> is reached.</summary>
    Task<LimitDecision> TryAcquireAsync(string scope, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>Calls of one tenant on one UTC day.</summary>
public sealed record UsageDay(string TenantId, DateOnly Date, long Calls);

/// <summary>Usage metering per tenant and UTC day; the count is also what the daily quota is checked against.</summary>
public interface IUsageStore
{
    /// <summary>Meters one call unless the tenant already used <paramref name="quota"/> calls that day (0: unlimited).</summary>
    Task<LimitDecision> TryConsumeAsync(string tenantId, DateOnly day, long quota, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<UsageDay>> GetAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken);

    /// <summary>Every tenant's usage in the range (billing export).</summary>
    Task<IReadOnlyList<UsageDay>> ExportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
