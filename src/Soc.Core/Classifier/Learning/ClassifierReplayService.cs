using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Soc.Core.Patterns;

namespace Soc.Core.Classifier.Learning;

/// <summary>
/// Watches the pattern-set version every second; when it changed (the learning loop stores examples before it bumps
/// the version) the classifier is rebuilt from the stored examples if they changed. Also once at start.
/// </summary>
public sealed partial class ClassifierReplayService(
    ClassifierReplay replay,
    IPatternSnapshotSource snapshots,
    ILogger<ClassifierReplayService> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(Period);
        do
        {
            var version = snapshots.Current.Version;
            if (seen == version)
            {
                continue;
            }

            try
            {
                await replay.RebuildAsync(stoppingToken).ConfigureAwait(false);
                seen = version;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // Store unreachable: keep the model we have, try again next tick.
                LogRebuildFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 2071, Level = LogLevel.Warning, Message = "Classifier rebuild failed; keeping the current model")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);
}
