using System.Diagnostics;
using System.Globalization;
using Soc.Core.Classifier;
using Soc.Core.Normalization;

namespace Soc.Local.Commands;

/// <summary><c>soc train</c>: trains the statistical classifier from labelled JSONL into a model artifact.</summary>
public sealed class TrainCommand : ISocCommand
{
    public string Name => "train";

    public string Summary => "train the statistical classifier from labelled JSONL into a model file";

    public string Usage => """
        usage: soc train --data DIR_OR_FILE [--data ...] --out model.bin [--exclude-source NAME]... [--epochs 8] [--seed 1]
                         [--bits 18] [--l2 0.0001] [--learning-rate 0.5] [--threshold 0.95]

          Lines are {"text", "label": "attack"|"benign", "category", "source"}. A directory means every *.jsonl in it.
          --exclude-source drops a file by name (without .jsonl), e.g. --exclude-source garak, for held-out tests.
          Same data, options and seed give the same model, byte for byte. --threshold is the probability from which the
          model reports a finding. The shipped model is src/Soc.Core/Classifier/classifier.bin (see README).
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var data = args.Options("data");
        var output = args.Required("out");
        var excluded = args.Options("exclude-source").ToHashSet(StringComparer.Ordinal);
        var options = ReadOptions(args);
        args.EnsureNoUnknown();
        if (data.Count == 0)
        {
            throw new CommandArgsException("option --data is required.");
        }

        var files = LabeledData.ExpandPaths(data).Where(f => !excluded.Contains(LabeledData.SourceName(f))).ToArray();
        if (files.Length == 0)
        {
            throw new CommandArgsException("every data file was excluded.");
        }

        var (lines, invalid) = await LabeledData.LoadAsync(files, cancellationToken).ConfigureAwait(false);
        if (lines.Count == 0 || lines.All(l => l.Example.IsAttack) || lines.All(l => !l.Example.IsAttack))
        {
            Console.Error.WriteLine("soc train: the data must hold both attack and benign examples.");
            return 1;
        }

        var normalizer = EvalCommand.CreateNormalizer();
        var watch = Stopwatch.StartNew();
        var examples = lines.Select(l => l.Example).ToArray();
        var model = ClassifierTrainer.Train(examples, normalizer, options);
        var trainSeconds = watch.Elapsed.TotalSeconds;
        var dir = Path.GetDirectoryName(Path.GetFullPath(output));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        var bytes = model.ToBytes();
        await File.WriteAllBytesAsync(output, bytes, cancellationToken).ConfigureAwait(false);
        var correct = examples.Count(e => model.Score(normalizer.Normalize(e.Text)).Probability >= model.FlagProbability == e.IsAttack);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trained on {examples.Length} examples ({examples.Count(e => e.IsAttack)} attack, {examples.Count(e => !e.IsAttack)} benign) from {files.Length} files in {trainSeconds:0.0} s; {invalid} invalid lines"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"training accuracy {100.0 * correct / examples.Length:0.00}% (not a quality figure: use soc eval --cross-source)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} ({bytes.Length / 1024.0:0.0} KB, 2^{model.Bits} buckets)"));
        return 0;
    }

    internal static ClassifierTrainingOptions ReadOptions(CommandArgs args)
    {
        var defaults = new ClassifierTrainingOptions();
        return new ClassifierTrainingOptions
        {
            Epochs = args.Int("epochs", defaults.Epochs, 1, 100),
            Seed = args.Int("seed", defaults.Seed),
            Bits = args.Int("bits", defaults.Bits, 10, 24),
            L2 = args.Double("l2", defaults.L2, 0, 1),
            LearningRate = args.Double("learning-rate", defaults.LearningRate, 1e-6, 10),
            FlagProbability = args.Double("threshold", defaults.FlagProbability, 0.01, 0.99),
        };
    }
}
