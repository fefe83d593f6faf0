using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Options;

namespace Soc.Infrastructure.WebPubSub;

/// <summary>The part of the Web PubSub data plane the app uses.</summary>
public interface IWebPubSubService
{
    /// <summary>Sends a JSON message to every connection of the hub.</summary>
    Task SendToAllAsync(JsonNode message, CancellationToken cancellationToken);

    /// <summary>Sends a JSON message to every connection in a group of the hub.</summary>
    Task SendToGroupAsync(string group, JsonNode message, CancellationToken cancellationToken);

    /// <summary>A <c>wss://.../client/hubs/{hub}?access_token=...</c> URL for a client.</summary>
    Task<Uri> GetClientAccessUriAsync(string userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> groups, CancellationToken cancellationToken);
}

/// <summary>Raised when the service answers a send with something other than success.</summary>
public sealed class WebPubSubRequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>
/// Our own REST client for the Web PubSub data plane (the SDK is not available here). Authenticates with an HS256
/// token signed by the access key, or with a Microsoft Entra ID token when the connection has no key.
/// </summary>
public sealed class WebPubSubServiceClient : IWebPubSubService, IDisposable
{
    public const string ApiVersion = "2024-12-01";
    public const string EntraScope = "https://webpubsub.azure.com/.default";
    private static readonly TimeSpan RequestTokenLifetime = TimeSpan.FromMinutes(5);

    private readonly WebPubSubOptions _options;
    private readonly Lazy<WebPubSubConnection> _connection;
    private readonly HttpClient _http;
    private readonly TokenCredential? _credential;
    private readonly TimeProvider _time;

    public WebPubSubServiceClient(IOptions<WebPubSubOptions> options, TimeProvider time)
        : this(options.Value, new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(10) }, time, credential: null)
    {
    }

    public WebPubSubServiceClient(WebPubSubOptions options, HttpClient http, TimeProvider time, TokenCredential? credential)
    {
        _options = options;
        _http = http;
        _time = time;
        _connection = new Lazy<WebPubSubConnection>(() => WebPubSubConnection.FromOptions(options));
        _credential = credential ?? (string.IsNullOrWhiteSpace(options.ConnectionString) ? new DefaultAzureCredential() : null);
    }

    public WebPubSubConnection Connection => _connection.Value;

    public Task SendToAllAsync(JsonNode message, CancellationToken cancellationToken) =>
        SendAsync(BuildUri($"/api/hubs/{Uri.EscapeDataString(_options.Hub)}/:send", []), message, cancellationToken);

    public Task SendToGroupAsync(string group, JsonNode message, CancellationToken cancellationToken) =>
        SendAsync(BuildUri($"/api/hubs/{Uri.EscapeDataString(_options.Hub)}/groups/{Uri.EscapeDataString(group)}/:send", []), message, cancellationToken);

    public async Task<Uri> GetClientAccessUriAsync(string userId, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> groups, CancellationToken cancellationToken)
    {
        var connection = Connection;
        var lifetime = TimeSpan.FromMinutes(_options.ClientTokenMinutes);
        string token;
        if (connection.AccessKey is { } key)
        {
            token = WebPubSubTokens.ForClient(connection.ClientAudience(_options.Hub), key, _time.GetUtcNow(), lifetime, userId, roles, groups);
        }
        else
        {
            // Without a key the service issues the client token itself.
            var query = new List<KeyValuePair<string, string>> { new("userId", userId), new("minutesToExpire", _options.ClientTokenMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
            query.AddRange(roles.Select(r => new KeyValuePair<string, string>("role", r)));
            query.AddRange(groups.Select(g => new KeyValuePair<string, string>("group", g)));
            var uri = BuildUri($"/api/hubs/{Uri.EscapeDataString(_options.Hub)}/:generateToken", query);
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            await AuthorizeAsync(request, uri, cancellationToken).ConfigureAwait(false);
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
            token = body?["token"]?.GetValue<string>() ?? throw new WebPubSubRequestException((int)response.StatusCode, "The service answered :generateToken without a token.");
        }

        return new Uri(connection.ClientEndpoint(_options.Hub) + "?access_token=" + Uri.EscapeDataString(token));
    }

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var sb = new StringBuilder(Connection.Endpoint.GetLeftPart(UriPartial.Authority)).Append(path).Append('?');
        foreach (var (k, v) in query)
        {
            sb.Append(Uri.EscapeDataString(k)).Append('=').Append(Uri.EscapeDataString(v)).Append('&');
        }

        sb.Append("api-version=").Append(ApiVersion);
        return new Uri(sb.ToString());
    }

    private async Task SendAsync(Uri uri, JsonNode message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = new StringContent(message.ToJsonString(JsonOptions), Encoding.UTF8, "application/json"),
        };
        await AuthorizeAsync(request, uri, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, Uri uri, CancellationToken cancellationToken)
    {
        string bearer;
        if (Connection.AccessKey is { } key)
        {
            bearer = WebPubSubTokens.ForRequest(uri, key, _time.GetUtcNow(), RequestTokenLifetime);
        }
        else
        {
            var token = await _credential!.GetTokenAsync(new TokenRequestContext([EntraScope]), cancellationToken).ConfigureAwait(false);
            bearer = token.Token;
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        throw new WebPubSubRequestException((int)response.StatusCode, $"Web PubSub answered {(int)response.StatusCode}: {(text.Length > 200 ? text[..200] : text)}");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public void Dispose() => _http.Dispose();
}
