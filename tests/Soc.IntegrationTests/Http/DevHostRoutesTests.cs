using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Soc.IntegrationTests.Infrastructure;
using Soc.Local.Serve;

namespace Soc.IntegrationTests.Http;

/// <summary>The dev host serves exactly the functions the Functions SDK built into functions.metadata.</summary>
public sealed class DevHostRoutesTests
{
    private static IReadOnlyList<JsonElement> Metadata()
    {
        var path = Path.Combine(RepoPaths.Root, "src", "SocFunctions", "bin",
#if DEBUG
            "Debug",
#else
            "Release",
#endif
            "net10.0", "functions.metadata");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    [Fact]
    public async Task DevHost_ServesExactlyTheHttpFunctionsOfTheMetadata()
    {
        var expected = Metadata()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray()
                .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
                .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /api/{b.GetProperty("route").GetString()}")))
            .Order(StringComparer.Ordinal)
            .ToArray();

        await using var host = await DevHostInstance.StartAsync();
        var served = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, served);
    }

    [Fact]
    public void DevHost_RegistersEveryDurableTriggerOfTheMetadata()
    {
        var expected = Metadata()
            .Where(f => f.GetProperty("bindings").EnumerateArray().Any(b => b.GetProperty("type").GetString() is "orchestrationTrigger" or "activityTrigger"))
            .Select(f => f.GetProperty("name").GetString()!)
            .Order(StringComparer.Ordinal);
        var registered = DevHost.DurableTaskTypes(FunctionCatalog.FunctionAssembly).Select(t => t.Name).Order(StringComparer.Ordinal);

        Assert.Equal(expected, registered);
    }
}
