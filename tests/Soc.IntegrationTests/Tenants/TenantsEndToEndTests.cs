using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Soc.IntegrationTests.Infrastructure;

namespace Soc.IntegrationTests.Tenants;

/// <summary>Tenants, keys, quotas, usage and export over real HTTP against the dev host with Azurite.</summary>
public sealed class TenantsEndToEndTests : IAsyncLifetime
{
    private DevHostInstance _host = null!;

    public async Task InitializeAsync() => _host = await DevHosts.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Tenants:Plans:tiny:DailyQuota"] = "3",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static Task<HttpResponseMessage> AnalyzeAsync(HttpClient client, string message = "What are your opening hours?") =>
        client.PostAsJsonAsync("api/analyze", new { message });

    [Fact]
    public async Task IssuedKey_Works_AndIsMeteredForItsTenant()
    {
        var (apiKey, _) = await Admin.TenantWithKeyAsync(_host.Client, "acme", "pro");
        using var client = Admin.WithKey(_host.BaseAddress, apiKey);

        using (var a = await AnalyzeAsync(client))
        using (var b = await AnalyzeAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, a.StatusCode);
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        }

        var usage = await client.GetFromJsonAsync<JsonObject>("api/usage");
        Assert.Equal("acme", usage!["tenantId"]!.GetValue<string>());
        Assert.Equal("pro", usage["plan"]!.GetValue<string>());
        Assert.Equal(100_000, usage["dailyQuota"]!.GetValue<long>());
        Assert.Equal(2, usage["total"]!.GetValue<long>());
        Assert.Equal(2, Assert.Single(usage["days"]!.AsArray())!["calls"]!.GetValue<long>());
    }

    [Fact]
    public async Task RevokedKey_IsRefusedAtOnce()
    {
        var (apiKey, keyId) = await Admin.TenantWithKeyAsync(_host.Client, "revoke-me", "free");
        using var client = Admin.WithKey(_host.BaseAddress, apiKey);
        using (var before = await AnalyzeAsync(client))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var revoke = await _host.Client.SendAsync(Admin.Request(HttpMethod.Delete, $"api/manage/tenants/revoke-me/keys/{keyId}"));
        using var after = await AnalyzeAsync(client);
        var keys = await (await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, "api/manage/tenants/revoke-me/keys"))).Content.ReadFromJsonAsync<JsonArray>();

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType!.MediaType);
        Assert.True(Assert.Single(keys!)!["revoked"]!.GetValue<bool>());
        Assert.DoesNotContain(apiKey, keys!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quota_UsedUp_Returns429ProblemWithRetryAfterUntilMidnight()
    {
        var (apiKey, _) = await Admin.TenantWithKeyAsync(_host.Client, "small", "tiny");
        using var client = Admin.WithKey(_host.BaseAddress, apiKey);
        for (var i = 0; i < 3; i++)
        {
            using var ok = await AnalyzeAsync(client);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await AnalyzeAsync(client);
        var usage = await client.GetFromJsonAsync<JsonObject>("api/usage");

        Assert.Equal((HttpStatusCode)429, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var untilMidnight = (DateTime.UtcNow.Date.AddDays(1) - DateTime.UtcNow).TotalSeconds;
        Assert.InRange(retryAfter, 1, (int)untilMidnight + 2);
        Assert.Equal(3, usage!["total"]!.GetValue<long>());
    }

    [Fact]
    public async Task ManagementApi_WithoutAdminKey_Returns401_WrongKey403()
    {
        using var missing = await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, "api/manage/tenants", key: null));
        using var wrong = await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, "api/manage/tenants", key: "guess"));
        using var export = await _host.Client.GetAsync("api/usage/export");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
    }

    [Theory]
    [InlineData("{\"tenantId\":\"Bad Id!\",\"plan\":\"free\"}", "tenantId")]
    [InlineData("{\"tenantId\":\"good-id\",\"plan\":\"platinum\"}", "plan")]
    public async Task CreateTenant_InvalidFields_Returns400WithFieldErrors(string json, string field)
    {
        using var request = Admin.Request(HttpMethod.Post, "api/manage/tenants");
        request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _host.Client.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task CreateTenant_Twice_Returns409_AndKeysForUnknownTenant404()
    {
        await Admin.TenantWithKeyAsync(_host.Client, "twice", "free");
        using var again = await _host.Client.SendAsync(Admin.Request(HttpMethod.Post, "api/manage/tenants", new { tenantId = "twice", plan = "free" }));
        using var unknown = await _host.Client.SendAsync(Admin.Request(HttpMethod.Post, "api/manage/tenants/nobody/keys"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("from=2026-13-01")]
    [InlineData("from=2026-05-02&to=2026-05-01")]
    [InlineData("from=2020-01-01&to=2026-01-01")]
    public async Task Usage_BadRange_Returns400(string query)
    {
        using var response = await _host.Client.GetAsync("api/usage?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_CsvAndJson_ListEveryTenantsCalls()
    {
        var (keyA, _) = await Admin.TenantWithKeyAsync(_host.Client, "bill-a", "pro");
        var (keyB, _) = await Admin.TenantWithKeyAsync(_host.Client, "bill-b", "free");
        using var a = Admin.WithKey(_host.BaseAddress, keyA);
        using var b = Admin.WithKey(_host.BaseAddress, keyB);
        (await AnalyzeAsync(a)).Dispose();
        (await AnalyzeAsync(a)).Dispose();
        (await AnalyzeAsync(b)).Dispose();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var csv = await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, $"api/usage/export?from={today}&to={today}&format=csv"));
        var csvText = await csv.Content.ReadAsStringAsync();
        var json = await (await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, $"api/usage/export?from={today}&to={today}&format=json"))).Content.ReadFromJsonAsync<JsonObject>();
        using var badFormat = await _host.Client.SendAsync(Admin.Request(HttpMethod.Get, "api/usage/export?format=xml"));

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("tenantId,date,calls\n", csvText, StringComparison.Ordinal);
        Assert.Contains($"\"bill-a\",{today},2\n", csvText, StringComparison.Ordinal);
        Assert.Contains($"\"bill-b\",{today},1\n", csvText, StringComparison.Ordinal);
        Assert.Contains(json!["rows"]!.AsArray(), r => r!["tenantId"]!.GetValue<string>() == "bill-a" && r["calls"]!.GetValue<long>() == 2);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Cors_DashboardOrigin_IsAllowedWithoutCredentials_OtherOriginsAreNot()
    {
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "api/analyze");
        allowed.Headers.Add("Origin", "http://127.0.0.1:7071");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "x-api-key,content-type");
        using var other = new HttpRequestMessage(HttpMethod.Options, "api/analyze");
        other.Headers.Add("Origin", "https://evil.example");
        other.Headers.Add("Access-Control-Request-Method", "POST");

        using var ok = await _host.Client.SendAsync(allowed);
        using var denied = await _host.Client.SendAsync(other);

        Assert.Equal("http://127.0.0.1:7071", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(ok.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(denied.Headers.Contains("Access-Control-Allow-Origin"));
    }
}
