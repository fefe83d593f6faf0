using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soc.Local.Serve;

namespace Soc.IntegrationTests.Infrastructure;

/// <summary>
/// A running dev host (the same <see cref="DevHost"/> as <c>soc serve</c>) on a free loopback port, over the shared
/// Azurite, with its own table prefix unless one is given (two instances with the same prefix share state).
/// </summary>
public sealed class DevHostInstance : IAsyncDisposable
{
    public const string ApiKey = "integration-test-key";

    private DevHostInstance(WebApplication app, Uri baseAddress, string tablePrefix)
    {
        App = app;
        BaseAddress = baseAddress;
        TablePrefix = tablePrefix;
        Client = CreateClient();
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string TablePrefix { get; }

    /// <summary>A client with the test API key.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<DevHostInstance> StartAsync(string? tablePrefix = null, IDictionary<string, string?>? settings = null)
    {
        tablePrefix ??= AzuriteServer.UniquePrefix();
        var options = new DevHostOptions
        {
            Url = "http://127.0.0.1:0",
            SettingsFile = Path.Combine(RepoPaths.Root, "local.settings.sample.json"),
            LogLevel = LogLevel.Warning,
        };
        options.Overrides["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        options.Overrides["Storage:ConnectionString"] = AzuriteServer.Shared.ConnectionString;
        options.Overrides["Storage:TablePrefix"] = tablePrefix;
        options.Overrides["Api:Keys"] = "tenant-it:" + ApiKey;
        options.Overrides["Patterns:RefreshSeconds"] = "0.2";
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            options.Overrides[k] = v;
        }

        var app = await StartWithRetryAsync(options).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new DevHostInstance(app, new Uri(address.TrimEnd('/') + "/"), tablePrefix);
    }

    /// <summary>
    /// Builds and starts the host, again when the in-process Durable sidecar's randomly picked port was taken by another
    /// process between its pick and its bind (other test runs share this machine).
    /// </summary>
    private static async Task<WebApplication> StartWithRetryAsync(DevHostOptions options)
    {
        for (var attempt = 1; ; attempt++)
        {
            var app = DevHost.Build(options);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
                return app;
            }
            catch (IOException ex) when (attempt < 5 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                await Task.Delay(100 * attempt).ConfigureAwait(false);
            }
        }
    }

    public HttpClient CreateClient(string? apiKey = ApiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
