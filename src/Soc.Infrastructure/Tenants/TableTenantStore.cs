using Azure;
using Azure.Data.Tables;
using Soc.Core.Security;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Tenants;

/// <summary>
/// Tenants in <c>{prefix}tenants</c> (partition <c>tenant</c>, row = tenant id) and API keys in <c>{prefix}apikeys</c>
/// (partition = key id, so validation is a point read; columns TenantId, Digest, CreatedAt, RevokedAt). Only the
/// HMAC digest of a key is stored.
/// </summary>
public sealed class TableTenantStore(TableStorage storage) : ITenantStore
{
    public const string TenantsTable = "tenants";
    public const string KeysTable = "apikeys";
    private const string TenantPartition = "tenant";
    private const string KeyRow = "key";

    public async Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TenantsTable, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(TenantPartition, tenantId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is not null ? ToTenant(found.Value) : null;
    }

    public async Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TenantsTable, cancellationToken).ConfigureAwait(false);
        var list = new List<Tenant>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == TenantPartition, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToTenant(e));
        }

        return list;
    }

    public async Task<bool> CreateTenantAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TenantsTable, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(TenantPartition, tenant.Id) { ["Name"] = tenant.Name, ["Plan"] = tenant.Plan, ["CreatedAt"] = tenant.CreatedAt },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(KeysTable, cancellationToken).ConfigureAwait(false);
        await table.AddEntityAsync(
            new TableEntity(key.KeyId, KeyRow) { ["TenantId"] = key.TenantId, ["Digest"] = key.Digest, ["CreatedAt"] = key.CreatedAt, ["RevokedAt"] = key.RevokedAt },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(KeysTable, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(keyId, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return found.HasValue && found.Value is not null ? ToKey(found.Value) : null;
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(KeysTable, cancellationToken).ConfigureAwait(false);
        var list = new List<StoredApiKey>();
        var filter = TableClient.CreateQueryFilter($"TenantId eq {tenantId}");
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(ToKey(e));
        }

        return list.OrderBy(k => k.CreatedAt).ToArray();
    }

    public async Task<bool> RevokeKeyAsync(string tenantId, string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(KeysTable, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(keyId, KeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null || found.Value.GetString("TenantId") != tenantId)
        {
            return false;
        }

        var entity = found.Value;
        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = at;
            await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static Tenant ToTenant(TableEntity e) =>
        new(e.RowKey, e.GetString("Name") ?? e.RowKey, e.GetString("Plan") ?? "free", e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);

    private static StoredApiKey ToKey(TableEntity e) =>
        new(e.PartitionKey, e.GetString("TenantId") ?? string.Empty, e.GetString("Digest") ?? string.Empty,
            e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("RevokedAt"));
}
