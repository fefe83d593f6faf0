using Azure;
using Azure.Data.Tables;

namespace Soc.Infrastructure.Storage;

/// <summary>
/// Read-modify-write of one table entity with ETag optimistic concurrency: a writer that lost the race reads again
/// and retries, so no increment is ever lost, whichever instance makes it.
/// </summary>
internal static class OptimisticUpdate
{
    public const int MaxAttempts = 200;

    /// <summary>
    /// Applies <paramref name="change"/> to the current entity (null when absent). The change returns the entity to
    /// write, or null to write nothing; its result is returned once a write (or no write) succeeded.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity?, (TableEntity? Write, T Result)> change,
        CancellationToken cancellationToken,
        int maxAttempts = MaxAttempts)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = current.HasValue ? current.Value : null;
            var (write, result) = change(entity);
            if (write is null)
            {
                return result;
            }

            try
            {
                if (entity is null)
                {
                    await table.AddEntityAsync(write, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateEntityAsync(write, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return result;
            }
            catch (RequestFailedException ex) when ((ex.Status == 412 || ex.Status == 409) && attempt < maxAttempts)
            {
                // Somebody else wrote first: back off a little (more with each loss) and read again.
                await Task.Delay(Random.Shared.Next(1, 4 + Math.Min(attempt, 20) * 2), cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
