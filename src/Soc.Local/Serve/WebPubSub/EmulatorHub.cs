using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Soc.Local.Serve.WebPubSub;

/// <summary>One client WebSocket connection of the emulator.</summary>
public sealed class EmulatorConnection(string id, string hub, string? userId, WebSocket socket, bool jsonProtocol, IReadOnlyList<string> roles) : IDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Id { get; } = id;

    public string Hub { get; } = hub;

    public string? UserId { get; } = userId;

    public bool JsonProtocol { get; } = jsonProtocol;

    public IReadOnlyList<string> Roles { get; } = roles;

    public ConcurrentDictionary<string, byte> Groups { get; } = new(StringComparer.Ordinal);

    public bool HasRole(string role, string group) => Roles.Contains(role) || Roles.Contains(role + "." + group);

    /// <summary>Sends one text frame; sends on one socket are serialised.</summary>
    public async Task SendAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The client went away; the receive loop removes it.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Dispose() => _sendLock.Dispose();
}

/// <summary>The emulator's connections and groups, per hub.</summary>
public sealed class EmulatorHub
{
    private readonly ConcurrentDictionary<string, EmulatorConnection> _connections = new(StringComparer.Ordinal);

    public int Count => _connections.Count;

    public void Add(EmulatorConnection connection) => _connections[connection.Id] = connection;

    public void Remove(EmulatorConnection connection) => _connections.TryRemove(connection.Id, out _);

    /// <summary>Delivers a REST send to the matching connections; <paramref name="group"/> null means all.</summary>
    public Task DeliverAsync(string hub, string? group, string? userId, string dataType, JsonNode? data, string raw, CancellationToken cancellationToken)
    {
        var targets = _connections.Values.Where(c => string.Equals(c.Hub, hub, StringComparison.OrdinalIgnoreCase)
            && (group is null || c.Groups.ContainsKey(group))
            && (userId is null || c.UserId == userId));
        return Task.WhenAll(targets.Select(c =>
        {
            if (!c.JsonProtocol)
            {
                return c.SendAsync(raw, cancellationToken);
            }

            var message = new JsonObject { ["type"] = "message", ["from"] = group is null ? "server" : "group" };
            if (group is not null)
            {
                message["group"] = group;
            }

            message["dataType"] = dataType;
            message["data"] = data?.DeepClone() ?? JsonValue.Create(raw);
            return c.SendAsync(message.ToJsonString(), cancellationToken);
        }));
    }
}
