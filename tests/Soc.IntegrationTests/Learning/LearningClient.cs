using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Soc.IntegrationTests.Infrastructure;
using Soc.Local.Commands;

namespace Soc.IntegrationTests.Learning;

/// <summary>Sends signed reports to a dev host and follows them, as a reporter (and <c>soc report-miss</c>) does.</summary>
internal static class LearningClient
{
    public const string Reporter = "local";

    public static Task<HttpResponseMessage> ReportAsync(
        DevHostInstance host, string message, string? delivery = null, bool falsePositive = false, string? tenant = null,
        string secret = ReportMissCommand.DefaultLocalSecret, DateTimeOffset? at = null)
    {
        var body = new JsonObject
        {
            ["message"] = message,
            ["reported_by"] = Reporter,
            ["actual_threat_type"] = "prompt_injection",
            ["severity"] = "high",
        };
        if (tenant is not null)
        {
            body["tenant_id"] = tenant;
        }

        var route = falsePositive ? "api/learning/report-false-positive" : "api/learning/report-missed-attack";
        return ReportMissCommand.SendSignedAsync(host.Client, new Uri(host.BaseAddress, route).ToString(), body.ToJsonString(), secret,
            delivery ?? Guid.NewGuid().ToString("n"), CancellationToken.None, at);
    }

    /// <summary>Reports a text and waits until its orchestration completed; returns the report status.</summary>
    public static async Task<JsonObject> ReportAndWaitAsync(DevHostInstance host, string message, bool falsePositive = false, string? tenant = null)
    {
        using var response = await ReportAsync(host, message, falsePositive: falsePositive, tenant: tenant);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await WaitAsync(host, response.Headers.Location!);
    }

    public static async Task<JsonObject> WaitAsync(DevHostInstance host, Uri statusUrl)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await host.Client.GetFromJsonAsync<JsonObject>(statusUrl))!;
            var runtime = status["runtimeStatus"]!.GetValue<string>();
            if (runtime is "Completed" or "Failed" or "Terminated" || DateTime.UtcNow > deadline)
            {
                Assert.True(runtime == "Completed", "orchestration ended as " + status.ToJsonString());
                return status;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<string> DecisionAsync(DevHostInstance host, string text)
    {
        using var response = await host.Client.PostAsJsonAsync("api/analyze", new { message = text });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["decision"]!.GetValue<string>();
    }

    /// <summary>Waits (at most <paramref name="seconds"/>) until the host blocks the text; returns its last decision.</summary>
    public static async Task<string> DecisionWhenBlockedAsync(DevHostInstance host, string text, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string decision;
        while ((decision = await DecisionAsync(host, text)) != "block" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return decision;
    }

    public static async Task<JsonArray> PatternsAsync(DevHostInstance host, string? status = null)
    {
        var body = (await host.Client.GetFromJsonAsync<JsonObject>("api/learning/patterns" + (status is null ? string.Empty : "?status=" + status)))!;
        return body["patterns"]!.AsArray();
    }

    public static string Id(JsonObject status) => status["id"]!.GetValue<string>();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
