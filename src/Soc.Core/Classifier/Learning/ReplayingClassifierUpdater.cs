using Soc.Core.Learning;

namespace Soc.Core.Classifier.Learning;

/// <summary>
/// Records a reported example in the shared <see cref="IClassifierExampleStore"/>; every instance's
/// <see cref="ClassifierReplayService"/> then rebuilds its model from the stored examples (no weights are shipped).
/// </summary>
public sealed class ReplayingClassifierUpdater(IClassifierExampleStore store, TimeProvider clock) : IClassifierUpdater
{
    /// <summary>Longest text kept per example (longer reports are cut; the opening carries the attack).</summary>
    public const int MaxTextLength = 4000;

    public Task UpdateAsync(string text, bool isAttack, double learningRate, CancellationToken cancellationToken) =>
        UpdateAsync(Guid.NewGuid().ToString("n"), text, isAttack, learningRate, cancellationToken);

    public Task UpdateAsync(string reportId, string text, bool isAttack, double learningRate, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(reportId);
        ArgumentNullException.ThrowIfNull(text);
        if (double.IsNaN(learningRate) || learningRate < 0 || learningRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), "learningRate must be in [0, 1].");
        }

        if (learningRate == 0 || text.Length == 0)
        {
            // Nothing to learn: a zero rate never moves the model.
            return Task.CompletedTask;
        }

        var example = new ClassifierExample(
            Guid.NewGuid().ToString("n"),
            text.Length > MaxTextLength ? text[..MaxTextLength] : text,
            isAttack,
            learningRate,
            clock.GetUtcNow(),
            reportId);
        return store.AppendAsync(example, cancellationToken);
    }
}
