using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Soc.Core.Security;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.RateLimiting;

/// <summary>
/// Fixed-window counters (a window opens with the first call after the last one closed) in table <c>{prefix}ratelimits</c>: one row per scope (partition = hashed scope), holding
/// the window start and the count, updated with ETag concurrency. One point read and one write per call.
/// </summary>
public sealed class TableRateLimitStore(TableStorage storage) : IRateLimitStore
{
    public const string TableName = "ratelimits";

    public async Task<LimitDecision> TryAcquireAsync(string scope, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var seconds = (long)window.TotalSeconds;
        var unix = now.ToUnixTimeSeconds();
        return await OptimisticUpdate.RunAsync(table, KeyOf(scope), "w", entity =>
        {
            // The window opens with the first call of a quiet scope (not at clock-aligned boundaries, which would let
            // a burst straddling a boundary through twice).
            var storedStart = entity?.GetInt64("WindowStart");
            var sameWindow = storedStart is { } start && unix < start + seconds;
            var windowStart = sameWindow ? storedStart!.Value : unix;
            var count = sameWindow ? entity!.GetInt64("Count") ?? 0 : 0;
            if (count >= limit)
            {
                return (null, new LimitDecision(false, count, TimeSpan.FromSeconds(Math.Max(1, windowStart + seconds - unix))));
            }

            var write = new TableEntity(KeyOf(scope), "w")
            {
                ["Scope"] = scope.Length > 200 ? scope[..200] : scope,
                ["WindowStart"] = windowStart,
                ["Count"] = count + 1,
            };
            return (write, new LimitDecision(true, count + 1, TimeSpan.Zero));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Scopes hold session ids from callers: hashed, they are always valid keys.</summary>
    internal static string KeyOf(string scope) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scope)), 0, 16);
}
