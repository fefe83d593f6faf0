using Azure;

namespace Soc.Infrastructure.Storage;

/// <summary>Result of a storage reachability probe.</summary>
public sealed record StorageHealthReport(bool Reachable, long ElapsedMillis, string? Error);

/// <summary>Probes Table Storage with one cheap query.</summary>
public sealed class StorageHealth(TableStorage storage)
{
    public async Task<StorageHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await foreach (var _ in storage.Service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).ConfigureAwait(false))
            {
                break;
            }

            return new StorageHealthReport(true, watch.ElapsedMilliseconds, null);
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            return new StorageHealthReport(false, watch.ElapsedMilliseconds, ex.GetType().Name + ": " + FirstLine(ex.Message));
        }
    }

    private static string FirstLine(string message)
    {
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? message : message[..newline].TrimEnd();
    }
}
