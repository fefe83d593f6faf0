using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soc.Infrastructure.Events;
using SocFunctions.Http;

namespace SocFunctions.Events;

/// <summary>Answer of <c>GET /api/events</c>: events oldest first.</summary>
public sealed record EventsResponse(IReadOnlyList<StoredEvent> Items, DateTimeOffset Since);

/// <summary>
/// <c>GET /api/events?since=&lt;ISO time or event id&gt;&amp;limit=</c>: the stored events after a point, so a
/// dashboard that reconnects backfills what it missed while it was away.
/// </summary>
public sealed class EventsFunction(ApiKeyGuard guard, IEventStore store, TimeProvider time)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    [Function(nameof(Events))]
    public async Task<IActionResult> Events(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = EventsQuery.Int(request, "limit", DefaultLimit, 1, MaxLimit, errors);
        var raw = request.Query["since"].ToString();
        DateTimeOffset since = time.GetUtcNow().AddHours(-1);
        if (raw.Length > 0)
        {
            if (raw.Length > 10 && char.IsAsciiDigit(raw[0]) && raw.Contains('T', StringComparison.Ordinal))
            {
                since = EventsQuery.Time(request, "since", errors) ?? since;
            }
            else if (EventsQuery.IsEventId(raw))
            {
                var found = await store.FindTimeAsync(raw, cancellationToken).ConfigureAwait(false);
                if (found is null)
                {
                    return ApiResults.NotFound("No recent event has this id; pass an ISO time as since instead.");
                }

                since = found.Value;
            }
            else
            {
                errors["since"] = ["since must be an ISO 8601 time or an event id."];
            }
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more query parameters are not valid.", errors);
        }

        var items = await store.ListSinceAsync(caller!.TenantId, since, limit, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new EventsResponse(items, since));
    }
}
