using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Soc.Core.Patterns;
using Soc.Infrastructure.Storage;

namespace SocFunctions.Http;

/// <summary>Answer of <c>GET /api/health</c>.</summary>
public sealed record HealthResponse(string Status, StorageStatus Storage, PatternStatusDto Patterns, string Version);

public sealed record StorageStatus(bool Reachable, long ElapsedMillis, string? Error);

public sealed record PatternStatusDto(long SnapshotVersion, long? StoredVersion, int LivePatterns, DateTimeOffset? LastRefreshed);

/// <summary><c>GET /api/health</c>: storage reachability and the pattern-set version (no API key needed).</summary>
public sealed class HealthFunction(StorageHealth storage, PatternSnapshotCache cache, IPatternStore store)
{
    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var report = await storage.CheckAsync(cancellationToken).ConfigureAwait(false);
        long? stored = null;
        if (report.Reachable)
        {
            try
            {
                stored = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                report = report with { Reachable = false, Error = ex.GetType().Name };
            }
        }

        var snapshot = cache.Current;
        var body = new HealthResponse(
            report.Reachable ? "healthy" : "degraded",
            new StorageStatus(report.Reachable, report.ElapsedMillis, report.Error),
            new PatternStatusDto(snapshot.Version, stored, snapshot.Count, cache.LastRefreshed),
            typeof(HealthFunction).Assembly.GetName().Version?.ToString() ?? "0.0.0");
        return new ApiResult(report.Reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, body);
    }
}
