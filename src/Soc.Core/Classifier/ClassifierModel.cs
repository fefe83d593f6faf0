using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Soc.Core.Normalization;

namespace Soc.Core.Classifier;

/// <summary>What the classifier says about one message.</summary>
/// <param name="Probability">Probability that the message is an attack (0..1).</param>
/// <param name="Logit">The raw linear score.</param>
public readonly record struct ClassifierScore(double Probability, double Logit);

/// <summary>A word or word pair of the message and how much it pushed the score towards "attack".</summary>
public sealed record FeatureContribution(string Text, int Start, int Length, double Contribution);

/// <summary>
/// An immutable logistic-regression model over hashed features (<see cref="FeatureHasher"/>). Scoring allocates
/// nothing on the heap for ordinary messages. <see cref="Update"/> returns a new model nudged by one labelled example, so the
/// learning loop can adapt it without a full retrain; <see cref="Serialize"/> / <see cref="Deserialize"/> keep it as a
/// compact artifact (weights quantised to 16 bits, deflated).
/// </summary>
public sealed class ClassifierModel
{
    /// <summary>Name of the artifact embedded in Soc.Core.</summary>
    public const string EmbeddedResourceName = "Soc.Core.Classifier.classifier.bin";

    private const uint Magic = 0x4C4D4353; // "SCML"
    private const int FormatVersion = 1;
    private const int StackLimit = 1024;

    private static readonly Lazy<ClassifierModel> EmbeddedModel = new(LoadEmbedded);

    private readonly float[] _weights;

