using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Soc.Core.Security;

namespace SocFunctions.Http;

/// <summary>Guards the management API with the <c>X-Admin-Key</c> header (setting <c>Tenants__AdminKey</c>).</summary>
public sealed class AdminKeyGuard(IOptions<TenantOptions> options)
{
    public const string HeaderName = "X-Admin-Key";

    /// <summary>Null when the caller is the administrator, else the 401/403 problem to answer with.</summary>
    public ApiResult? Check(HttpRequest request)
    {
        var configured = options.Value.AdminKey;
        if (string.IsNullOrEmpty(configured))
        {
            return ProtectionResults.Forbidden("The management API is disabled: Tenants__AdminKey is not set.");
        }

        if (!request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return ApiResults.Problem(StatusCodes.Status401Unauthorized, "An admin key is required.", $"Send the admin key in the {HeaderName} header.")
                .WithHeader("WWW-Authenticate", $"ApiKey header=\"{HeaderName}\"");
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(values.ToString().Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(configured));
        return CryptographicOperations.FixedTimeEquals(given, expected)
            ? null
            : ProtectionResults.Forbidden("The admin key is not valid.");
    }
}
