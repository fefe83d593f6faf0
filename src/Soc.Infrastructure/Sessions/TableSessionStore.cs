using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Soc.Core.Sessions;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure.Sessions;

/// <summary>
/// Session state in table <c>{prefix}sessions</c>: partition = tenant id, row = SHA-256 of the session id (caller
/// text never becomes a key). Fragments are stored as a small JSON array.
/// </summary>
public sealed class TableSessionStore(TableStorage storage) : ISessionStore
{
    public const string TableName = "sessions";

    public async Task<(SessionState? State, string? ETag)> GetAsync(string tenantId, string sessionId, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(tenantId, RowKeyOf(sessionId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue || found.Value is null)
        {
            return (null, null);
        }

        var e = found.Value;
        var fragments = e.GetString("Fragments") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<string[]>(json) ?? []
            : [];
        var state = new SessionState(
            e.GetDouble("Risk") ?? 0,
            e.GetDouble("BlockPressure") ?? 0,
            e.GetInt32("Turns") ?? 0,
            fragments,
            e.GetDateTimeOffset("StateUpdatedAt") ?? DateTimeOffset.MinValue);
        return (state, e.ETag.ToString());
    }

    public async Task<bool> TrySaveAsync(string tenantId, string sessionId, SessionState state, string? etag, CancellationToken cancellationToken)
    {
        var table = await storage.GetTableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(tenantId, RowKeyOf(sessionId))
        {
            ["Risk"] = state.Risk,
            ["BlockPressure"] = state.BlockPressure,
            ["Turns"] = state.Turns,
            ["Fragments"] = JsonSerializer.Serialize(state.Fragments),
            ["StateUpdatedAt"] = state.UpdatedAt,
        };
        try
        {
            if (etag is null)
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public static string RowKeyOf(string sessionId) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sessionId)));
}
