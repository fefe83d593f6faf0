using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Soc.Core.Security;

/// <summary>
/// Keys issued through the management API: one point read by key id, the digest compared in constant time, the
/// outcome cached for <see cref="TenantOptions.KeyCacheSeconds"/> (revocations evict at once on this instance).
/// </summary>
public sealed class TenantApiKeyValidator(ITenantStore store, IOptions<TenantOptions> options, TimeProvider clock) : IApiKeyValidator
{
    private readonly ConcurrentDictionary<string, (ApiCaller? Caller, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<ApiCaller?> ValidateAsync(string apiKey, CancellationToken cancellationToken)
    {
        var keyId = ApiKeyFormat.KeyIdOf(apiKey);
        if (keyId is null)
        {
            return null;
        }

        var o = options.Value;
        var digest = ApiKeyFormat.Digest(apiKey, o.KeyPepper);
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(digest, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        ApiCaller? caller = null;
        try
        {
            var key = await store.GetKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (key is { Revoked: false } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(key.Digest), Encoding.ASCII.GetBytes(digest)))
            {
                var tenant = await store.GetTenantAsync(key.TenantId, cancellationToken).ConfigureAwait(false);
                caller = tenant is null ? null : new ApiCaller(tenant.Id, key.KeyId, tenant.Plan);
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && cached.Until != default)
        {
            // The store is unreachable: the last known answer for this key beats refusing a paying caller.
            return cached.Caller;
        }

        if (o.KeyCacheSeconds > 0)
        {
            if (_cache.Count > 10_000)
            {
                _cache.Clear();
            }

            _cache[digest] = (caller, now.AddSeconds(o.KeyCacheSeconds));
        }

        return caller;
    }

    /// <summary>Forgets cached outcomes of a key id (called after a revocation on this instance).</summary>
    public void Evict(string keyId)
    {
        foreach (var (digest, entry) in _cache)
        {
            if (entry.Caller?.KeyId == keyId)
            {
                _cache.TryRemove(digest, out _);
            }
        }
    }
}

/// <summary>Bootstrap keys from configuration first, then keys issued to tenants.</summary>
public sealed class CompositeApiKeyValidator(ConfiguredApiKeyValidator configured, TenantApiKeyValidator tenants) : IApiKeyValidator
{
    public async ValueTask<ApiCaller?> ValidateAsync(string apiKey, CancellationToken cancellationToken) =>
        await configured.ValidateAsync(apiKey, cancellationToken).ConfigureAwait(false)
        ?? await tenants.ValidateAsync(apiKey, cancellationToken).ConfigureAwait(false);
}
