using Soc.Core.Normalization;

namespace Soc.Core.Classifier;

/// <summary>A labelled message for training or evaluation.</summary>
public sealed record LabeledExample(string Text, bool IsAttack, string Category = "", string Source = "");

/// <summary>Training settings.</summary>
public sealed record ClassifierTrainingOptions
{
    /// <summary>log2 of the number of hash buckets (18: 262,144 buckets).</summary>
    public int Bits { get; init; } = 18;

    public int Epochs { get; init; } = 8;

    public int Seed { get; init; } = 1;

    /// <summary>L2 regularisation strength per example.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Initial learning rate; decays as lr0 / (1 + lr0 * l2 * t).</summary>
    public double LearningRate { get; init; } = 0.5;

    /// <summary>Weigh examples so that every source has an equal share of its class.</summary>
    public bool BalanceSources { get; init; } = true;

    /// <summary>Probability from which the trained model's finding flags on its own (support starts 0.15 below).</summary>
    public double FlagProbability { get; init; } = 0.95;
}

/// <summary>
/// Trains <see cref="ClassifierModel"/>: L2-regularised logistic regression by stochastic gradient descent over
/// hashed features, classes weighted to count equally, examples shuffled per epoch by a seeded generator so the
/// same data, options and seed always give the same model.
/// </summary>
public static class ClassifierTrainer
{
    public static ClassifierModel Train(IReadOnlyList<LabeledExample> examples, ITextNormalizer normalizer, ClassifierTrainingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(normalizer);
        options ??= new ClassifierTrainingOptions();
        if (options.Epochs < 1 || options.Bits is < 10 or > 24 || options.L2 < 0 || options.LearningRate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "epochs >= 1, bits 10..24, l2 >= 0 and learning rate > 0 are required.");
        }

        var mask = (1 << options.Bits) - 1;
        var features = new int[examples.Count][];
        var labels = new bool[examples.Count];
        for (var i = 0; i < examples.Count; i++)
        {
            var view = normalizer.Normalize(examples[i].Text).Canonical;
            var buffer = new int[ClassifierModel.BufferSize(view)];
            var n = FeatureHasher.Extract(view, buffer, mask);
            features[i] = buffer[..n];
            labels[i] = examples[i].IsAttack;
        }

        // Each class counts equally, and within a class each source counts equally: a large, easy source (short banking
        // queries) must not teach the model that "long" or "instruction-like" means attack.
        var sampleWeights = new double[examples.Count];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, examples.Count).Where(i => labels[i] == cls).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var bySource = members.GroupBy(i => examples[i].Source, StringComparer.Ordinal).ToArray();
            foreach (var group in bySource)
            {
                var sourceCount = group.Count();
                foreach (var i in group)
                {
                    // Equal share per source (cross-source validation preferred this to a square-root softening).
                    var balanced = (double)members.Length / (bySource.Length * sourceCount);
                    sampleWeights[i] = options.BalanceSources ? balanced : 1.0;
                }
            }

            var sum = members.Sum(i => sampleWeights[i]);
            foreach (var i in members)
            {
                sampleWeights[i] *= examples.Count / (2.0 * sum);
            }
        }

        // True weights are scale * v[i]: the L2 decay of every weight is one multiplication of scale.
        var v = new double[1 << options.Bits];
        var scale = 1.0;
        var bias = 0.0;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(options.Seed);
        long t = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var lr = options.LearningRate / (1 + (options.LearningRate * options.L2 * t));
                t++;
                var x = features[i];
                var norm = x.Length == 0 ? 0 : 1.0 / Math.Sqrt(x.Length);
                var sum = 0.0;
                foreach (var b in x)
                {
                    sum += v[b];
                }

                var logit = bias + (scale * sum * norm);
                var p = ClassifierModel.Sigmoid(logit);
                var g = ((labels[i] ? 1.0 : 0.0) - p) * sampleWeights[i];
                scale *= 1 - (lr * options.L2);
                if (scale < 1e-9)
                {
                    for (var k = 0; k < v.Length; k++)
                    {
                        v[k] *= scale;
                    }

                    scale = 1;
                }

                var step = lr * g * norm / scale;
                foreach (var b in x)
                {
                    v[b] += step;
                }

                bias += lr * g * 0.1;
            }
        }

        var weights = new float[v.Length];
        for (var k = 0; k < v.Length; k++)
        {
            weights[k] = (float)(v[k] * scale);
        }

        return new ClassifierModel(options.Bits, weights, (float)bias, options.FlagProbability, examples.Count);
    }
}
