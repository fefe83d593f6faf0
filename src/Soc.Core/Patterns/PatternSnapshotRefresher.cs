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
    /// <summary>While storage stays down, the failure is logged again at most this often (not every tick).</summary>
    private static readonly TimeSpan RepeatWarningEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        using var timer = new PeriodicTimer(period);
        DateTimeOffset? failingSince = null;
        var lastWarning = DateTimeOffset.MinValue;
        do
        {
            try
            {
                await cache.RefreshAsync(stoppingToken).ConfigureAwait(false);
                if (failingSince is { } since)
                {
                    LogRefreshRecovered(logger, (long)(DateTimeOffset.UtcNow - since).TotalSeconds);
                    failingSince = null;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Storage unreachable: keep serving the snapshot we have, try again next tick. One line, not a stack
                // trace every second: the first failure and then once a minute while it lasts.
                var now = DateTimeOffset.UtcNow;
                failingSince ??= now;
                if (now - lastWarning >= RepeatWarningEvery)
                {
                    lastWarning = now;
                    LogRefreshFailed(logger, ex.GetType().Name, FirstLine(ex.GetBaseException().Message));
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline].TrimEnd();
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Pattern snapshot refresh failed ({ErrorType}: {Error}); serving the previous snapshot")]
    private static partial void LogRefreshFailed(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Pattern snapshot refresh works again after {Seconds} s")]
    private static partial void LogRefreshRecovered(ILogger logger, long seconds);
}
