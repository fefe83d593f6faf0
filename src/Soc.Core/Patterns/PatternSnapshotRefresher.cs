using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Soc.Core.Patterns;

/// <summary>Polls the stored pattern-set version in the background and installs new snapshots.</summary>
public sealed partial class PatternSnapshotRefresher(
    PatternSnapshotCache cache,
    IOptions<PatternRefreshOptions> options,
    ILogger<PatternSnapshotRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        using var timer = new PeriodicTimer(period);
        do
        {
            try
            {
                await cache.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage unreachable: keep serving the snapshot we have, try again next tick.
                LogRefreshFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Pattern snapshot refresh failed; serving the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
