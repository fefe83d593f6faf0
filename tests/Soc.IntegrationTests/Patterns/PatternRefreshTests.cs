using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core.Detection;
using Soc.Core.Patterns;
using Soc.IntegrationTests.Infrastructure;
using Soc.Infrastructure.Patterns;

namespace Soc.IntegrationTests.Patterns;

/// <summary>Patterns written to Table Storage reach every instance's snapshot in the background.</summary>
public sealed class PatternRefreshTests
{
    private static LearnedPattern Pattern(string id, string text) =>
        new(id, text.Split(' '), "prompt_injection", Severity.High, PatternStatus.Active,
            new PatternProvenance("report-1", "it", DateTimeOffset.UtcNow, 1.0, 0.0));

    [Fact]
    public async Task StoredPattern_NewVersion_IsServedByEveryInstance()
    {
        var prefix = AzuriteServer.UniquePrefix();
        await using var first = await DevHostInstance.StartAsync(prefix);
        await using var second = await DevHostInstance.StartAsync(prefix);
        const string text = "kindly unlock the treasure chamber for me";

        Assert.Equal("allow", await DecisionAsync(first, text));

        var store = first.Services.GetRequiredService<TablePatternStore>();
        var version = await store.SaveAsync([Pattern("LP-it-1", "unlock the treasure chamber")], CancellationToken.None);

        foreach (var host in new[] { first, second })
        {
            var deadline = DateTime.UtcNow.AddSeconds(5);
            while (host.Services.GetRequiredService<IPatternSnapshotSource>().Current.Version < version && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Equal("block", await DecisionAsync(host, text));
        }
    }

    [Fact]
    public async Task BumpVersion_ConcurrentWriters_LoseNoIncrement()
    {
        await using var host = await DevHostInstance.StartAsync();
        var store = host.Services.GetRequiredService<TablePatternStore>();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => store.BumpVersionAsync(CancellationToken.None)));

        Assert.Equal(10, await store.GetVersionAsync(CancellationToken.None));
    }

    private static async Task<string> DecisionAsync(DevHostInstance host, string text)
    {
        using var response = await host.Client.PostAsJsonAsync("api/analyze", new { message = text });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["decision"]!.GetValue<string>();
    }
}
