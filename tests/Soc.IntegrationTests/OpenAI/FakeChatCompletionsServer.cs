using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Soc.IntegrationTests.OpenAI;

/// <summary>
/// A local server speaking the Azure OpenAI chat-completions protocol
/// (<c>POST /openai/deployments/{deployment}/chat/completions?api-version=...</c>) on a free loopback port. Each test
/// sets how it answers; every request is recorded.
/// </summary>
public sealed class FakeChatCompletionsServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeChatCompletionsServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>How the next requests are answered; the argument is the request number (1, 2, ...).</summary>
    public Func<int, HttpContext, JsonObject, Task>? Respond { get; set; }

    public static async Task<FakeChatCompletionsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        FakeChatCompletionsServer? server = null;
        app.MapPost("/openai/deployments/{deployment}/chat/completions", async (HttpContext context, string deployment) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject ?? [];
            server!.Requests.Enqueue(new RecordedRequest(deployment, context.Request.Query["api-version"].ToString(),
                context.Request.Headers["api-key"].ToString(), body));
            var respond = server.Respond ?? throw new InvalidOperationException("No response configured.");
            await respond(server.Requests.Count, context, body).ConfigureAwait(false);
        });
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeChatCompletionsServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Answers like the service: a chat.completion whose first choice's content is <paramref name="content"/>.</summary>
    public static Task WriteCompletionAsync(HttpContext context, string content)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-local-1",
            ["object"] = "chat.completion",
            ["created"] = 1_700_000_000,
            ["model"] = "gpt-4o-mini",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 50, ["total_tokens"] = 150 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    public static string VariationsJson(params string[] variations) =>
        JsonSerializer.Serialize(new { variations });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    public sealed record RecordedRequest(string Deployment, string ApiVersion, string ApiKey, JsonObject Body);
}
