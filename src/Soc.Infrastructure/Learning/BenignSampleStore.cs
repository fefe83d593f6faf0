using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Learning;

/// <summary>Benign texts a tenant uploaded: the promotion gate checks every candidate against them too.</summary>
public interface IBenignSampleStore
{
    /// <summary>Stores the samples (the same text twice is kept once); returns how many were new.</summary>
    Task<int> AddAsync(string tenantId, IReadOnlyCollection<string> samples, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GetAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>Table <c>{prefix}BenignSamples</c>: partition = tenant, row key = SHA-256 of the text (so uploads are idempotent).</summary>
public sealed class TableBenignSampleStore(TableStorage storage) : IBenignSampleStore, Soc.Core.Learning.Corpus.ITenantBenignSamples
{
    public const string Table = "BenignSamples";

    public async Task<int> AddAsync(string tenantId, IReadOnlyCollection<string> samples, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var added = 0;
        foreach (var text in samples.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await table.AddEntityAsync(new TableEntity(tenantId, RowKey(text)) { ["Text"] = text, ["AddedAt"] = DateTimeOffset.UtcNow }, cancellationToken).ConfigureAwait(false);
                added++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already uploaded: nothing to do.
            }
        }

        return added;
    }

    public async Task<IReadOnlyList<string>> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(Table, cancellationToken).ConfigureAwait(false);
        var result = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == tenantId, select: ["Text"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(e.GetString("Text") ?? string.Empty);
        }

        return result;
    }

    private static string RowKey(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
