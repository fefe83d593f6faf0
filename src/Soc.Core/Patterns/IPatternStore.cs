namespace Soc.Core.Patterns;

/// <summary>A stored pattern set: its version and every pattern in it.</summary>
public sealed record PatternSet(long Version, IReadOnlyList<LearnedPattern> Patterns);

/// <summary>Where learned patterns live (Table Storage in the app; memory in unit tests and offline tools).</summary>
public interface IPatternStore
{
    /// <summary>The current pattern-set version: a cheap read, polled in the background.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>Every stored pattern with the version it belongs to.</summary>
    Task<PatternSet> LoadAsync(CancellationToken cancellationToken);
}

/// <summary>Gives the current snapshot to the hot path.</summary>
public interface IPatternSnapshotSource
{
    PatternSnapshot Current { get; }
}

/// <summary>The writing side of the pattern store, used by learning and review.</summary>
public interface IPatternRepository : IPatternStore
{
    Task<LearnedPattern?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Upserts the patterns and bumps the pattern-set version (optimistic concurrency); returns the new version.</summary>
    Task<long> SaveAsync(IReadOnlyCollection<LearnedPattern> patterns, CancellationToken cancellationToken);
}
