using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Security;

/// <summary>A billing plan: how many screened calls a tenant may make per UTC day.</summary>
public sealed class PlanOptions
{
    /// <summary>Calls per UTC day; 0 means unlimited.</summary>
    [Range(0, long.MaxValue)]
    public long DailyQuota { get; set; }
}

/// <summary>App settings section <c>Tenants</c> (for example <c>Tenants__AdminKey</c>, <c>Tenants__Plans__free__DailyQuota</c>).</summary>
public sealed class TenantOptions
{
    public const string SectionName = "Tenants";

    /// <summary>The key of the management API (<c>X-Admin-Key</c>). Empty: the management API answers 403.</summary>
    public string AdminKey { get; set; } = string.Empty;

    /// <summary>Server-side secret mixed into every API key digest (HMAC-SHA256), and into session canaries.</summary>
    public string KeyPepper { get; set; } = string.Empty;

    /// <summary>
    /// How long a validated table key is trusted without a new read. A revocation is effective at once on the
    /// instance that revoked it and within this many seconds on the others; 0 reads the key on every call.
    /// </summary>
    [Range(0, 300)]
    public double KeyCacheSeconds { get; set; } = 5;

    /// <summary>Plans by name. Defaults: free 1,000/day, pro 100,000/day, config (bootstrap keys) unlimited.</summary>
    public Dictionary<string, PlanOptions> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["free"] = new PlanOptions { DailyQuota = 1_000 },
        ["pro"] = new PlanOptions { DailyQuota = 100_000 },
        ["config"] = new PlanOptions { DailyQuota = 0 },
    };

    /// <summary>The daily quota of a plan; an unknown plan gets the free plan's quota (fail closed, not open).</summary>
    public long DailyQuotaOf(string plan) =>
        Plans.TryGetValue(plan, out var p) ? p.DailyQuota
        : Plans.TryGetValue("free", out var free) ? free.DailyQuota
        : 1_000;
}
