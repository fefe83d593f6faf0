using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Soc.Core.Events;
using Soc.Infrastructure.Events;
using Soc.Infrastructure.WebPubSub;

namespace SocFunctions.Tests.Events;

/// <summary>The publisher stores before it streams; the dispatcher retries a failing send and keeps order.</summary>
public sealed class EventDispatcherTests
{
    private static readonly IOptions<WebPubSubOptions> Configured = Options.Create(new WebPubSubOptions { ConnectionString = "Endpoint=http://127.0.0.1:1;AccessKey=k;Version=1.0" });

    [Fact]
    public async Task Publish_StoreFails_NothingIsStreamed()
    {
        var store = new Mock<IEventStore>();
        store.Setup(s => s.AppendAsync(It.IsAny<SocEvent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("storage down"));
        var queue = new EventDispatchQueue(Configured);
        var publisher = new StoringEventPublisher(store.Object, queue, Configured, NullLogger<StoringEventPublisher>.Instance);

        await Assert.ThrowsAsync<InvalidOperationException>(() => publisher.PublishAsync(SocEvent.Create("threat.blocked", []), CancellationToken.None).AsTask());

        Assert.False(queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Publish_AllowedWithZeroSampleRate_IsStoredButNotStreamed()
    {
        var store = new Mock<IEventStore>();
        var options = Options.Create(new WebPubSubOptions { ConnectionString = Configured.Value.ConnectionString, AllowedSampleRate = 0 });
        var queue = new EventDispatchQueue(options);
        var publisher = new StoringEventPublisher(store.Object, queue, options, NullLogger<StoringEventPublisher>.Instance);

        await publisher.PublishAsync(SocEvent.Create("message.allowed", []), CancellationToken.None);
        await publisher.PublishAsync(SocEvent.Create("threat.blocked", []), CancellationToken.None);

        store.Verify(s => s.AppendAsync(It.IsAny<SocEvent>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.True(queue.Reader.TryRead(out var streamed));
        Assert.Equal("threat.blocked", streamed.Type);
        Assert.False(queue.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Dispatcher_SendFailsTwice_RetriesAndDeliversInOrder()
    {
        var delivered = new List<string>();
        var failures = 2;
        var service = new Mock<IWebPubSubService>();
        service.Setup(s => s.SendToGroupAsync("dashboard", It.IsAny<JsonNode>(), It.IsAny<CancellationToken>()))
            .Returns((string _, JsonNode message, CancellationToken _) =>
            {
                if (failures-- > 0)
                {
                    throw new HttpRequestException("connection refused");
                }

                delivered.Add(message["id"]!.GetValue<string>());
                return Task.CompletedTask;
            });
        var queue = new EventDispatchQueue(Configured);
        using var dispatcher = new EventDispatcher(queue, service.Object, Configured, TimeProvider.System, NullLogger<EventDispatcher>.Instance);
        queue.TryEnqueue(new StoredEvent("e1", "threat.blocked", DateTimeOffset.UtcNow, []));
        queue.TryEnqueue(new StoredEvent("e2", "threat.blocked", DateTimeOffset.UtcNow, []));

        await dispatcher.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (delivered.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(["e1", "e2"], delivered);
        service.Verify(s => s.SendToGroupAsync("dashboard", It.IsAny<JsonNode>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
    }
}

public sealed class EventDispatcherPermanentFailureTests
{
    [Fact]
    public async Task Dispatcher_ServiceKeepsRefusing_GivesUpAfterFiveAttemptsAndMovesOn()
    {
        var options = Options.Create(new WebPubSubOptions { ConnectionString = "Endpoint=http://127.0.0.1:1;AccessKey=k;Version=1.0" });
        var delivered = new List<string>();
        var service = new Mock<IWebPubSubService>();
        service.Setup(s => s.SendToGroupAsync(It.IsAny<string>(), It.IsAny<JsonNode>(), It.IsAny<CancellationToken>()))
            .Returns((string _, JsonNode message, CancellationToken _) =>
            {
                var id = message["id"]!.GetValue<string>();
                if (id == "bad")
                {
                    throw new WebPubSubRequestException(403, "Forbidden");
                }

                delivered.Add(id);
                return Task.CompletedTask;
            });
        var queue = new EventDispatchQueue(options);
        using var dispatcher = new EventDispatcher(queue, service.Object, options, new FastTime(), NullLogger<EventDispatcher>.Instance);
        queue.TryEnqueue(new StoredEvent("bad", "threat.blocked", DateTimeOffset.UtcNow, []));
        queue.TryEnqueue(new StoredEvent("good", "threat.blocked", DateTimeOffset.UtcNow, []));

        await dispatcher.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (delivered.Count < 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(["good"], delivered);
        service.Verify(s => s.SendToGroupAsync(It.IsAny<string>(), It.Is<JsonNode>(n => n["id"]!.GetValue<string>() == "bad"), It.IsAny<CancellationToken>()), Times.Exactly(EventDispatcher.MaxPermanentAttempts));
    }

    /// <summary>A clock whose timers fire at once, so backoff does not slow the test.</summary>
    private sealed class FastTime : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            base.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.FromMilliseconds(1), period);
    }
}
