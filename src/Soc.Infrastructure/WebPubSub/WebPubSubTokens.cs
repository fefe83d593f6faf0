using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Soc.Infrastructure.WebPubSub;

/// <summary>
/// Web PubSub access tokens signed with the access key (HS256): a service token per REST request (audience = the full
/// request URL) and client tokens for WebSocket connections (audience = the hub's client endpoint).
/// </summary>
public static class WebPubSubTokens
{
    public const string RoleClaim = "role";
    public const string GroupClaim = "webpubsub.group";
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static SymmetricSecurityKey SigningKey(string accessKey)
    {
        var bytes = Encoding.UTF8.GetBytes(accessKey);
        if (bytes.Length < 32)
        {
            throw new ArgumentException("A Web PubSub access key must be at least 32 bytes long.", nameof(accessKey));
        }

        return new SymmetricSecurityKey(bytes);
    }

    /// <summary>A token for one REST call: <c>aud</c> is the full URL including the query string.</summary>
    public static string ForRequest(Uri requestUri, string accessKey, DateTimeOffset now, TimeSpan lifetime) =>
        Create(requestUri.AbsoluteUri, accessKey, now, lifetime, subject: null, roles: [], groups: []);

    /// <summary>A client token: user id, roles (permissions) and groups joined on connect.</summary>
    public static string ForClient(string audience, string accessKey, DateTimeOffset now, TimeSpan lifetime, string? userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> groups) =>
        Create(audience, accessKey, now, lifetime, userId, roles, groups);

    private static string Create(string audience, string accessKey, DateTimeOffset now, TimeSpan lifetime, string? subject, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> groups)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(subject))
        {
            claims[JwtRegisteredClaimNames.Sub] = subject;
        }

        if (roles.Count > 0)
        {
            claims[RoleClaim] = roles.ToArray();
        }

        if (groups.Count > 0)
        {
            claims[GroupClaim] = groups.ToArray();
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddSeconds(-5),
            Expires = now.Add(lifetime).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(SigningKey(accessKey), SecurityAlgorithms.HmacSha256),
        };
        return Handler.CreateToken(descriptor);
    }
}
