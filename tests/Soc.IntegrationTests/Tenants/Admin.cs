using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Soc.IntegrationTests.Tenants;

/// <summary>The management API as the tests use it (admin key of local.settings.sample.json).</summary>
internal static class Admin
{
    public const string Key = "soc-local-admin-key-not-for-production";

    public static HttpRequestMessage Request(HttpMethod method, string path, object? body = null, string? key = Key)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null)
        {
            request.Headers.Add("X-Admin-Key", key);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>Creates a tenant on a plan and issues it a key; returns the key.</summary>
    public static async Task<(string ApiKey, string KeyId)> TenantWithKeyAsync(HttpClient client, string tenantId, string plan)
    {
        using var create = await client.SendAsync(Request(HttpMethod.Post, "api/manage/tenants", new { tenantId, name = "Tenant " + tenantId, plan }));
        create.EnsureSuccessStatusCode();
        using var issue = await client.SendAsync(Request(HttpMethod.Post, $"api/manage/tenants/{tenantId}/keys"));
        issue.EnsureSuccessStatusCode();
        var body = await issue.Content.ReadFromJsonAsync<JsonObject>();
        return (body!["apiKey"]!.GetValue<string>(), body["keyId"]!.GetValue<string>());
    }

    public static HttpClient WithKey(Uri baseAddress, string apiKey)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }
}
