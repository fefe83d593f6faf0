using System.ComponentModel.DataAnnotations;

namespace Soc.Core.Sessions;

/// <summary>
/// What the engine remembers about one conversation between turns. Small on purpose: it is read and written once
/// per screened message.
/// </summary>
/// <param name="Risk">Accumulated danger, decayed with <see cref="SessionOptions.RiskHalfLifeSeconds"/>.</param>
/// <param name="BlockPressure">Blocked turns, decayed the same way: probing after blocks escalates with it.</param>
/// <param name="Turns">Messages screened in this session.</param>
/// <param name="Fragments">Text the user asked the bot to remember (split attacks), newest last, bounded.</param>
/// <param name="UpdatedAt">When the state was last written.</param>
public sealed record SessionState(double Risk, double BlockPressure, int Turns, IReadOnlyList<string> Fragments, DateTimeOffset UpdatedAt)
{
    public static SessionState Empty(DateTimeOffset now) => new(0, 0, 0, [], now);
}

/// <summary>App settings section <c>Sessions</c>.</summary>
public sealed class SessionOptions
{
    public const string SectionName = "Sessions";

    /// <summary>Half-life of accumulated session risk and block pressure, in seconds.</summary>
    [Range(1, 604_800)]
    public double RiskHalfLifeSeconds { get; set; } = 300;

    /// <summary>Accumulated (decayed) risk from which any further suspicious message is escalated.</summary>
    [Range(0.1, 100)]
    public double EscalationRisk { get; set; } = 0.8;

    /// <summary>Fragments remembered per session (split attacks).</summary>
    [Range(1, 64)]
    public int MaxFragments { get; set; } = 8;

    /// <summary>Longest fragment kept, in characters.</summary>
    [Range(16, 4_000)]
    public int MaxFragmentChars { get; set; } = 400;

    /// <summary>Session state older than this is treated as a new session.</summary>
    [Range(60, 2_592_000)]
    public int IdleResetSeconds { get; set; } = 86_400;
}

/// <summary>Session state in a store every instance shares; optimistic concurrency by ETag.</summary>
public interface ISessionStore
{
    Task<(SessionState? State, string? ETag)> GetAsync(string tenantId, string sessionId, CancellationToken cancellationToken);

    /// <summary>Writes the state if nobody wrote since <paramref name="etag"/> was read (null: only if absent); false on a conflict.</summary>
    Task<bool> TrySaveAsync(string tenantId, string sessionId, SessionState state, string? etag, CancellationToken cancellationToken);
}
