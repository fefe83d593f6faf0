namespace Soc.Core.Patterns;

/// <summary>A pattern store in memory: for offline tools (<c>soc scan</c> without a URL) and unit tests.</summary>
public sealed class InMemoryPatternStore : IPatternRepository
{
    private readonly object _lock = new();
    private PatternSet _set = new(0, []);

    public Task<long> GetVersionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_set.Version);
        }
    }

    public Task<PatternSet> LoadAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_set);
        }
    }

    /// <summary>Replaces the whole set and bumps the version.</summary>
    public long Replace(IEnumerable<LearnedPattern> patterns)
    {
        lock (_lock)
        {
            _set = new PatternSet(_set.Version + 1, patterns.ToArray());
            return _set.Version;
        }
    }

    public Task<LearnedPattern?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_set.Patterns.FirstOrDefault(p => p.Id == id));
        }
    }

    public Task<long> SaveAsync(IReadOnlyCollection<LearnedPattern> patterns, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var byId = _set.Patterns.ToDictionary(p => p.Id, StringComparer.Ordinal);
            foreach (var p in patterns)
            {
                byId[p.Id] = p;
            }

            _set = new PatternSet(_set.Version + 1, byId.Values.ToArray());
            return Task.FromResult(_set.Version);
        }
    }
}
