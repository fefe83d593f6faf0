namespace Soc.Core.Classifier;

/// <summary>Where detectors read the current classifier model from.</summary>
public interface IClassifierModelSource
{
    ClassifierModel Current { get; }
}

/// <summary>
/// Holds the live classifier model; the learning loop swaps in an updated model with <see cref="Replace"/>
/// (an atomic reference swap: screening calls in flight keep the model they started with).
/// </summary>
public sealed class ClassifierModelHolder : IClassifierModelSource
{
    private ClassifierModel _current;

    public ClassifierModelHolder()
        : this(ClassifierModel.Embedded)
    {
    }

    public ClassifierModelHolder(ClassifierModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _current = model;
    }

    public ClassifierModel Current => Volatile.Read(ref _current);

    public void Replace(ClassifierModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Volatile.Write(ref _current, model);
    }
}