    public ClassifierModel(int bits, float[] weights, float bias, double flagProbability = DefaultFlagProbability, int trainedExamples = 0)
    {
        if (bits is < 10 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), "bits must be from 10 to 24.");
        }

        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != 1 << bits)
        {
            throw new ArgumentException("weights must have 2^bits entries.", nameof(weights));
        }

        if (flagProbability is <= 0 or >= 1 || double.IsNaN(flagProbability))
        {
            throw new ArgumentOutOfRangeException(nameof(flagProbability), "flagProbability must be between 0 and 1.");
        }

        Bits = bits;
        _weights = weights;
        Bias = bias;
        FlagProbability = flagProbability;
        TrainedExamples = trainedExamples;
    }

    /// <summary>Probability at which the classifier starts to report a finding, unless the model says otherwise.</summary>
    public const double DefaultFlagProbability = 0.5;

    /// <summary>The model shipped with Soc.Core (trained on the dev datasets; see README "Detection quality").</summary>
    public static ClassifierModel Embedded => EmbeddedModel.Value;

    /// <summary>log2 of the number of hash buckets.</summary>
    public int Bits { get; }

    public float Bias { get; }

    /// <summary>Probability from which <see cref="Detection.Detectors.ClassifierDetector"/> flags on its own (it corroborates other evidence a little below).</summary>
    public double FlagProbability { get; }

    /// <summary>How many labelled examples the model has seen (training plus updates).</summary>
    public int TrainedExamples { get; }

    internal int Mask => (1 << Bits) - 1;

    internal ReadOnlySpan<float> Weights => _weights;

    /// <summary>Scores the canonical view of a normalised message.</summary>
    public ClassifierScore Score(NormalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Score(text.Canonical);
    }

    /// <summary>Scores one text view.</summary>
    public ClassifierScore Score(TextView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var size = BufferSize(view);
        int[]? rented = null;
        var buckets = size <= StackLimit ? stackalloc int[size] : (rented = ArrayPool<int>.Shared.Rent(size));
        try
        {
            var n = FeatureHasher.Extract(view, buckets, Mask);
            var logit = Logit(buckets[..n]);
            return new ClassifierScore(Sigmoid(logit), logit);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The words and word pairs that pushed the score up the most (for explaining a finding).</summary>
    public IReadOnlyList<FeatureContribution> TopContributions(TextView view, int count)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (count <= 0)
        {
            return [];
        }

        // Keep only the best few (first token, last token, weight) in order; build strings for those alone.
        var best = new (int First, int Last, float Weight)[count];
        var kept = 0;
        var tokens = view.Tokens;
        var n = Math.Min(tokens.Count, FeatureHasher.MaxTokens);
        var mask = (uint)Mask;
        uint previous = 0;
        for (var i = 0; i < n; i++)
        {
            var h = FeatureHasher.Fnv1a(tokens[i].Value.AsSpan());
            Offer(best, ref kept, i, i, _weights[(int)(FeatureHasher.Mix(h) & mask)]);
            if (i > 0)
            {
                Offer(best, ref kept, i - 1, i, _weights[(int)(FeatureHasher.Mix((previous * 0x9E3779B1) ^ h ^ FeatureHasher.BigramBasis) & mask)]);
            }

            previous = h;
        }

        var result = new FeatureContribution[kept];
        for (var k = 0; k < kept; k++)
        {
            var (first, last, weight) = best[k];
            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].Length;
            var text = first == last ? tokens[first].Value : tokens[first].Value + " " + tokens[last].Value;
            result[k] = new FeatureContribution(text, start, end - start, weight);
        }

        return result;
    }

    private static void Offer((int First, int Last, float Weight)[] best, ref int kept, int first, int last, float weight)
    {
        if (weight <= 0 || (kept == best.Length && weight <= best[kept - 1].Weight))
        {
            return;
        }

        var at = kept < best.Length ? kept++ : best.Length - 1;
        while (at > 0 && best[at - 1].Weight < weight)
        {
            best[at] = best[at - 1];
            at--;
        }

        best[at] = (first, last, weight);
    }

    /// <summary>
    /// A new model nudged by one labelled example with one step of logistic-regression gradient descent
    /// (<paramref name="learningRate"/> of about 0.05-0.5 moves a score noticeably without forgetting the rest).
    /// This model is left unchanged.
    /// </summary>
    public ClassifierModel Update(NormalizedText text, bool isAttack, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (learningRate <= 0 || double.IsNaN(learningRate) || learningRate > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), "learningRate must be in (0, 10].");
        }

        var buckets = new int[BufferSize(text.Canonical)];
        var n = FeatureHasher.Extract(text.Canonical, buckets, Mask);
        var weights = (float[])_weights.Clone();
        var bias = Bias;
        var probability = Sigmoid(Logit(buckets.AsSpan(0, n)));
        var gradient = (isAttack ? 1.0 : 0.0) - probability;
        if (n > 0)
        {
            var scale = 1.0 / Math.Sqrt(n);
            var step = (float)(learningRate * gradient * scale);
            foreach (var b in buckets.AsSpan(0, n))
            {
                weights[b] += step;
            }
        }

        bias += (float)(learningRate * gradient * 0.1);
        return new ClassifierModel(Bits, weights, bias, FlagProbability, TrainedExamples + 1);
    }

    /// <summary>Applies <see cref="Update"/> for each example in turn.</summary>
    public ClassifierModel Update(IEnumerable<(NormalizedText Text, bool IsAttack)> examples, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var model = this;
        foreach (var (text, isAttack) in examples)
        {
            model = model.Update(text, isAttack, learningRate);
        }

        return model;
    }

    /// <summary>The same weights with another reporting threshold.</summary>
    public ClassifierModel WithFlagProbability(double flagProbability) =>
        new(Bits, _weights, Bias, flagProbability, TrainedExamples);

    /// <summary>Writes the compact artifact: header, then the weights quantised to 16 bits and deflated.</summary>
    public void Serialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var max = 0f;
        foreach (var w in _weights)
        {
            max = Math.Max(max, Math.Abs(w));
        }

        var scale = max > 0 ? max / short.MaxValue : 1f;
        Span<byte> header = stackalloc byte[32];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Bits);
        BinaryPrimitives.WriteSingleLittleEndian(header[12..], Bias);
        BinaryPrimitives.WriteSingleLittleEndian(header[16..], scale);
        BinaryPrimitives.WriteDoubleLittleEndian(header[20..], FlagProbability);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], TrainedExamples);
        stream.Write(header);
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        var buffer = new byte[_weights.Length * 2];
        for (var i = 0; i < _weights.Length; i++)
        {
            // Deltas of neighbouring buckets are not smaller than the values; plain little-endian shorts compress best.
            BinaryPrimitives.WriteInt16LittleEndian(buffer.AsSpan(i * 2), (short)Math.Round(_weights[i] / scale));
        }

        deflate.Write(buffer);
    }

    public byte[] ToBytes()
    {
        using var ms = new MemoryStream();
        Serialize(ms);
        return ms.ToArray();
    }

    /// <summary>Reads an artifact written by <see cref="Serialize"/>; throws <see cref="InvalidDataException"/> if it is not one.</summary>
    public static ClassifierModel Deserialize(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[32];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new InvalidDataException("classifier model is truncated.");
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic)
        {
            throw new InvalidDataException("not a SOC Guard classifier model.");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"classifier model format {version} is not supported.");
        }

        var bits = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (bits is < 10 or > 24)
        {
            throw new InvalidDataException("classifier model has an invalid table size.");
        }

        var bias = BinaryPrimitives.ReadSingleLittleEndian(header[12..]);
        var scale = BinaryPrimitives.ReadSingleLittleEndian(header[16..]);
        var flag = BinaryPrimitives.ReadDoubleLittleEndian(header[20..]);
        var trained = BinaryPrimitives.ReadInt32LittleEndian(header[28..]);
        var weights = new float[1 << bits];
        var buffer = new byte[weights.Length * 2];
        using (var deflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            try
            {
                deflate.ReadExactly(buffer);
            }
            catch (EndOfStreamException ex)
            {
                throw new InvalidDataException("classifier model is truncated.", ex);
            }
        }

        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = BinaryPrimitives.ReadInt16LittleEndian(buffer.AsSpan(i * 2)) * scale;
        }

        try
        {
            return new ClassifierModel(bits, weights, bias, flag, trained);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException("classifier model header is invalid: " + ex.Message, ex);
        }
    }

    public static ClassifierModel FromBytes(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes, writable: false);
        return Deserialize(ms);
    }

    public static ClassifierModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Deserialize(file);
    }

    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    internal static int BufferSize(TextView view) =>
        (2 * Math.Min(view.Tokens.Count, FeatureHasher.MaxTokens))
        + ((FeatureHasher.MaxCharGram - FeatureHasher.MinCharGram + 1) * (Math.Min(view.Text.Length, FeatureHasher.MaxChars) + 2));

    internal double Logit(ReadOnlySpan<int> buckets)
    {
        if (buckets.Length == 0)
        {
            return Bias;
        }

        var sum = 0f;
        var w = _weights;
        foreach (var b in buckets)
        {
            sum += w[b];
        }

        return Bias + (sum / Math.Sqrt(buckets.Length));
    }

    private static ClassifierModel LoadEmbedded()
    {
        using var stream = typeof(ClassifierModel).Assembly.GetManifestResourceStream(EmbeddedResourceName)
            ?? throw new InvalidOperationException($"embedded classifier model {EmbeddedResourceName} is missing.");
        return Deserialize(stream);
    }
}
