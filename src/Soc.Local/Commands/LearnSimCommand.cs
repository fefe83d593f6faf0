using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soc.Core;
using Soc.Core.Detection;
using Soc.Core.Learning;
using Soc.Core.Patterns;
using Soc.Local.Serve;

namespace Soc.Local.Commands;

/// <summary>
/// <c>soc learn-sim</c>: what learning from reported misses does, measured. Per family of related attacks, the members
/// the engine misses are reported one (then three) at a time through the in-process learning loop; recall is measured
/// on the family's other missed members, which the loop never sees, and the benign false-positive rate before and after.
/// </summary>
public sealed class LearnSimCommand : ISocCommand
{
    public string Name => "learn-sim";

    public string Summary => "simulate reported misses per attack family: recall on unseen siblings, benign FPR, report-to-live time";

    public string Usage => """
        usage: soc learn-sim --families FILE.jsonl [--benign DIR_OR_FILE]... [--reports 1|3] [--benign-probe 100]
                             [--set Section:Key=value]... [--json]

          --families      JSONL with {"family", "text", "source"}: groups of attacks that are variants of one another
          --benign        JSONL files, or folders of them, with "text" (and "label": lines labelled other than benign are
                          skipped); default ../shared/datasets/dev beside the repository
          --reports       3 (default) measures after one and after three reports per family; 1 only after one
          --benign-probe  also report this many benign texts as misses (every k-th of the benign set) and count how many
                          produce a live pattern, and what those patterns would block (default 100; 0 to skip)
          --set           override a setting, e.g. --set Learning:MaxPatternsPerReport=6
          --json          print the figures as JSON

        Per family: the members the engine (built-in rules, no learned patterns) does not flag are "missed". The first
        missed member is reported (then the second and third); recall is measured on the remaining missed members with
        only that family's learned patterns live. The benign false-positive rate is measured with every family's
        patterns live together. Report-to-live is the time from the report to the pattern being in the snapshot the
        screening path reads (in-process: generate, extract, gate, save, refresh).
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var familiesPath = args.Required("families");
        var benignPaths = args.Options("benign").ToList();
        var reports = args.Int("reports", 3, 1, 3);
        var probeCount = args.Int("benign-probe", 100, 0, 100_000);
        var overrides = args.Options("set");
        var json = args.Flag("json");
        var verbose = args.Flag("verbose");
        args.EnsureNoUnknown();
        if (reports == 2)
        {
            throw new CommandArgsException("--reports must be 1 or 3.");
        }

        if (!File.Exists(familiesPath))
        {
            throw new CommandArgsException($"families file {familiesPath} does not exist.");
        }

        if (benignPaths.Count == 0)
        {
            var root = LocalSettings.FindRepositoryRoot();
            var dev = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "dev"));
            if (dev is null || !Directory.Exists(dev))
            {
                throw new CommandArgsException("no --benign given and ../shared/datasets/dev was not found beside the repository.");
            }

            benignPaths.Add(dev);
        }

        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var o in overrides)
        {
            var eq = o.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new CommandArgsException($"--set {o}: expected Section:Key=value.");
            }

            settings[o[..eq]] = o[(eq + 1)..];
        }

        var families = await LoadFamiliesAsync(familiesPath, cancellationToken).ConfigureAwait(false);
        var benign = await LoadBenignAsync(benignPaths, cancellationToken).ConfigureAwait(false);
        var sim = new Simulation(settings, verbose ? Console.Error : null);
        var result = await sim.RunAsync(families, benign, reports, probeCount, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            Console.WriteLine(result.ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            result.Print(Console.Out);
        }

        return 0;
    }

    internal static async Task<List<(string Family, List<string> Texts)>> LoadFamiliesAsync(string path, CancellationToken cancellationToken)
    {
        var order = new List<string>();
        var byFamily = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonObject? obj;
            try
            {
                obj = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException ex)
            {
                throw new CommandArgsException($"{path} line {number}: not valid JSON ({ex.Message}).");
            }

            var family = obj?["family"] is JsonValue f && f.TryGetValue<string>(out var fs) ? fs : null;
            var text = obj?["text"] is JsonValue t && t.TryGetValue<string>(out var ts) ? ts : null;
            if (family is null || text is null)
            {
                throw new CommandArgsException($"{path} line {number}: expected string \"family\" and \"text\" fields.");
            }

            if (!byFamily.TryGetValue(family, out var list))
            {
                byFamily[family] = list = [];
                order.Add(family);
            }

            list.Add(text);
        }

        return order.Select(f => (f, byFamily[f])).ToList();
    }

    internal static async Task<List<string>> LoadBenignAsync(IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (Directory.Exists(p))
            {
                files.AddRange(Directory.GetFiles(p, "*.jsonl").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(p))
            {
                files.Add(p);
            }
            else
            {
                throw new CommandArgsException($"benign path {p} does not exist.");
            }
        }

        var texts = new List<string>();
        foreach (var file in files)
        {
            foreach (var (obj, _) in await ScanCommand.ReadLinesAsync(file, cancellationToken).ConfigureAwait(false))
            {
                if (obj is null)
                {
                    continue;
                }

                var label = obj["label"] is JsonValue l && l.TryGetValue<string>(out var ls) ? ls : "benign";
                if (string.Equals(label, "benign", StringComparison.OrdinalIgnoreCase))
                {
                    texts.Add(obj["text"]!.GetValue<string>());
                }
            }
        }

        if (texts.Count == 0)
        {
            throw new CommandArgsException("no benign texts found in the --benign paths.");
        }

        return texts;
    }

    /// <summary>The engine and the learning loop in one container, over an in-memory pattern store.</summary>
    internal sealed class Simulation
    {
        private readonly ServiceProvider _services;
        private readonly InMemoryPatternStore _store;
        private readonly PatternSnapshotCache _cache;
        private readonly IThreatAnalyzer _analyzer;
        private readonly LearningPipeline _pipeline;

        private readonly TextWriter? _trace;

        public Simulation(IDictionary<string, string?> settings, TextWriter? trace = null)
        {
            _trace = trace;
            var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            _services = new ServiceCollection()
                .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
                .AddSocCore(config)
                .AddSocLearning(config)
                .BuildServiceProvider();
            _store = _services.GetRequiredService<InMemoryPatternStore>();
            _cache = _services.GetRequiredService<PatternSnapshotCache>();
            _analyzer = _services.GetRequiredService<IThreatAnalyzer>();
            _pipeline = _services.GetRequiredService<LearningPipeline>();
        }

        public async Task<SimResult> RunAsync(
            IReadOnlyList<(string Family, List<string> Texts)> families,
            IReadOnlyList<string> benign,
            int reports,
            int probeCount,
            CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            await SetPatternsAsync([], cancellationToken).ConfigureAwait(false);
            var fprBefore = FalsePositives(benign, null);

            var rows = new List<FamilyResult>();
            var after1 = new List<LearnedPattern>();
            var after3 = new List<LearnedPattern>();
            var liveTimes = new List<double>();
            foreach (var (family, texts) in families)
            {
                await SetPatternsAsync([], cancellationToken).ConfigureAwait(false);
                var missed = texts.Where(t => !_analyzer.Analyze(t).ThreatDetected).ToList();
                if (missed.Count < 2)
                {
                    rows.Add(new FamilyResult(family, texts.Count, missed.Count, null, null, 0, 0));
                    continue;
                }

                var live1 = await ReportAsync(family, 1, missed[0], liveTimes, cancellationToken).ConfigureAwait(false);
                var recall1 = Recall(missed.Skip(1));
                after1.AddRange(LivePatterns());

                double? recall3 = null;
                var live3 = live1;
                if (reports == 3 && missed.Count >= 4)
                {
                    live3 += await ReportAsync(family, 2, missed[1], liveTimes, cancellationToken).ConfigureAwait(false);
                    live3 += await ReportAsync(family, 3, missed[2], liveTimes, cancellationToken).ConfigureAwait(false);
                    recall3 = Recall(missed.Skip(3));
                    after3.AddRange(LivePatterns());
                }
                else
                {
                    after3.AddRange(LivePatterns());
                }

                rows.Add(new FamilyResult(family, texts.Count, missed.Count, recall1, recall3, live1, live3));
            }

            await SetPatternsAsync(after1, cancellationToken).ConfigureAwait(false);
            var fprAfter1 = FalsePositives(benign, null);
            int? fprAfter3 = null;
            if (reports == 3)
            {
                await SetPatternsAsync(after3, cancellationToken).ConfigureAwait(false);
                fprAfter3 = FalsePositives(benign, null);
            }

            var probe = probeCount > 0 ? await ProbeAsync(benign, probeCount, cancellationToken).ConfigureAwait(false) : null;
            return new SimResult(rows, benign.Count, fprBefore, fprAfter1, fprAfter3, after1.Count, after3.Count, liveTimes, probe,
                Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        /// <summary>Reports one text and returns how many patterns went live; records the report-to-live time.</summary>
        private async Task<int> ReportAsync(string family, int n, string text, List<double> liveTimes, CancellationToken cancellationToken)
        {
            var report = new MissReport($"sim-{family}-{n}", text, "learn-sim", "jailbreak", Severity.High, DateTimeOffset.UtcNow);
            var t0 = Stopwatch.GetTimestamp();
            var outcome = await _pipeline.RunAsync(report, cancellationToken).ConfigureAwait(false);
            await _cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
            if (_trace is not null)
            {
                _trace.WriteLine($"report {report.ReportId}: {outcome.Variations.Count} variations, {outcome.Candidates.Count} candidates");
                foreach (var g in outcome.Decisions.GroupBy(d => d.Status + ": " + d.Reason.Split(':')[0]))
                {
                    _trace.WriteLine($"  {g.Count(),3} x {g.Key}");
                }
            }

            var live = outcome.Saved.Where(p => p.Status is PatternStatus.Active or PatternStatus.Shadow).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            if (live.Count > 0 && _cache.Current.Patterns.Any(p => live.Contains(p.Id)))
            {
                liveTimes.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }

            return live.Count;
        }

        private IEnumerable<LearnedPattern> LivePatterns() =>
            _cache.Current.Patterns.Where(p => p.Status == PatternStatus.Active).ToArray();

        private double Recall(IEnumerable<string> texts)
        {
            var list = texts.ToList();
            return list.Count == 0 ? 0 : (double)list.Count(t => _analyzer.Analyze(t).ThreatDetected) / list.Count;
        }

        private int FalsePositives(IReadOnlyList<string> benign, ISet<int>? skip)
        {
            var count = 0;
            for (var i = 0; i < benign.Count; i++)
            {
                if (skip?.Contains(i) == true)
                {
                    continue;
                }

                var verdict = _analyzer.Analyze(benign[i]);
                if (verdict.ThreatDetected)
                {
                    count++;
                    var learned = verdict.Findings.Where(f => f.RuleId.StartsWith("LP-", StringComparison.Ordinal)).ToArray();
                    if (_trace is not null && learned.Length > 0)
                    {
                        _trace.WriteLine($"benign flagged by learned pattern(s) {string.Join(", ", learned.Select(f => $"\"{f.Evidence}\""))}");
                    }
                }
            }

            return count;
        }

        private async Task SetPatternsAsync(IEnumerable<LearnedPattern> patterns, CancellationToken cancellationToken)
        {
            _store.Replace(patterns.DistinctBy(p => p.Id, StringComparer.Ordinal));
            await _cache.RefreshAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Benign texts reported as misses: how many make a live pattern, and what those would block.</summary>
        private async Task<ProbeResult> ProbeAsync(IReadOnlyList<string> benign, int count, CancellationToken cancellationToken)
        {
            count = Math.Min(count, benign.Count);
            var step = benign.Count / count;
            var probed = new HashSet<int>();
            var patterns = new List<LearnedPattern>();
            var withLive = 0;
            for (var k = 0; k < count; k++)
            {
                var i = k * step;
                probed.Add(i);
                await SetPatternsAsync([], cancellationToken).ConfigureAwait(false);
                var report = new MissReport($"probe-{i}", benign[i], "learn-sim", "jailbreak", Severity.High, DateTimeOffset.UtcNow);
                var outcome = await _pipeline.RunAsync(report, cancellationToken).ConfigureAwait(false);
                var live = outcome.Saved.Where(p => p.Status == PatternStatus.Active).ToArray();
                if (live.Length > 0)
                {
                    _trace?.WriteLine($"benign probe {i} made {live.Length} live patterns, e.g. \"{live[0].Text}\": {benign[i][..Math.Min(160, benign[i].Length)]}");
                    withLive++;
                    patterns.AddRange(live);
                }
            }

            await SetPatternsAsync([], cancellationToken).ConfigureAwait(false);
            var before = FalsePositives(benign, probed);
            await SetPatternsAsync(patterns, cancellationToken).ConfigureAwait(false);
            var after = FalsePositives(benign, probed);
            await SetPatternsAsync([], cancellationToken).ConfigureAwait(false);
            return new ProbeResult(count, withLive, patterns.Count, benign.Count - probed.Count, before, after);
        }
    }

    internal sealed record FamilyResult(string Family, int Members, int Missed, double? RecallAfter1, double? RecallAfter3, int Live1, int Live3);

    internal sealed record ProbeResult(int Reported, int WithLivePattern, int LivePatterns, int Others, int BlockedBefore, int BlockedAfter);

    internal sealed record SimResult(
        IReadOnlyList<FamilyResult> Families,
        int BenignCount,
        int FalsePositivesBefore,
        int FalsePositivesAfter1,
        int? FalsePositivesAfter3,
        int Patterns1,
        int Patterns3,
        IReadOnlyList<double> ReportToLiveMillis,
        ProbeResult? Probe,
        double Seconds)
    {
        public IEnumerable<FamilyResult> Measured1 => Families.Where(f => f.RecallAfter1 is not null);

        public IEnumerable<FamilyResult> Measured3 => Families.Where(f => f.RecallAfter3 is not null);

        public double? MeanRecall1 => Measured1.Any() ? Measured1.Average(f => f.RecallAfter1!.Value) : null;

        public double? MeanRecall3 => Measured3.Any() ? Measured3.Average(f => f.RecallAfter3!.Value) : null;

        public double FprBefore => Rate(FalsePositivesBefore);

        public double FprAfter1 => Rate(FalsePositivesAfter1);

        public double? FprAfter3 => FalsePositivesAfter3 is { } n ? Rate(n) : null;

        public double P50 => Percentile(0.50);

        public double P95 => Percentile(0.95);

        private double Rate(int n) => BenignCount == 0 ? 0 : (double)n / BenignCount;

        private double Percentile(double q)
        {
            if (ReportToLiveMillis.Count == 0)
            {
                return 0;
            }

            var sorted = ReportToLiveMillis.Order().ToArray();
            var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }

        public void Print(TextWriter w)
        {
            var ci = CultureInfo.InvariantCulture;
            w.WriteLine(string.Create(ci, $"{"family",-52} {"members",7} {"missed",6} {"live1",5} {"recall1",8} {"live3",5} {"recall3",8}"));
            foreach (var f in Families)
            {
                w.WriteLine(string.Create(ci,
                    $"{Trim(f.Family),-52} {f.Members,7} {f.Missed,6} {f.Live1,5} {Pct(f.RecallAfter1),8} {f.Live3,5} {Pct(f.RecallAfter3),8}"));
            }

            w.WriteLine();
            w.WriteLine(string.Create(ci, $"families measured after 1 report: {Measured1.Count()} (of {Families.Count}); mean recall on unseen missed siblings: {Pct(MeanRecall1)}"));
            w.WriteLine(string.Create(ci, $"families measured after 3 reports: {Measured3.Count()}; mean recall: {Pct(MeanRecall3)}"));
            w.WriteLine(string.Create(ci, $"benign false positives ({BenignCount} texts): before {FalsePositivesBefore} ({FprBefore:P2}), after 1 report/family {FalsePositivesAfter1} ({FprAfter1:P2}, {(FprAfter1 - FprBefore) * 100:+0.00;-0.00} points, {Patterns1} patterns live)"));
            if (FprAfter3 is { } f3)
            {
                w.WriteLine(string.Create(ci, $"  after 3 reports/family {FalsePositivesAfter3} ({f3:P2}, {(f3 - FprBefore) * 100:+0.00;-0.00} points, {Patterns3} patterns live)"));
            }

            w.WriteLine(string.Create(ci, $"report-to-live (in-process): p50 {P50:F1} ms, p95 {P95:F1} ms over {ReportToLiveMillis.Count} reports"));
            if (Probe is { } p)
            {
                w.WriteLine(string.Create(ci,
                    $"benign texts reported as misses: {p.WithLivePattern}/{p.Reported} made a live pattern ({p.LivePatterns} patterns); on the other {p.Others} benign texts they would flag {p.BlockedAfter - p.BlockedBefore} more ({p.BlockedBefore} -> {p.BlockedAfter})"));
            }

            w.WriteLine(string.Create(ci, $"elapsed {Seconds:F1} s"));
        }

        public JsonObject ToJson() => new()
        {
            ["families"] = new JsonArray(Families.Select(f => (JsonNode)new JsonObject
            {
                ["family"] = f.Family,
                ["members"] = f.Members,
                ["missed"] = f.Missed,
                ["recallAfter1"] = f.RecallAfter1,
                ["recallAfter3"] = f.RecallAfter3,
                ["livePatterns1"] = f.Live1,
                ["livePatterns3"] = f.Live3,
            }).ToArray()),
            ["meanRecallAfter1"] = MeanRecall1,
            ["meanRecallAfter3"] = MeanRecall3,
            ["familiesMeasured1"] = Measured1.Count(),
            ["familiesMeasured3"] = Measured3.Count(),
            ["benignTexts"] = BenignCount,
            ["benignFalsePositiveRateBefore"] = FprBefore,
            ["benignFalsePositiveRateAfter1"] = FprAfter1,
            ["benignFalsePositiveRateAfter3"] = FprAfter3,
            ["fprDeltaPointsAfter1"] = Math.Round((FprAfter1 - FprBefore) * 100, 4),
            ["fprDeltaPointsAfter3"] = FprAfter3 is { } f3 ? Math.Round((f3 - FprBefore) * 100, 4) : null,
            ["reportToLiveMsP50"] = Math.Round(P50, 2),
            ["reportToLiveMsP95"] = Math.Round(P95, 2),
            ["benignProbe"] = Probe is { } p
                ? new JsonObject
                {
                    ["reported"] = p.Reported,
                    ["withLivePattern"] = p.WithLivePattern,
                    ["livePatterns"] = p.LivePatterns,
                    ["otherBenignTexts"] = p.Others,
                    ["flaggedBefore"] = p.BlockedBefore,
                    ["flaggedAfter"] = p.BlockedAfter,
                }
                : null,
            ["seconds"] = Math.Round(Seconds, 2),
        };

        private static string Pct(double? v) => v is { } x ? x.ToString("P1", CultureInfo.InvariantCulture) : "-";

        private static string Trim(string s) => s.Length <= 52 ? s : s[..51] + "…";
    }
}
