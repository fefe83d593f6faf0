using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Events;
using Soc.Infrastructure.WebPubSub;

namespace Soc.Infrastructure.Events;

/// <summary>
/// The app's event publisher: stores every event in Table Storage first (awaited, so a stored event is never lost),
/// then hands it to <see cref="EventDispatcher"/> which streams it to the dashboard group in the background.
/// </summary>
public sealed partial class StoringEventPublisher(
    IEventStore store,
    EventDispatchQueue queue,
    IOptions<WebPubSubOptions> options,
    ILogger<StoringEventPublisher> logger) : IEventPublisher
{
    public async ValueTask PublishAsync(SocEvent e, CancellationToken cancellationToken)
    {
        await store.AppendAsync(e, cancellationToken).ConfigureAwait(false);
        if (!queue.Enabled || !ShouldStream(e))
        {
            return;
        }

        if (!queue.TryEnqueue(StoredEvent.From(e)))
        {
            // Stored anyway: a dashboard that missed it backfills from GET /api/events.
            LogQueueFull(logger, e.Type, e.Id);
        }
    }

    private bool ShouldStream(SocEvent e)
    {
        var rate = options.Value.AllowedSampleRate;
        return e.Type != "message.allowed" || rate >= 1.0 || (rate > 0.0 && Random.Shared.NextDouble() < rate);
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Live event queue is full; event {Type} {Id} is stored but not streamed")]
    private static partial void LogQueueFull(ILogger logger, string type, string id);
}

/// <summary>The bounded queue between the publisher and the background dispatcher.</summary>
public sealed class EventDispatchQueue
{
    public const int Capacity = 10_000;
    private readonly Channel<StoredEvent> _channel = Channel.CreateBounded<StoredEvent>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public EventDispatchQueue(IOptions<WebPubSubOptions> options) => Enabled = options.Value.IsConfigured;

    /// <summary>False when Web PubSub is not configured: events are only stored.</summary>
    public bool Enabled { get; }

    public ChannelReader<StoredEvent> Reader => _channel.Reader;

    public bool TryEnqueue(StoredEvent e) => _channel.Writer.TryWrite(e);
}

/// <summary>
/// Streams queued events in order to the dashboard group (service-wide events) or the tenant's dashboard subgroup. A send that fails is retried with exponential backoff
/// (0.25 s doubling to 30 s) until it succeeds or the app stops; nothing is dropped in between, and everything is in
/// the table for backfill anyway.
/// </summary>
public sealed partial class EventDispatcher(
    EventDispatchQueue queue,
    IWebPubSubService service,
    IOptions<WebPubSubOptions> options,
    TimeProvider time,
    ILogger<EventDispatcher> logger) : Microsoft.Extensions.Hosting.BackgroundService
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before an event the service refuses with a non-transient 4xx is left to backfill.</summary>
    public const int MaxPermanentAttempts = 5;

    private static bool IsPermanent(int status) => status is >= 400 and < 500 and not (408 or 429);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!queue.Enabled)
        {
            return;
        }

        var o = options.Value;
        await foreach (var e in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            var delay = FirstDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await service.SendToGroupAsync(o.GroupFor(e.TenantId), e.ToMessage(), stoppingToken).ConfigureAwait(false);
                    if (attempt > 1)
                    {
                        LogRecovered(logger, e.Type, e.Id, attempt);
                    }

                    break;
                }
                catch (WebPubSubRequestException ex) when (IsPermanent(ex.Status) && attempt >= MaxPermanentAttempts)
                {
                    // A request the service keeps refusing (bad credentials, forbidden, malformed) must not hold the
                    // queue forever; the event stays in the table for backfill.
                    LogGaveUp(logger, e.Type, e.Id, attempt, ex.Status);
                    break;
                }
                catch (Exception ex) when (ex is HttpRequestException or WebPubSubRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    LogSendFailed(logger, e.Type, e.Id, attempt, delay.TotalSeconds, ex.Message);
                    await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
                }
            }
        }
    }

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Streaming event {Type} {Id} failed (attempt {Attempt}); retrying in {DelaySeconds} s: {Reason}")]
    private static partial void LogSendFailed(ILogger logger, string type, string id, int attempt, double delaySeconds, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Error, Message = "Gave up streaming event {Type} {Id} after {Attempt} attempts: Web PubSub answered {Status}; it stays stored for backfill")]
    private static partial void LogGaveUp(ILogger logger, string type, string id, int attempt, int status);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Streamed event {Type} {Id} after {Attempt} attempts")]
    private static partial void LogRecovered(ILogger logger, string type, string id, int attempt);
}
