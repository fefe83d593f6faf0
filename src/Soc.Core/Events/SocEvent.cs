using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Soc.Core.Events;

/// <summary>
/// Something the dashboard should know about: a screened message, a learning step, a pattern change.
/// <paramref name="Type"/> is dotted (<c>threat.detected</c>, <c>learning.variations</c>, ...).
/// </summary>
public sealed record SocEvent(string Id, string Type, DateTimeOffset At, JsonObject Data)
{
    public static SocEvent Create(string type, JsonObject data) =>
        new(Guid.NewGuid().ToString("n"), type, DateTimeOffset.UtcNow, data);
}

/// <summary>Stores and streams events to the dashboard.</summary>
public interface IEventPublisher
{
    ValueTask PublishAsync(SocEvent e, CancellationToken cancellationToken);
}

/// <summary>Fallback publisher: logs the event type only (event ids 4xxx).</summary>
public sealed partial class LoggingEventPublisher(ILogger<LoggingEventPublisher> logger) : IEventPublisher
{
    public ValueTask PublishAsync(SocEvent e, CancellationToken cancellationToken)
    {
        LogEvent(logger, e.Type, e.Id);
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Debug, Message = "Event {Type} {Id}")]
    private static partial void LogEvent(ILogger logger, string type, string id);
}
