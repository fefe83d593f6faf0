using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soc.Infrastructure.Events;
using SocFunctions.Http;

namespace SocFunctions.Events;

/// <summary>
/// <c>GET /api/dashboard/metrics?hours=24&amp;buckets=24</c>: messages screened, blocked, block rate, latency
/// p50/p99, patterns learned, detection improvement, and series over time by category and learning step.
/// </summary>
public sealed class DashboardMetricsFunction(ApiKeyGuard guard, DashboardMetricsService metrics)
{
    [Function(nameof(DashboardMetrics))]
    public async Task<IActionResult> DashboardMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/metrics")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var hours = EventsQuery.Int(request, "hours", 24, 1, 24 * 30, errors);
        var buckets = EventsQuery.Int(request, "buckets", 24, 1, 200, errors);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more query parameters are not valid.", errors);
        }

        var result = await metrics.ComputeAsync(caller!.TenantId, TimeSpan.FromHours(hours), buckets, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(result);
    }
}
