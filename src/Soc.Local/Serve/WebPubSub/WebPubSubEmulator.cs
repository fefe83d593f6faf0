using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Infrastructure.WebPubSub;

namespace Soc.Local.Serve.WebPubSub;

/// <summary>
/// The subset of the Web PubSub data plane the app uses, served by the dev host itself so the same publisher and
/// dashboard code run locally and in Azure: REST sends (to all, a group, a user) with JWT auth, and client WebSockets
/// (<c>json.webpubsub.azure.v1</c>: connected message, group messages, joinGroup/leaveGroup/sendToGroup with acks).
/// Active only when <c>WebPubSub__ConnectionString</c> names an access key.
/// </summary>
public static partial class WebPubSubEmulator
{
    public const string JsonSubprotocol = "json.webpubsub.azure.v1";
    private const int MaxClientFrameBytes = 64 * 1024;
    private const string RestPrefix = "/api/hubs/";

    /// <summary>
    /// When the Web PubSub connection string names this dev host (its own port on loopback, or the sample's
    /// 127.0.0.1:7071 whatever port the host uses) with an access key, make it name the address the host really
    /// listens on, choosing the port now when it is 0 (tests).
    /// </summary>
    public static void PointAtDevHost(ConfigurationManager configuration, DevHostOptions options)
    {
        var connectionString = configuration["WebPubSub:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }

        var connection = WebPubSubConnection.Parse(connectionString);
        var url = new Uri(options.Url);
        var names = connection.Endpoint.IsLoopback
            && (connection.Endpoint.Port == url.Port || connection.Endpoint == new Uri(DevHostOptions.DefaultUrl));
        if (!names || connection.AccessKey is null)
        {
            // Another endpoint (a real service, or a deliberately unreachable one in outage tests).
            return;
        }

        if (url.Port == 0)
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            options.Url = new UriBuilder(url) { Port = port }.Uri.GetLeftPart(UriPartial.Authority);
            url = new Uri(options.Url);
        }

        var host = url.IsLoopback ? url.Host : "127.0.0.1";
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WebPubSub:ConnectionString"] = $"Endpoint={url.Scheme}://{host}:{url.Port};AccessKey={connection.AccessKey};Version=1.0",
        });
    }

    public static WebApplication MapWebPubSubEmulator(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<WebPubSubOptions>>().Value;
        if (string.IsNullOrWhiteSpace(options.ConnectionString) || WebPubSubConnection.Parse(options.ConnectionString).AccessKey is not { } key)
        {
            return app;
        }

        var validator = new EmulatorTokenValidator(key);
        var emulator = new EmulatorHub();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Soc.Local.WebPubSubEmulator");

        // Middleware rather than an endpoint: /api/* endpoints are the function app's and nothing else's.
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            if (HttpMethods.IsPost(context.Request.Method) && path.StartsWith(RestPrefix, StringComparison.Ordinal)
                && path[RestPrefix.Length..].Split('/', 2) is [var hub, var target] && hub.Length > 0)
            {
                await HandleSendAsync(context, emulator, validator, hub, target).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        app.Map("/client/hubs/{hub}", (HttpContext context, string hub) => HandleClientAsync(context, emulator, validator, hub, logger))
            .WithName("WebPubSubEmulatorClient");
        return app;
    }

    private static async Task HandleSendAsync(HttpContext context, EmulatorHub hub, EmulatorTokenValidator validator, string hubName, string target)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
        if (await validator.ValidateAsync(token, [context.Request.GetEncodedUrl()]).ConfigureAwait(false) is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        string? group = null;
        string? user = null;
        var parts = target.Split('/');
        switch (parts)
        {
            case [":send"]:
                break;
            case ["groups", var g, ":send"]:
                group = g;
                break;
            case ["users", var u, ":send"]:
                user = u;
                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        JsonNode? data = null;
        var dataType = "text";
        if (mediaType == "application/json")
        {
            try
            {
                data = JsonNode.Parse(raw);
                dataType = "json";
            }
            catch (JsonException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }
        else if (mediaType is not null && mediaType != "text/plain")
        {
            dataType = "binary";
            data = JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }

        await hub.DeliverAsync(hubName, group, user, dataType, data, raw, context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task HandleClientAsync(HttpContext context, EmulatorHub hub, EmulatorTokenValidator validator, string hubName, ILogger logger)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // The token's audience is the hub's client endpoint with the service's scheme (http locally, https in Azure).
        var path = context.Request.Host.Value + "/client/hubs/" + hubName;
        var claims = await validator.ValidateAsync(context.Request.Query["access_token"].ToString(), ["http://" + path, "https://" + path]).ConfigureAwait(false);
        if (claims is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var json = context.WebSockets.WebSocketRequestedProtocols.Contains(JsonSubprotocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(json ? JsonSubprotocol : null).ConfigureAwait(false);
        using var connection = new EmulatorConnection(Guid.NewGuid().ToString("n"), hubName, claims.UserId, socket, json, claims.Roles);
        foreach (var g in claims.Groups)
        {
            connection.Groups[g] = 0;
        }

        hub.Add(connection);
        LogConnected(logger, hubName, connection.Id, claims.Groups.Count);
        try
        {
            if (json)
            {
                var connected = new JsonObject { ["type"] = "system", ["event"] = "connected", ["userId"] = claims.UserId, ["connectionId"] = connection.Id };
                await connection.SendAsync(connected.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
            }

            await ReceiveLoopAsync(socket, connection, hub, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            hub.Remove(connection);
            LogDisconnected(logger, hubName, connection.Id);
        }
    }

    private static async Task ReceiveLoopAsync(WebSocket socket, EmulatorConnection connection, EmulatorHub hub, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxClientFrameBytes];
        while (socket.State == WebSocketState.Open)
        {
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (count >= buffer.Length)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message too big", cancellationToken).ConfigureAwait(false);
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
                count += result.Count;
            }
            while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (connection.JsonProtocol && result.MessageType == WebSocketMessageType.Text)
            {
                await HandleClientMessageAsync(Encoding.UTF8.GetString(buffer, 0, count), connection, hub, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>joinGroup, leaveGroup and sendToGroup of the JSON subprotocol, each checked against the token's roles.</summary>
    internal static async Task HandleClientMessageAsync(string text, EmulatorConnection connection, EmulatorHub hub, CancellationToken cancellationToken)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return;
        }

        var type = message?["type"]?.ToString();
        var group = message?["group"]?.ToString();
        var ackId = message?["ackId"] is JsonValue a && a.TryGetValue<long>(out var id) ? id : (long?)null;
        if (type is not ("joinGroup" or "leaveGroup" or "sendToGroup") || string.IsNullOrEmpty(group))
        {
            await AckAsync(connection, ackId, false, "InvalidRequest", "Unknown message type or missing group.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var role = type == "sendToGroup" ? "webpubsub.sendToGroup" : "webpubsub.joinLeaveGroup";
        if (!connection.HasRole(role, group))
        {
            await AckAsync(connection, ackId, false, "Forbidden", $"The connection has no {role} permission for group {group}.", cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (type)
        {
            case "joinGroup":
                connection.Groups[group] = 0;
                break;
            case "leaveGroup":
                connection.Groups.TryRemove(group, out _);
                break;
            default:
                var dataType = message!["dataType"]?.ToString() ?? "json";
                var data = message["data"];
                await hub.DeliverAsync(connection.Hub, group, null, dataType, data, data?.ToJsonString() ?? string.Empty, cancellationToken).ConfigureAwait(false);
                break;
        }

        await AckAsync(connection, ackId, true, null, null, cancellationToken).ConfigureAwait(false);
    }

    private static Task AckAsync(EmulatorConnection connection, long? ackId, bool success, string? errorName, string? errorMessage, CancellationToken cancellationToken)
    {
        if (ackId is null)
        {
            return Task.CompletedTask;
        }

        var ack = new JsonObject { ["type"] = "ack", ["ackId"] = ackId.Value, ["success"] = success };
        if (!success)
        {
            ack["error"] = new JsonObject { ["name"] = errorName, ["message"] = errorMessage };
        }

        return connection.SendAsync(ack.ToJsonString(), cancellationToken);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "Web PubSub emulator: connection {ConnectionId} to hub {Hub} with {GroupCount} groups")]
    private static partial void LogConnected(ILogger logger, string hub, string connectionId, int groupCount);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "Web PubSub emulator: connection {ConnectionId} to hub {Hub} closed")]
    private static partial void LogDisconnected(ILogger logger, string hub, string connectionId);
}
