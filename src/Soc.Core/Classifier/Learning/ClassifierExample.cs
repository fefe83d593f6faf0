namespace Soc.Core.Classifier.Learning;

/// <summary>
/// One reported example the classifier learned from: replayed in (<see cref="At"/>, <see cref="Id"/>) order on top
/// of the base model, each with the learning rate it was reported with.
/// </summary>
public sealed record ClassifierExample(string Id, string Text, bool IsAttack, double LearningRate, DateTimeOffset At, string ReportId);

/// <summary>Where reported classifier examples are kept (shared by every instance in production).</summary>
public interface IClassifierExampleStore
{
    /// <summary>Stores the example; a second example with the same <see cref="ClassifierExample.ReportId"/> is ignored (retried activities).</summary>
    Task AppendAsync(ClassifierExample example, CancellationToken cancellationToken);

    /// <summary>The newest <see cref="ClassifierReplay.MaxExamples"/> examples, oldest first in (At, Id) order.</summary>
    Task<IReadOnlyList<ClassifierExample>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>Process-local store for offline runs and tests.</summary>
public sealed class InMemoryClassifierExampleStore : IClassifierExampleStore
{
    private readonly Lock _gate = new();
    private readonly List<ClassifierExample> _examples = [];

    public Task AppendAsync(ClassifierExample example, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(example);
        lock (_gate)
        {
            if (!_examples.Exists(e => e.ReportId == example.ReportId))
            {
                _examples.Add(example);
                if (_examples.Count > ClassifierReplay.MaxExamples)
                {
                    var oldest = _examples.MinBy(e => (e.At, e.Id), ExampleOrder.Comparer)!;
                    _examples.Remove(oldest);
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClassifierExample>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ClassifierExample>>(ExampleOrder.Sort(_examples));
        }
    }
}

/// <summary>The one replay order: time, then id (ordinal), so every instance applies the same sequence.</summary>
public static class ExampleOrder
{
    public static IComparer<(DateTimeOffset At, string Id)> Comparer { get; } = Comparer<(DateTimeOffset At, string Id)>.Create(
        (a, b) =>
        {
            var byTime = a.At.UtcTicks.CompareTo(b.At.UtcTicks);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Id, b.Id);
        });

    public static ClassifierExample[] Sort(IEnumerable<ClassifierExample> examples) =>
        [.. examples.OrderBy(e => (e.At, e.Id), Comparer)];
}
