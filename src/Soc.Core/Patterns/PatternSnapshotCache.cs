using Microsoft.Extensions.Logging;

namespace Soc.Core.Patterns;

/// <summary>
/// Holds the current <see cref="PatternSnapshot"/>. <see cref="RefreshAsync"/> reads the stored version and rebuilds the
/// snapshot only when it changed; readers never wait for storage.
/// </summary>
public sealed partial class PatternSnapshotCache(IPatternStore store, ILogger<PatternSnapshotCache> logger) : IPatternSnapshotSource
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile PatternSnapshot _current = PatternSnapshot.Empty;

    public PatternSnapshot Current => _current;

    /// <summary>When the last refresh succeeded (null before the first).</summary>
    public DateTimeOffset? LastRefreshed { get; private set; }

    /// <summary>Brings the snapshot up to date with storage; returns true when a new snapshot was installed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var version = await store.GetVersionAsync(cancellationToken).ConfigureAwait(false);
            if (version == _current.Version && LastRefreshed is not null)
            {
                LastRefreshed = DateTimeOffset.UtcNow;
                return false;
            }

            var set = await store.LoadAsync(cancellationToken).ConfigureAwait(false);
            var snapshot = new PatternSnapshot(set.Version, set.Patterns);
            _current = snapshot;
            LastRefreshed = DateTimeOffset.UtcNow;
            LogSnapshotInstalled(logger, snapshot.Version, snapshot.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Pattern snapshot {Version} installed with {Count} live patterns")]
    private static partial void LogSnapshotInstalled(ILogger logger, long version, int count);
}
