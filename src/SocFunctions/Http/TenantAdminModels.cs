namespace SocFunctions.Http;

/// <summary>Body of <c>POST /api/manage/tenants</c>.</summary>
public sealed record CreateTenantRequest(string? TenantId, string? Name, string? Plan);

/// <summary>A tenant as the management API shows it.</summary>
public sealed record TenantDto(string TenantId, string Name, string Plan, long DailyQuota, DateTimeOffset CreatedAt);

/// <summary>Answer of issuing a key: the only time the key itself is shown.</summary>
public sealed record IssuedKeyDto(string KeyId, string TenantId, string ApiKey, DateTimeOffset CreatedAt);

/// <summary>A key as listed: never the key, never the digest.</summary>
public sealed record ApiKeyDto(string KeyId, string TenantId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, bool Revoked);

/// <summary>One day of usage.</summary>
public sealed record UsageDayDto(string TenantId, DateOnly Date, long Calls);

/// <summary>Answer of <c>GET /api/usage</c>.</summary>
public sealed record UsageResponse(string TenantId, string Plan, long DailyQuota, DateOnly From, DateOnly To, long Total, IReadOnlyList<UsageDayDto> Days);

/// <summary>Answer of <c>GET /api/usage/export?format=json</c>.</summary>
public sealed record UsageExport(DateOnly From, DateOnly To, long Total, IReadOnlyList<UsageDayDto> Rows);
