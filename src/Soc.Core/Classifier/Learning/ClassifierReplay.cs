using Microsoft.Extensions.Logging;
using Soc.Core.Normalization;

namespace Soc.Core.Classifier.Learning;

/// <summary>
/// Rebuilds the live classifier from the base model (the holder's model when this service was created, normally
/// <see cref="ClassifierModel.Embedded"/>) plus every stored example in (At, Id) order, each with its own learning
/// rate. Deterministic: instances that see the same examples end with the same weights.
/// </summary>
public sealed partial class ClassifierReplay
{
    /// <summary>Most examples replayed (the newest); older ones no longer count.</summary>
    public const int MaxExamples = 5000;

    private readonly ClassifierModelHolder _holder;
    private readonly IClassifierExampleStore _store;
    private readonly ITextNormalizer _normalizer;
    private readonly ILogger<ClassifierReplay> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _applied;

    public ClassifierReplay(ClassifierModelHolder holder, IClassifierExampleStore store, ITextNormalizer normalizer, ILogger<ClassifierReplay> logger)
    {
        _holder = holder;
        _store = store;
        _normalizer = normalizer;
        _logger = logger;
        BaseModel = holder.Current;
    }

    /// <summary>The model the examples are replayed on.</summary>
    public ClassifierModel BaseModel { get; }

    /// <summary>Base model plus <paramref name="examples"/> (sorted here, so insertion order does not matter).</summary>
    public static ClassifierModel Build(ClassifierModel baseModel, IEnumerable<ClassifierExample> examples, ITextNormalizer normalizer)
    {
        ArgumentNullException.ThrowIfNull(baseModel);
        ArgumentNullException.ThrowIfNull(normalizer);
        var sorted = ExampleOrder.Sort(examples);
        var model = baseModel;
        foreach (var e in sorted.Skip(Math.Max(0, sorted.Length - MaxExamples)))
        {
            if (e.LearningRate > 0 && !double.IsNaN(e.LearningRate))
            {
                model = model.Update(normalizer.Normalize(e.Text), e.IsAttack, Math.Min(e.LearningRate, 1.0));
            }
        }

        return model;
    }

    /// <summary>Rebuilds and installs the model when the stored examples changed since the last rebuild; true when it did.</summary>
    public async Task<bool> RebuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var examples = await _store.ListAsync(cancellationToken).ConfigureAwait(false);
            var fingerprint = examples.Count == 0 ? "0" : $"{examples.Count}:{examples[^1].Id}:{examples[0].Id}";
            if (fingerprint == (_applied ?? "0"))
            {
                return false;
            }

            _holder.Replace(Build(BaseModel, examples, _normalizer));
            _applied = fingerprint;
            LogRebuilt(_logger, examples.Count);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    [LoggerMessage(EventId = 2070, Level = LogLevel.Information, Message = "Classifier rebuilt from {Count} reported examples")]
    private static partial void LogRebuilt(ILogger logger, int count);
}
