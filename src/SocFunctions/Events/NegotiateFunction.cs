using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Soc.Infrastructure.WebPubSub;
using SocFunctions.Http;

namespace SocFunctions.Events;

/// <summary>Answer of <c>GET /api/negotiate</c>.</summary>
public sealed record NegotiateResponse(Uri Url, string Hub, string Group);

/// <summary>
/// <c>GET /api/negotiate</c>: a Web PubSub client URL for a dashboard user. The connection is receive-only (no
/// roles: it can neither send nor join other groups) and joins the dashboard group and its tenant's subgroup on
/// connect, so it sees service-wide events and its own tenant's, never another tenant's.
/// </summary>
public sealed class NegotiateFunction(ApiKeyGuard guard, IWebPubSubService webPubSub, IOptions<WebPubSubOptions> options)
{
    [Function(nameof(Negotiate))]
    public async Task<IActionResult> Negotiate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "negotiate")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var o = options.Value;
        if (!o.IsConfigured)
        {
            return ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Live events are not configured.",
                "Set WebPubSub__ConnectionString (or WebPubSub__Endpoint with managed identity). History and metrics keep working.");
        }

        var url = await webPubSub.GetClientAccessUriAsync("dashboard:" + caller!.TenantId, [], [o.DashboardGroup, o.TenantGroup(caller.TenantId)], cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new NegotiateResponse(url, o.Hub, o.DashboardGroup));
    }
}
