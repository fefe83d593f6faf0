using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Soc.Infrastructure.Storage;

/// <summary>Gives table clients for the app's tables, creating each table once per process.</summary>
public sealed class TableStorage
{
    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public TableStorage(IOptions<StorageOptions> options, IConfiguration configuration)
    {
        var o = options.Value;
        _prefix = o.TablePrefix;
        var connection = !string.IsNullOrWhiteSpace(o.ConnectionString) ? o.ConnectionString : configuration["AzureWebJobsStorage"];
        if (!string.IsNullOrWhiteSpace(connection))
        {
            _service = new TableServiceClient(connection, ClientOptions());
        }
        else if (!string.IsNullOrWhiteSpace(o.TableServiceUri))
        {
            _service = new TableServiceClient(new Uri(o.TableServiceUri), new DefaultAzureCredential(), ClientOptions());
        }
        else
        {
            throw new InvalidOperationException(
                "No table storage configured: set Storage__ConnectionString, AzureWebJobsStorage or Storage__TableServiceUri.");
        }
    }

    public TableServiceClient Service => _service;

    /// <summary>The full name of a table of the app (prefix + name).</summary>
    public string NameOf(string table) => _prefix + table;

    public Task<TableClient> GetTableAsync(string table, CancellationToken cancellationToken = default)
    {
        var lazy = _tables.GetOrAdd(table, t => new Lazy<Task<TableClient>>(() => CreateAsync(t)));
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            // A failed create (storage down at start-up) must not stick: try again next time.
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(table, lazy));
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = _service.GetTableClient(NameOf(table));
        await client.CreateIfNotExistsAsync().ConfigureAwait(false);
        return client;
    }

    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
