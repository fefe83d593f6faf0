using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core;
using Soc.Core.Classifier;
using Soc.Core.Detection;
using Soc.Core.Detection.Detectors;
using Soc.Core.Evaluation;
using Soc.Core.Normalization;

namespace Soc.Local.Commands;

/// <summary>
/// <c>soc eval</c>: runs the whole engine over labelled JSONL and reports detection quality and latency;
/// <c>--cross-source</c> retrains the classifier without each file in turn and tests it on that file.
/// </summary>
public sealed class EvalCommand : ISocCommand
{
    /// <summary>Benign files written to trip keyword filters: their false-positive rate has its own target (5%).</summary>
    public static readonly IReadOnlySet<string> HardBenignSources = new HashSet<string>(StringComparer.Ordinal)
    {
        "notinject", "xstest_safe", "wildguardtest_benign",
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Name => "eval";

    public string Summary => "measure detection quality and latency on labelled JSONL (recall, FPR, F1, per source/category)";

    public string Usage => """
        usage: soc eval [FILE_OR_DIR.jsonl ...] [--json] [--worst 10] [--model model.bin] [--cross-source | --kfold 5]
                        [--epochs 8] [--seed 1] [--bits 18] [--l2 0.0001] [--learning-rate 0.5] [--threshold 0.95]
                        [--dump-outcomes FILE.jsonl] [--obfuscation] [--train-extra FILE_OR_DIR.jsonl ...]

          Runs the full engine (rules, learned patterns, classifier) in-process over every line
          {"text", "label": "attack"|"benign", "category", "source"}; a message counts as detected when it is flagged
          or blocked. Without files it reads ../shared/datasets/dev. Reports recall on attacks, false-positive rate on
          benign, precision, F1 and balanced accuracy overall, per source file and per category, the hard-benign files
          (notinject, xstest_safe, wildguardtest_benign), latency p50/p99 per message (one thread, after warm-up) and
          the worst misses and false positives. --model scores with another classifier model than the embedded one.
          --cross-source: for each file, trains the classifier on all other files (training options as soc train) and
          evaluates the engine with that model on the held-out file, so classifier figures only count unseen data.
          --kfold K: stratified K-fold over all lines (seeded by --seed): held-out figures for sources the model knows.
          --dump-outcomes writes one JSON line per message (no text): file, a SHA-256 prefix of the text, category,
          label, classifier probability, danger of the rules alone and the rule ids, to calibrate on held-out outcomes.
          --obfuscation (not with --kfold or --cross-source): every attack the engine detects is disguised by each of
          the 12 techniques of the obfuscation generator (homoglyphs, zero-width, spacing, dots, leetspeak,
          full-width, base64, rot13, tag and variation-selector smuggling, random casing, reversed); reports the
          share of copies still detected per technique and overall.
          --train-extra (with --kfold or --cross-source): more labelled lines added to every training split and never
          scored, to measure whether extra training data helps on the held-out files.
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var json = args.Flag("json");
        var worst = args.Int("worst", 10, 0, 1000);
        var modelPath = args.Option("model");
        var crossSource = args.Flag("cross-source");
        var folds = args.Int("kfold", 0, 0, 50);
        var training = TrainCommand.ReadOptions(args);
        var dumpPath = args.Option("dump-outcomes");
        var obfuscation = args.Flag("obfuscation");
        var extraPaths = args.Options("train-extra");
        args.EnsureNoUnknown();
        if (extraPaths.Count > 0 && !crossSource && folds == 0)
        {
            throw new CommandArgsException("option --train-extra adds training data to --kfold or --cross-source: use it with one of them.");
        }

        if (obfuscation && (crossSource || folds > 0))
        {
            throw new CommandArgsException("option --obfuscation runs on the whole engine with one model: leave out --kfold and --cross-source.");
        }

        var paths = args.Positionals.Count > 0 ? args.Positionals : [LabeledData.DefaultDevDirectory()];
        var files = LabeledData.ExpandPaths(paths);
        var (lines, invalid) = await LabeledData.LoadAsync(files, cancellationToken).ConfigureAwait(false);
        if (lines.Count == 0)
        {
            Console.Error.WriteLine("soc eval: no labelled lines.");
            return 1;
        }

        var extra = new List<LabeledExample>();
        if (extraPaths.Count > 0)
        {
            var (extraLines, extraInvalid) = await LabeledData.LoadAsync(LabeledData.ExpandPaths(extraPaths), cancellationToken).ConfigureAwait(false);
            if (extraInvalid > 0)
            {
                throw new CommandArgsException($"--train-extra: {extraInvalid} invalid lines.");
            }

            extra.AddRange(extraLines.Select(l => l.Example));
        }

        ClassifierModel model;
        try
        {
            model = modelPath is null ? ClassifierModel.Embedded : ClassifierModel.Load(modelPath);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw new CommandArgsException($"cannot read model {modelPath}: {ex.Message}");
        }

        EvalReport report;
        if (crossSource)
        {
            report = CrossSource(lines, extra, training, cancellationToken);
        }
        else if (folds > 0)
        {
            if (folds < 2)
            {
                throw new CommandArgsException("option --kfold needs at least 2 folds.");
            }

            report = KFold(lines, extra, folds, training, worst, cancellationToken);
        }
        else
        {
            var analyzer = CreateAnalyzer(model);
            var outcomes = Evaluate(analyzer, model, lines, measureLatency: true, cancellationToken);
            report = Summarise(outcomes, worst);
            if (obfuscation)
            {
                var detected = outcomes.Where(o => o.Line.Example.IsAttack && o.Detected).Select(o => o.Line.Example.Text).ToArray();
                report = report with { Obfuscation = ObfuscationReport(analyzer, detected, cancellationToken) };
            }
        }

        if (dumpPath is not null)
        {
            await DumpOutcomesAsync(dumpPath, report.Outcomes, cancellationToken).ConfigureAwait(false);
        }

        report = report with { Mode = crossSource || folds > 0 ? report.Mode : modelPath ?? "embedded model", Files = files.Count, Lines = lines.Count, InvalidLines = invalid };
        Console.WriteLine(json ? JsonSerializer.Serialize(report, JsonOptions) : FormatTable(report));
        return invalid > 0 ? 1 : 0;
    }

    /// <summary>For every technique, how many obfuscated copies of the detected attacks are still flagged or blocked.</summary>
    internal static IReadOnlyList<ObfuscationRow> ObfuscationReport(IThreatAnalyzer analyzer, IReadOnlyList<string> detectedAttacks, CancellationToken cancellationToken)
    {
        var rows = new List<ObfuscationRow>();
        foreach (var (name, apply) in ObfuscationGenerator.Techniques)
        {
            var still = 0;
            foreach (var text in detectedAttacks)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (analyzer.Analyze(apply(text)).ThreatDetected)
                {
                    still++;
                }
            }

            rows.Add(new ObfuscationRow(name, detectedAttacks.Count, still));
        }

        rows.Add(new ObfuscationRow("all techniques", rows.Sum(r => r.Copies), rows.Sum(r => r.StillDetected)));
        return rows;
    }

    /// <summary>The normaliser the engine uses, from the same wiring.</summary>
    public static ITextNormalizer CreateNormalizer() =>
        Services(null).GetRequiredService<ITextNormalizer>();

    /// <summary>The offline engine (as <c>soc scan</c>), scoring with <paramref name="model"/>.</summary>
    public static IThreatAnalyzer CreateAnalyzer(ClassifierModel model) =>
        Services(model).GetRequiredService<IThreatAnalyzer>();

    private static ServiceProvider Services(ClassifierModel? model)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging();
        if (model is not null)
        {
            services.AddSingleton(new ClassifierModelHolder(model));
        }

        return services.AddSocCore(config).BuildServiceProvider();
    }

    internal static List<Outcome> Evaluate(IThreatAnalyzer analyzer, ClassifierModel model, IReadOnlyList<LabeledLine> lines, bool measureLatency, CancellationToken cancellationToken)
    {
        var normalizer = CreateNormalizer();
        if (measureLatency)
        {
            // Warm up: JIT, tiered compilation and caches, so percentiles describe the steady state.
            for (var i = 0; i < Math.Min(lines.Count, 2000); i++)
            {
                analyzer.Analyze(lines[i].Example.Text);
            }
        }

        var outcomes = new List<Outcome>(lines.Count);
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            var verdict = analyzer.Analyze(line.Example.Text);
            var micros = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            var probability = ClassifierDetector.BestView(model, normalizer.Normalize(line.Example.Text)).Probability;
            var classifierFlags = verdict.Findings.Any(f => f.RuleId == ClassifierDetector.RuleId && f.Weight >= ClassifierDetector.MinWeight);
            outcomes.Add(new Outcome(line, verdict, micros, classifierFlags, probability));
        }

        return outcomes;
    }

    internal static EvalReport Summarise(IReadOnlyList<Outcome> outcomes, int worst)
    {
        var latency = LatencySummary.From(outcomes.Select(o => o.Micros));
        var totalSeconds = outcomes.Sum(o => o.Micros) / 1e6;
        return new EvalReport
        {
            Outcomes = outcomes,
            Overall = Metrics.Of(outcomes, o => o.Detected),
            RulesAlone = Metrics.Of(outcomes, o => o.RulesDetected),
            ClassifierAlone = Metrics.Of(outcomes, o => o.ClassifierDetected),
            HardBenign = Metrics.Of(outcomes.Where(o => HardBenignSources.Contains(o.Line.File)), o => o.Detected),
            Latency = new LatencyReport(Math.Round(latency.P50, 1), Math.Round(latency.P99, 1), Math.Round(latency.Mean, 1), Math.Round(latency.Max, 1),
                totalSeconds > 0 ? Math.Round(outcomes.Count / totalSeconds) : 0),
            BySource = outcomes.GroupBy(o => o.Line.File, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new NamedMetrics(g.Key, Metrics.Of(g, o => o.Detected))).ToArray(),
            ByCategory = outcomes.GroupBy(o => o.Line.Example.Category, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new NamedMetrics(g.Key, Metrics.Of(g, o => o.Detected))).ToArray(),
            WorstMisses = outcomes.Where(o => o.Line.Example.IsAttack && !o.Detected)
                .OrderBy(o => o.Verdict.DangerScore).ThenBy(o => o.Probability).Take(worst).Select(Example.Of).ToArray(),
            WorstFalsePositives = outcomes.Where(o => !o.Line.Example.IsAttack && o.Detected)
                .OrderByDescending(o => o.Verdict.DangerScore).ThenByDescending(o => o.Probability).Take(worst).Select(Example.Of).ToArray(),
        };
    }

    /// <summary>
    /// Stratified k-fold: lines are shuffled with the training seed and dealt to folds per label; each fold is scored by
    /// a model trained on the others. Sources appear on both sides, so this measures known sources, not new ones.
    /// </summary>
    private static EvalReport KFold(IReadOnlyList<LabeledLine> lines, IReadOnlyList<LabeledExample> extra, int folds, ClassifierTrainingOptions training, int worst, CancellationToken cancellationToken)
    {
        var normalizer = CreateNormalizer();
        var fold = new int[lines.Count];
        var random = new Random(training.Seed);
        foreach (var label in new[] { true, false })
        {
            var members = Enumerable.Range(0, lines.Count).Where(i => lines[i].Example.IsAttack == label).ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++)
            {
                fold[members[k]] = k % folds;
            }
        }

        var rows = new List<HeldOutMetrics>();
        var all = new List<Outcome>();
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = Enumerable.Range(0, lines.Count).Where(i => fold[i] != f).Select(i => lines[i].Example).Concat(extra).ToArray();
            var test = Enumerable.Range(0, lines.Count).Where(i => fold[i] == f).Select(i => lines[i]).ToArray();
            if (test.Length == 0 || !train.Any(e => e.IsAttack) || !train.Any(e => !e.IsAttack))
            {
                continue;
            }

            var model = ClassifierTrainer.Train(train, normalizer, training);
            var outcomes = Evaluate(CreateAnalyzer(model), model, test, measureLatency: false, cancellationToken);
            all.AddRange(outcomes);
            rows.Add(new HeldOutMetrics($"fold {f + 1}/{folds}", Metrics.Of(outcomes, o => o.Detected), Metrics.Of(outcomes, o => o.ClassifierDetected), Metrics.Of(outcomes, o => o.RulesDetected)));
        }

        return Summarise(all, worst) with { Mode = $"{folds}-fold", Latency = null, CrossSource = rows };
    }

    private static EvalReport CrossSource(IReadOnlyList<LabeledLine> lines, IReadOnlyList<LabeledExample> extra, ClassifierTrainingOptions training, CancellationToken cancellationToken)
    {
        var normalizer = CreateNormalizer();
        var sources = lines.Select(l => l.File).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var rows = new List<HeldOutMetrics>();
        var all = new List<Outcome>();
        foreach (var source in sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var train = lines.Where(l => l.File != source).Select(l => l.Example).Concat(extra).ToArray();
            var test = lines.Where(l => l.File == source).ToArray();
            if (!train.Any(e => e.IsAttack) || !train.Any(e => !e.IsAttack))
            {
                continue;
            }

            var model = ClassifierTrainer.Train(train, normalizer, training);
            var outcomes = Evaluate(CreateAnalyzer(model), model, test, measureLatency: false, cancellationToken);
            all.AddRange(outcomes);
            rows.Add(new HeldOutMetrics(source, Metrics.Of(outcomes, o => o.Detected), Metrics.Of(outcomes, o => o.ClassifierDetected), Metrics.Of(outcomes, o => o.RulesDetected)));
        }

        return new EvalReport
        {
            Mode = "cross-source",
            Outcomes = all,
            Overall = Metrics.Of(all, o => o.Detected),
            RulesAlone = Metrics.Of(all, o => o.RulesDetected),
            ClassifierAlone = Metrics.Of(all, o => o.ClassifierDetected),
            HardBenign = Metrics.Of(all.Where(o => HardBenignSources.Contains(o.Line.File)), o => o.Detected),
            CrossSource = rows,
        };
    }

    internal static string FormatTable(EvalReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"soc eval ({r.Mode}): {r.Lines} messages from {r.Files} files, {r.InvalidLines} invalid lines; detected = flagged or blocked");
        sb.AppendLine();
        sb.AppendLine("| scope | attacks | benign | recall | FPR | precision | F1 | balanced acc. |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        Row(sb, "whole engine", r.Overall);
        Row(sb, "rules alone (no classifier)", r.RulesAlone);
        Row(sb, "classifier alone", r.ClassifierAlone);
        Row(sb, "hard benign (notinject, xstest_safe, wildguardtest_benign)", r.HardBenign);
        if (r.Latency is { } l)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"latency per message (one thread, in-process): p50 {l.P50Micros:0.0} µs, p99 {l.P99Micros:0.0} µs, mean {l.MeanMicros:0.0} µs, max {l.MaxMicros:0.0} µs, {l.MessagesPerSecond:0} msgs/s");
        }

        if (r.CrossSource is { } cross)
        {
            sb.AppendLine();
            sb.AppendLine(r.Mode == "cross-source" ? "held out (classifier trained on every other file):" : "held out (classifier trained on the other folds):");
            sb.AppendLine();
            sb.AppendLine("| held-out source | n | engine recall | engine FPR | classifier recall | classifier FPR | rules recall | rules FPR |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var h in cross)
            {
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"| {h.Source} | {h.Engine.Attacks + h.Engine.Benign} | {Pct(h.Engine.Recall)} | {Pct(h.Engine.FalsePositiveRate)} | {Pct(h.Classifier.Recall)} | {Pct(h.Classifier.FalsePositiveRate)} | {Pct(h.Rules.Recall)} | {Pct(h.Rules.FalsePositiveRate)} |");
            }
        }

        if (r.Obfuscation is { Count: > 0 } obf)
        {
            sb.AppendLine();
            sb.AppendLine("obfuscated copies of the detected attacks (share still flagged or blocked):");
            sb.AppendLine();
            sb.AppendLine("| technique | copies | still detected | share |");
            sb.AppendLine("|---|---:|---:|---:|");
            foreach (var o in obf)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {o.Technique} | {o.Copies} | {o.StillDetected} | {Pct(o.Share)} |");
            }
        }

        Group(sb, "per source file", r.BySource);
        Group(sb, "per category", r.ByCategory);
        Examples(sb, "worst misses (attacks allowed, lowest danger first)", r.WorstMisses);
        Examples(sb, "worst false positives (benign flagged or blocked, highest danger first)", r.WorstFalsePositives);
        return sb.ToString();
    }

    private static void Group(StringBuilder sb, string title, IReadOnlyList<NamedMetrics>? rows)
    {
        if (rows is null || rows.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(title + ":");
        sb.AppendLine();
        sb.AppendLine("| name | attacks | benign | recall | FPR | precision | F1 | balanced acc. |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Row(sb, row.Name.Length == 0 ? "(none)" : row.Name, row.Metrics);
        }
    }

    private static void Examples(StringBuilder sb, string title, IReadOnlyList<Example>? examples)
    {
        if (examples is null || examples.Count == 0)
        {
            return;
        }

        sb.AppendLine();
        sb.AppendLine(title + ":");
        foreach (var e in examples)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  [{e.Source}] danger {e.DangerScore:0.00} p(ml) {e.ClassifierProbability:0.00} rules [{string.Join(",", e.RuleIds)}] {e.Text}");
        }
    }

    private static void Row(StringBuilder sb, string name, Metrics m) =>
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {m.Attacks} | {m.Benign} | {Pct(m.Recall)} | {Pct(m.FalsePositiveRate)} | {Pct(m.Precision)} | {Pct(m.F1)} | {Pct(m.BalancedAccuracy)} |");

    private static string Pct(double? value) => value is { } v ? (100 * v).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>
    /// Writes one JSON line per message, without its text: file, category, label, the classifier's probability (best
    /// view), the danger of the rules alone and the rule ids that fired. For choosing how the classifier's probability
    /// combines with rule findings on held-out outcomes (--kfold, --cross-source), never on the training data.
    /// </summary>
    private static async Task DumpOutcomesAsync(string path, IReadOnlyList<Outcome> outcomes, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        foreach (var o in outcomes)
        {
            var rules = o.Verdict.Findings.Where(f => f.RuleId != ClassifierDetector.RuleId).ToArray();
            var line = new
            {
                file = o.Line.File,
                textSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(o.Line.Example.Text)))[..16],
                category = o.Line.Example.Category,
                attack = o.Line.Example.IsAttack,
                probability = Math.Round(o.Probability, 4),
                rulesDanger = Soc.Core.Scoring.ThreatScorer.Score(rules).Danger,
                danger = o.Verdict.DangerScore,
                detected = o.Detected,
                rules = rules.Select(f => f.RuleId + ":" + f.Category + ":" + f.Weight.ToString("0.###", CultureInfo.InvariantCulture)).Distinct().ToArray(),
            };
            sb.AppendLine(JsonSerializer.Serialize(line));
        }

        await File.WriteAllTextAsync(path, sb.ToString(), cancellationToken).ConfigureAwait(false);
    }

    internal sealed record Outcome(LabeledLine Line, Verdict Verdict, double Micros, bool ClassifierDetected, double Probability)
    {
        public bool Detected => Verdict.ThreatDetected;

        /// <summary>What the rules and patterns decide without the classifier's finding.</summary>
        public bool RulesDetected
        {
            get
            {
                var findings = Verdict.Findings.Where(f => f.RuleId != ClassifierDetector.RuleId).ToArray();
                var (danger, _) = Soc.Core.Scoring.ThreatScorer.Score(findings);
                return danger >= new DetectionOptions().FlagThreshold;
            }
        }
    }

    internal sealed record Metrics(int Attacks, int Benign, int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives,
        double? Recall, double? FalsePositiveRate, double? Precision, double? F1, double? BalancedAccuracy)
    {
        public static Metrics Of(IEnumerable<Outcome> outcomes, Func<Outcome, bool> detected)
        {
            var c = ConfusionCounts.From(outcomes.Select(o => (o.Line.Example.IsAttack, detected(o))));
            return new Metrics(c.Attacks, c.Benign, c.TruePositives, c.FalseNegatives, c.FalsePositives, c.TrueNegatives,
                R(c.Recall), R(c.FalsePositiveRate), R(c.Precision), R(c.F1), R(c.BalancedAccuracy));
        }

        private static double? R(double? v) => v is { } x ? Math.Round(x, 4) : null;
    }

    internal sealed record NamedMetrics(string Name, Metrics Metrics);

    internal sealed record HeldOutMetrics(string Source, Metrics Engine, Metrics Classifier, Metrics Rules);

    internal sealed record LatencyReport(double P50Micros, double P99Micros, double MeanMicros, double MaxMicros, double MessagesPerSecond);

    internal sealed record Example(string Source, string Category, double DangerScore, double ClassifierProbability, IReadOnlyList<string> RuleIds, string Text)
    {
        public static Example Of(Outcome o) => new(o.Line.File, o.Line.Example.Category, o.Verdict.DangerScore, Math.Round(o.Probability, 4), o.Verdict.RuleIds,
            Trim(o.Line.Example.Text));

        private static string Trim(string text)
        {
            var flat = text.ReplaceLineEndings(" ");
            return flat.Length <= 160 ? flat : string.Concat(flat.AsSpan(0, 159), "…");
        }
    }

    /// <summary>One obfuscation technique applied to every detected attack.</summary>
    internal sealed record ObfuscationRow(string Technique, int Copies, int StillDetected)
    {
        public double Share => Copies == 0 ? 0 : (double)StillDetected / Copies;
    }

    internal sealed record EvalReport
    {
        public string Mode { get; init; } = "embedded model";

        public int Files { get; init; }

        public int Lines { get; init; }

        public int InvalidLines { get; init; }

        public required Metrics Overall { get; init; }

        public required Metrics RulesAlone { get; init; }

        public required Metrics ClassifierAlone { get; init; }

        public required Metrics HardBenign { get; init; }

        public LatencyReport? Latency { get; init; }

        public IReadOnlyList<HeldOutMetrics>? CrossSource { get; init; }

        public IReadOnlyList<ObfuscationRow>? Obfuscation { get; init; }

        /// <summary>Every message's outcome, for <c>--dump-outcomes</c>; never serialised with the report.</summary>
        [JsonIgnore]
        public IReadOnlyList<Outcome> Outcomes { get; init; } = [];

        public IReadOnlyList<NamedMetrics>? BySource { get; init; }

        public IReadOnlyList<NamedMetrics>? ByCategory { get; init; }

        public IReadOnlyList<Example>? WorstMisses { get; init; }

        public IReadOnlyList<Example>? WorstFalsePositives { get; init; }
    }
}
