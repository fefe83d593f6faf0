using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Soc.Core.Security;

/// <summary>Who is calling: the tenant an API key belongs to.</summary>
public sealed record ApiCaller(string TenantId, string KeyId, string Plan);

/// <summary>Checks an <c>X-Api-Key</c> value.</summary>
public interface IApiKeyValidator
{
    /// <summary>The caller the key belongs to, or null when the key is unknown or revoked.</summary>
    ValueTask<ApiCaller?> ValidateAsync(string apiKey, CancellationToken cancellationToken);
}

/// <summary>App settings section <c>Api</c>.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Api";

    /// <summary>
    /// Bootstrap keys from configuration, <c>;</c>-separated, each <c>key</c> or <c>tenant:key</c> (for example the
    /// local-only key of <c>local.settings.sample.json</c>). Keep real keys in Key Vault references, never in the repo.
    /// </summary>
    public string Keys { get; set; } = string.Empty;
}

/// <summary>Keys from configuration, compared by SHA-256 digest in constant time.</summary>
public sealed class ConfiguredApiKeyValidator : IApiKeyValidator
{
    private readonly (byte[] Digest, ApiCaller Caller)[] _keys;

    public ConfiguredApiKeyValidator(IOptions<ApiKeyOptions> options)
    {
        _keys = options.Value.Keys
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((entry, index) =>
            {
                var colon = entry.IndexOf(':', StringComparison.Ordinal);
                var tenant = colon > 0 ? entry[..colon] : "default";
                var key = colon > 0 ? entry[(colon + 1)..] : entry;
                return (Digest(key), new ApiCaller(tenant, "config-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture), "config"));
            })
            .ToArray();
    }

    public ValueTask<ApiCaller?> ValidateAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(apiKey))
        {
            return ValueTask.FromResult<ApiCaller?>(null);
        }

        var digest = Digest(apiKey);
        ApiCaller? found = null;
        foreach (var (d, caller) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(d, digest))
            {
                found = caller;
            }
        }

        return ValueTask.FromResult(found);
    }

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
