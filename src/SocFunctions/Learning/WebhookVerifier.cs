using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SocFunctions.Learning;

/// <summary>The outcome of checking a signed webhook: the authenticated reporter and delivery id, or why it failed.</summary>
public sealed record WebhookCheck(string? Reporter, string? DeliveryId, string? Error)
{
    public bool IsValid => Error is null;
}

/// <summary>
/// Verifies <c>X-Soc-Signature: sha256=&lt;hex HMAC-SHA256 of "&lt;X-Soc-Timestamp&gt;.&lt;raw body&gt;"&gt;</c> against every
/// configured reporter secret (each compared in constant time), and that the timestamp is inside the tolerance window.
/// Replays of a valid delivery are caught by the report store (the delivery id is the report's key).
/// </summary>
public sealed class WebhookVerifier
{
    public const string TimestampHeader = "X-Soc-Timestamp";
    public const string DeliveryHeader = "X-Soc-Delivery";
    public const string SignatureHeader = "X-Soc-Signature";
    public const string SignaturePrefix = "sha256=";
    public const int MaxDeliveryIdLength = 128;

    private readonly (string Reporter, byte[] Secret)[] _secrets;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    public WebhookVerifier(IOptions<LearningWebhookOptions> options, TimeProvider clock)
    {
        _clock = clock;
        _tolerance = TimeSpan.FromSeconds(options.Value.ToleranceSeconds);
        _secrets = ParseSecrets(options.Value.Secrets);
    }

    public static (string Reporter, byte[] Secret)[] ParseSecrets(string configured) => configured
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(entry =>
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == entry.Length - 1)
            {
                throw new OptionsValidationException(LearningWebhookOptions.SectionName, typeof(LearningWebhookOptions),
                    ["LearningWebhook__Secrets entries must be 'reporter:secret'."]);
            }

            return (entry[..colon], Encoding.UTF8.GetBytes(entry[(colon + 1)..]));
        })
        .ToArray();

    /// <summary>The signature header value for a body: what a reporter (and <c>soc report-miss</c>) sends.</summary>
    public static string Sign(string secret, string timestamp, string rawBody) =>
        SignaturePrefix + Convert.ToHexString(Mac(Encoding.UTF8.GetBytes(secret), timestamp, rawBody)).ToLowerInvariant();

    public WebhookCheck Verify(IHeaderDictionary headers, string rawBody)
    {
        var timestamp = headers[TimestampHeader].ToString();
        var delivery = headers[DeliveryHeader].ToString();
        var signature = headers[SignatureHeader].ToString();
        if (timestamp.Length == 0 || delivery.Length == 0 || signature.Length == 0)
        {
            return Fail($"Send the {TimestampHeader}, {DeliveryHeader} and {SignatureHeader} headers.");
        }

        if (delivery.Length > MaxDeliveryIdLength || delivery.Any(c => c < 0x21 || c > 0x7e))
        {
            return Fail($"{DeliveryHeader} must be 1 to {MaxDeliveryIdLength} visible ASCII characters.");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return Fail($"{TimestampHeader} must be unix seconds.");
        }

        var age = _clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > _tolerance)
        {
            return Fail($"{TimestampHeader} is outside the accepted window of {_tolerance.TotalSeconds:0} seconds.");
        }

        if (!signature.StartsWith(SignaturePrefix, StringComparison.Ordinal))
        {
            return Fail($"{SignatureHeader} must be '{SignaturePrefix}<hex>'.");
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(SignaturePrefix.Length));
        }
        catch (FormatException)
        {
            return Fail($"{SignatureHeader} must be '{SignaturePrefix}<hex>'.");
        }

        // Every secret is tried, with no early exit, so timing does not tell which reporter came close.
        string? reporter = null;
        foreach (var (name, secret) in _secrets)
        {
            var expected = Mac(secret, timestamp, rawBody);
            if (CryptographicOperations.FixedTimeEquals(expected, given))
            {
                reporter = name;
            }
        }

        return reporter is null ? Fail("The signature does not match.") : new WebhookCheck(reporter, delivery, null);
    }

    private static WebhookCheck Fail(string error) => new(null, null, error);

    private static byte[] Mac(byte[] secret, string timestamp, string rawBody) =>
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(timestamp + "." + rawBody));
}
