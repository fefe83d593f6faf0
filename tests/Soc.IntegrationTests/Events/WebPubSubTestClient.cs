using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Soc.IntegrationTests.Events;

/// <summary>A WebSocket client speaking json.webpubsub.azure.v1 that queues what it receives.</summary>
public sealed class WebPubSubTestClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly Channel<JsonObject> _received = Channel.CreateUnbounded<JsonObject>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public static async Task<WebPubSubTestClient> ConnectAsync(Uri url)
    {
        var client = new WebPubSubTestClient();
        client._socket.Options.AddSubProtocol("json.webpubsub.azure.v1");
        await client._socket.ConnectAsync(url, CancellationToken.None);
        client._loop = client.ReceiveLoopAsync();
        return client;
    }

    public string? SubProtocol => _socket.SubProtocol;

    public Task SendAsync(JsonObject message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next received message matching <paramref name="match"/>, skipping others; fails after 10 s.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await _received.Reader.ReadAsync(timeout.Token);
            if (match(message))
            {
                return message;
            }
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token);
                    count += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, count)) is JsonObject o)
                {
                    await _received.Writer.WriteAsync(o);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // Closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception ex) when (ex is WebSocketException or TimeoutException)
            {
                // The server went first.
            }
        }

        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _socket.Dispose();
        _stop.Dispose();
    }
}
