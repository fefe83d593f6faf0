using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soc.Infrastructure.Events;
using SocFunctions.Http;

namespace SocFunctions.Events;

/// <summary>Answer of <c>GET /api/threats</c>.</summary>
public sealed record ThreatsResponse(IReadOnlyList<StoredEvent> Items, string? ContinuationToken);

/// <summary>
/// <c>GET /api/threats</c>: threat history, newest first, filtered by decision (block, flag, allow), category, rule
/// id, time range and a plain-text search in the message and evidence, paged with a continuation token.
/// </summary>
public sealed class ThreatsFunction(ApiKeyGuard guard, IEventStore store)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    private static readonly string[] Decisions = ["block", "flag", "allow"];

    [Function(nameof(Threats))]
    public async Task<IActionResult> Threats(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "threats")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var decision = EventsQuery.Text(request, "decision", 10, errors)?.ToLowerInvariant();
        if (decision is not null && !Decisions.Contains(decision))
        {
            errors["decision"] = ["decision must be block, flag or allow."];
        }

        var query = new ThreatQuery(
            caller!.TenantId,
            decision,
            EventsQuery.Text(request, "category", 64, errors),
            EventsQuery.Text(request, "ruleId", 64, errors),
            EventsQuery.Time(request, "since", errors),
            EventsQuery.Time(request, "until", errors),
            EventsQuery.Text(request, "q", 200, errors),
            EventsQuery.Int(request, "limit", DefaultLimit, 1, MaxLimit, errors),
            EventsQuery.Text(request, "continuationToken", 200, errors));
        if (query.ContinuationToken is { } token)
        {
            try
            {
                TableEventStore.ParseToken(token);
            }
            catch (FormatException ex)
            {
                errors["continuationToken"] = [ex.Message];
            }
        }

        if (query.Since is { } s && query.Until is { } u && s >= u)
        {
            errors["since"] = ["since must be before until."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more query parameters are not valid.", errors);
        }

        var page = await store.QueryThreatsAsync(query, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new ThreatsResponse(page.Items, page.ContinuationToken));
    }
}
