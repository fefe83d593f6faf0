using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Soc.Core.Security;

/// <summary>A customer of the protection service.</summary>
public sealed record Tenant(string Id, string Name, string Plan, DateTimeOffset CreatedAt);

/// <summary>An issued API key as stored: only its digest, never the key.</summary>
public sealed record StoredApiKey(string KeyId, string TenantId, string Digest, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public bool Revoked => RevokedAt is not null;
}

/// <summary>A freshly issued key: the only moment the secret exists outside the caller.</summary>
public sealed record IssuedApiKey(string KeyId, string TenantId, string ApiKey, DateTimeOffset CreatedAt);

/// <summary>Tenants and their API keys (Table Storage in the app).</summary>
public interface ITenantStore
{
    Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken);

    /// <summary>Creates the tenant; false when the id is taken.</summary>
    Task<bool> CreateTenantAsync(Tenant tenant, CancellationToken cancellationToken);

    Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken);

    Task<StoredApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when the key does not exist (or belongs to another tenant).</summary>
    Task<bool> RevokeKeyAsync(string tenantId, string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// Issued keys look like <c>soc_&lt;keyId&gt;_&lt;secret&gt;</c>: the key id gives a point read, the digest
/// (HMAC-SHA256 with the server pepper) is compared in constant time. A stolen table does not reveal keys.
/// </summary>
public static partial class ApiKeyFormat
{
    public const string Prefix = "soc_";

    public static (string KeyId, string ApiKey) NewKey()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', 'A').Replace('/', 'B');
        return (keyId, Prefix + keyId + "_" + secret);
    }

    /// <summary>The key id of an issued key, or null when the value does not have the issued shape.</summary>
    public static string? KeyIdOf(string apiKey)
    {
        if (!apiKey.StartsWith(Prefix, StringComparison.Ordinal) || apiKey.Length < Prefix.Length + 14)
        {
            return null;
        }

        var keyId = apiKey.Substring(Prefix.Length, 12);
        return apiKey[Prefix.Length + 12] == '_' && KeyIdShape().IsMatch(keyId) ? keyId : null;
    }

    public static string Digest(string apiKey, string pepper) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.UTF8.GetBytes(apiKey)));

    /// <summary>Tenant ids: 3-40 lower-case letters, digits and dashes (they become table keys and URLs).</summary>
    public static bool IsValidTenantId(string? id) => id is not null && TenantIdShape().IsMatch(id);

    [GeneratedRegex("^[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyIdShape();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantIdShape();
}
