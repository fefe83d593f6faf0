namespace Soc.Infrastructure.WebPubSub;

/// <summary>The parts of a Web PubSub connection string the app uses.</summary>
public sealed record WebPubSubConnection(Uri Endpoint, string? AccessKey)
{
    /// <summary>Parses <c>Endpoint=https://x.webpubsub.azure.com;AccessKey=...;Version=1.0[;Port=...]</c>.</summary>
    public static WebPubSubConnection Parse(string connectionString)
    {
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => kv[0].Trim(), kv => kv[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException("The Web PubSub connection string needs Endpoint=http(s)://host.");
        }

        if (parts.TryGetValue("Port", out var port) && int.TryParse(port, System.Globalization.CultureInfo.InvariantCulture, out var p))
        {
            uri = new UriBuilder(uri) { Port = p }.Uri;
        }

        parts.TryGetValue("AccessKey", out var key);
        return new WebPubSubConnection(new Uri(uri.GetLeftPart(UriPartial.Authority)), string.IsNullOrEmpty(key) ? null : key);
    }

    /// <summary>The connection from the options: the connection string, else the endpoint (Entra ID).</summary>
    public static WebPubSubConnection FromOptions(WebPubSubOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return Parse(options.ConnectionString);
        }

        if (!string.IsNullOrWhiteSpace(options.Endpoint) && Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var uri))
        {
            return new WebPubSubConnection(new Uri(uri.GetLeftPart(UriPartial.Authority)), null);
        }

        throw new InvalidOperationException("Web PubSub is not configured: set WebPubSub__ConnectionString or WebPubSub__Endpoint.");
    }

    /// <summary>The client WebSocket endpoint of a hub (<c>wss://host/client/hubs/{hub}</c>).</summary>
    public Uri ClientEndpoint(string hub)
    {
        var builder = new UriBuilder(Endpoint)
        {
            Scheme = Endpoint.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/client/hubs/" + hub,
        };
        if (Endpoint.IsDefaultPort)
        {
            builder.Port = -1;
        }

        return builder.Uri;
    }

    /// <summary>The audience of a client token: the hub's client endpoint with the service's http(s) scheme.</summary>
    public string ClientAudience(string hub) => Endpoint.GetLeftPart(UriPartial.Authority) + "/client/hubs/" + hub;
}
