using Microsoft.AspNetCore.Http;
using Soc.Core.Security;

namespace SocFunctions.Http;

/// <summary>Authenticates API callers by the <c>X-Api-Key</c> header.</summary>
public sealed class ApiKeyGuard(IApiKeyValidator validator)
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The caller, or the 401 problem to answer with.</summary>
    public async Task<(ApiCaller? Caller, ApiResult? Error)> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return (null, ApiResults.Unauthorized($"Send your API key in the {HeaderName} header."));
        }

        var caller = await validator.ValidateAsync(values.ToString().Trim(), cancellationToken).ConfigureAwait(false);
        return caller is null
            ? (null, ApiResults.Unauthorized("The API key is not valid or has been revoked."))
            : (caller, null);
    }
}
