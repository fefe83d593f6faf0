using Microsoft.Extensions.Logging;

namespace SocFunctions.Tests.Observability;

/// <summary>One log call as a structured-log consumer (OpenTelemetry, Application Insights) sees it.</summary>
internal sealed record CapturedLog(LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Properties);

/// <summary>An ILogger that keeps every record with its structured properties.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    private readonly List<CapturedLog> _logs = [];

    public IReadOnlyList<CapturedLog> Logs => _logs;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        _logs.Add(new CapturedLog(logLevel, eventId, formatter(state, exception), properties));
    }
}
