using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soc.IntegrationTests.Infrastructure;

namespace Soc.IntegrationTests.Tenants;

/// <summary>
/// Three instances over one Azurite and one table prefix: two real <c>soc serve</c> processes on their own ports and
/// one in-process dev host. They must enforce one rate limit and one quota, and meter usage that adds up exactly.
/// </summary>
public sealed class SharedInstancesFixture : IAsyncLifetime
{
    public const int KeyLimit = 160;
    public const int DailyQuota = 120;

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Tenants:Plans:meter:DailyQuota"] = DailyQuota.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Tenants:KeyCacheSeconds"] = "0",
        ["RateLimit:KeyMessages"] = KeyLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimit:KeyWindowSeconds"] = "300",
        ["RateLimit:SessionMessages"] = "10",
        ["RateLimit:SessionWindowSeconds"] = "300",
    };

    public DevHostInstance A { get; private set; } = null!;

    /// <summary>A second real <c>soc serve</c> process: two processes and one in-process host share one Azurite.</summary>
    public SocServeProcess B { get; private set; } = null!;

    /// <summary>A client of <see cref="B"/> with the bootstrap test key.</summary>
    public HttpClient BClient { get; private set; } = null!;

    public SocServeProcess Process { get; private set; } = null!;

    public Uri[] Instances => [A.BaseAddress, B.BaseAddress, Process.BaseAddress];

    public async Task InitializeAsync()
    {
        var prefix = AzuriteServer.UniquePrefix();
        A = await DevHosts.StartAsync(prefix, Settings);
        B = await SocServeProcess.StartAsync(prefix, Settings);
        BClient = B.CreateClient();
        Process = await SocServeProcess.StartAsync(prefix, Settings);
    }

    public async Task DisposeAsync()
    {
        await Process.DisposeAsync();
        BClient.Dispose();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

public sealed class MultiInstanceTests(SharedInstancesFixture hosts, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SharedInstancesFixture>
{
    private const int Requests = 200;
    private const int Concurrency = 12;

    /// <summary>Sends the requests round-robin over the instances, <see cref="Concurrency"/> at a time.</summary>
    private async Task<ConcurrentBag<(int Instance, HttpStatusCode Status, string? Title, string? RetryAfter)>> LoadAsync(string apiKey, int count, Func<int, object> body)
    {
        var clients = hosts.Instances.Select(u => Admin.WithKey(u, apiKey)).ToArray();
        var results = new ConcurrentBag<(int, HttpStatusCode, string?, string?)>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
            {
                var instance = i % clients.Length;
                using var response = await clients[instance].PostAsJsonAsync("api/analyze", body(i), ct);
                string? title = null;
                if (response.StatusCode == (HttpStatusCode)429)
                {
                    title = (await response.Content.ReadFromJsonAsync<JsonObject>(ct))!["title"]!.GetValue<string>();
                }

                results.Add((instance, response.StatusCode, title, response.Headers.TryGetValues("Retry-After", out var v) ? v.Single() : null));
            });
        }
        finally
        {
            foreach (var c in clients)
            {
                c.Dispose();
            }
        }

        return results;
    }

    [Fact]
    public async Task ThreeInstances_OneKeyLimitAndOneQuota_UsageAddsUpExactly()
    {
        var (apiKey, _) = await Admin.TenantWithKeyAsync(hosts.A.Client, "shared-meter", "meter");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var results = await LoadAsync(apiKey, Requests, i => new { message = "What is the price of plan " + i + "?" });
        output.WriteLine($"{Requests} requests over 3 instances, {Concurrency} at a time: {watch.ElapsedMilliseconds} ms");

        var ok = results.Count(r => r.Status == HttpStatusCode.OK);
        var keyLimited = results.Count(r => r.Title is { } t && t.Contains("API key", StringComparison.Ordinal));
        var quotaLimited = results.Count(r => r.Title is { } t && t.Contains("quota", StringComparison.Ordinal));
        Assert.Equal(Requests, results.Count);
        Assert.Equal(SharedInstancesFixture.DailyQuota, ok);
        Assert.Equal(Requests - SharedInstancesFixture.KeyLimit, keyLimited);
        Assert.Equal(SharedInstancesFixture.KeyLimit - SharedInstancesFixture.DailyQuota, quotaLimited);
        Assert.All(results.Where(r => r.Status != HttpStatusCode.OK), r => Assert.NotNull(r.RetryAfter));
        Assert.All(Enumerable.Range(0, 3), i => Assert.Contains(results, r => r.Instance == i && r.Status == HttpStatusCode.OK));

        // Every instance reads the same exact figure, and the billing export agrees.
        foreach (var uri in hosts.Instances)
        {
            using var client = Admin.WithKey(uri, apiKey);
            var usage = await client.GetFromJsonAsync<JsonObject>("api/usage");
            Assert.Equal(ok, usage!["total"]!.GetValue<long>());
        }

        using var export = await hosts.BClient.SendAsync(Admin.Request(HttpMethod.Get, "api/usage/export?format=json"));
        var rows = (await export.Content.ReadFromJsonAsync<JsonObject>())!["rows"]!.AsArray();
        Assert.Equal(ok, rows.Where(r => r!["tenantId"]!.GetValue<string>() == "shared-meter").Sum(r => r!["calls"]!.GetValue<long>()));
    }

    [Fact]
    public async Task ThreeInstances_OneSessionLimit()
    {
        var (apiKey, _) = await Admin.TenantWithKeyAsync(hosts.BClient, "shared-session", "pro");

        var results = await LoadAsync(apiKey, 30, i => new { message = "message " + i, sessionId = "one-session" });

        Assert.Equal(10, results.Count(r => r.Status == HttpStatusCode.OK));
        Assert.Equal(20, results.Count(r => r.Title is { } t && t.Contains("session", StringComparison.Ordinal)));
        using var client = Admin.WithKey(hosts.Process.BaseAddress, apiKey);
        Assert.Equal(10, (await client.GetFromJsonAsync<JsonObject>("api/usage"))!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task KeyRevokedOnOneInstance_IsRefusedByTheOthers()
    {
        var (apiKey, keyId) = await Admin.TenantWithKeyAsync(hosts.A.Client, "shared-revoke", "pro");
        using var viaProcess = Admin.WithKey(hosts.Process.BaseAddress, apiKey);
        using (var before = await viaProcess.PostAsJsonAsync("api/analyze", new { message = "hi" }))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await hosts.A.Client.SendAsync(Admin.Request(HttpMethod.Delete, $"api/manage/tenants/shared-revoke/keys/{keyId}"));
        using var after = await viaProcess.PostAsJsonAsync("api/analyze", new { message = "hi" });

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
