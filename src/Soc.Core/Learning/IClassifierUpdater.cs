namespace Soc.Core.Learning;

/// <summary>
/// Moves the statistical classifier towards a reported example. <paramref name="learningRate"/> is
/// <see cref="LearningOptions.LearningRate"/>: how far one report moves the model (0 = not at all, 1 = as far as one
/// example can). The classifier work implements it; the learning loop calls every registered updater.
/// </summary>
public interface IClassifierUpdater
{
    Task UpdateAsync(string text, bool isAttack, double learningRate, CancellationToken cancellationToken);

    /// <summary>
    /// The same for a known report: an updater that stores examples keeps one per <paramref name="reportId"/>, so a
    /// retried learning step does not move the model twice.
    /// </summary>
    Task UpdateAsync(string reportId, string text, bool isAttack, double learningRate, CancellationToken cancellationToken) =>
        UpdateAsync(text, isAttack, learningRate, cancellationToken);
}
