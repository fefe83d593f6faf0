using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Soc.Infrastructure.WebPubSub;

namespace Soc.Local.Serve.WebPubSub;

/// <summary>What a valid token says.</summary>
public sealed record EmulatorTokenClaims(string? UserId, IReadOnlyList<string> Roles, IReadOnlyList<string> Groups);

/// <summary>
/// Validates tokens the way the service does: HS256 with the access key, not expired, and an audience equal to the
/// URL the caller reached (the REST request URL, or the hub's client endpoint).
/// </summary>
public sealed class EmulatorTokenValidator(string accessKey)
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly SymmetricSecurityKey _key = WebPubSubTokens.SigningKey(accessKey);

    public async Task<EmulatorTokenClaims?> ValidateAsync(string? token, IReadOnlyCollection<string> audiences)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parameters = new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = true,
            AudienceValidator = (tokenAudiences, _, _) =>
                tokenAudiences.Any(a => audiences.Any(expected => string.Equals(a.TrimEnd('/'), expected.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(5),
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        return new EmulatorTokenClaims(
            jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Sub, out var sub) ? sub : null,
            jwt.Claims.Where(c => c.Type == WebPubSubTokens.RoleClaim).Select(c => c.Value).ToArray(),
            jwt.Claims.Where(c => c.Type == WebPubSubTokens.GroupClaim).Select(c => c.Value).ToArray());
    }
}
