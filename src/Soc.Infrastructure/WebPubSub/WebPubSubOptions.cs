using System.ComponentModel.DataAnnotations;

namespace Soc.Infrastructure.WebPubSub;

/// <summary>App settings section <c>WebPubSub</c>: where live events go.</summary>
public sealed class WebPubSubOptions
{
    public const string SectionName = "WebPubSub";

    /// <summary>
    /// <c>Endpoint=...;AccessKey=...;Version=1.0</c>: tokens are signed with the access key. Locally the endpoint is the
    /// dev host itself (it emulates the data plane). Empty: <see cref="Endpoint"/> with Microsoft Entra ID.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Service endpoint for Microsoft Entra ID (managed identity) when no connection string is set.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The hub the app sends to and the dashboard connects to.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9_]{0,127}$")]
    public string Hub { get; set; } = "soc";

    /// <summary>
    /// The group every dashboard connection joins on connect: events without a tenant go here; a tenant's events go to
    /// its own subgroup (<see cref="TenantGroup"/>), joined only by that tenant's dashboards.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,128}$")]
    public string DashboardGroup { get; set; } = "dashboard";

    /// <summary>How long a dashboard's client access URL stays valid.</summary>
    [Range(1, 1440)]
    public int ClientTokenMinutes { get; set; } = 60;

    /// <summary>Share of <c>message.allowed</c> events streamed live (all of them are stored and counted).</summary>
    [Range(0.0, 1.0)]
    public double AllowedSampleRate { get; set; } = 1.0;

    /// <summary>The dashboard subgroup of one tenant: a digest of the tenant id, so no two tenants can share a name.</summary>
    public string TenantGroup(string tenantId) =>
        DashboardGroup + ".t-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(tenantId)))[..32];

    /// <summary>The group an event goes to.</summary>
    public string GroupFor(string? tenantId) => string.IsNullOrEmpty(tenantId) ? DashboardGroup : TenantGroup(tenantId);

    /// <summary>True when events can be streamed (a connection string or an endpoint is configured).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(Endpoint);
}
