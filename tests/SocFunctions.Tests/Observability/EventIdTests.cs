using System.Reflection;
using Microsoft.Extensions.Logging;
using SocFunctions.Tests.Infra;

namespace SocFunctions.Tests.Observability;

/// <summary>
/// Log queries (and Sentinel rules) select records by event id, so an id must mean one thing: every [LoggerMessage] of
/// the deployed assemblies has its own id, inside its area's range (1xxx detection, 2xxx learning, 3xxx storage,
/// 4xxx events, 5xxx tenants/usage/sessions, 6xxx chat).
/// </summary>
public sealed class EventIdTests
{
    private static readonly (int EventId, string Method)[] LogMethods = AppSettingsCatalog.AppAssemblies
        .SelectMany(a => a.GetTypes())
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
        .Where(x => x.Attribute is not null)
        .Select(x => (x.Attribute!.EventId, x.Method.DeclaringType!.FullName + "." + x.Method.Name))
        .ToArray();

    [Fact]
    public void LogMessages_IncludeTheDecisionRecord()
    {
        Assert.Contains(LogMethods, m => m.EventId == SocFunctions.Observability.DecisionRecordLog.EventId);
    }

    [Fact]
    public void EveryEventId_IsUsedByOneLogMessageOnly()
    {
        var shared = LogMethods.GroupBy(m => m.EventId).Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(m => m.Method)))
            .ToArray();

        Assert.True(shared.Length == 0, "Event ids used by more than one log message: " + string.Join("; ", shared));
    }

    [Fact]
    public void EveryEventId_IsInAnAreaRange()
    {
        var outside = LogMethods.Where(m => m.EventId is < 1000 or > 6999).Select(m => m.EventId + " " + m.Method).ToArray();

        Assert.True(outside.Length == 0, "Event ids outside 1000..6999: " + string.Join(", ", outside));
    }
}
