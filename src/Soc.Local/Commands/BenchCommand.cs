using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core;
using Soc.Core.Detection;
using Soc.Core.Evaluation;
using Soc.Core.Patterns;

namespace Soc.Local.Commands;

/// <summary>
/// <c>soc bench</c>: a quick in-process latency and throughput measure of the engine on one thread, with 0 and N
/// learned patterns loaded (BenchmarkDotNet in bench/Soc.Benchmarks is the rigorous version).
/// </summary>
public sealed class BenchCommand : ISocCommand
{
    public string Name => "bench";

    public string Summary => "measure engine latency (p50/p99) and throughput on one thread, with 0 and N learned patterns";

    public string Usage => """
        usage: soc bench [--data DIR] [--seconds 3] [--patterns 10000] [--json]

          Times every Analyze call on one thread over the "text" of every *.jsonl in DIR (default ../shared/datasets/dev;
          without it, a built-in message of median dev length), for --seconds per configuration after a warm-up:
          the whole corpus, the median-length message alone, and a 100 KB message, each with no learned patterns and
          with --patterns synthetic ones loaded.
        """;

    public Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var data = args.Option("data") ?? LabeledData.DefaultDevDirectory();
        var seconds = args.Double("seconds", 3, 0.1, 120);
        var patternCount = args.Int("patterns", 10_000, 1, 1_000_000);
        var json = args.Flag("json");
        args.EnsureNoUnknown();
        var corpus = Directory.Exists(data) ? BenchmarkWorkload.ReadTexts(data) : [];
        var median = BenchmarkWorkload.MedianMessage(corpus);
        var large = BenchmarkWorkload.LargeMessage();
        var rows = new List<BenchRow>();
        foreach (var patterns in new[] { 0, patternCount })
        {
            var analyzer = CreateAnalyzer(new PatternSnapshot(1, BenchmarkWorkload.SyntheticPatterns(patterns)));
            if (corpus.Count > 0)
            {
                rows.Add(Measure("dev corpus", patterns, analyzer, corpus, seconds, cancellationToken));
            }

            rows.Add(Measure($"median message ({median.Length} chars)", patterns, analyzer, [median], seconds, cancellationToken));
            rows.Add(Measure($"large message ({large.Length / 1024} KB)", patterns, analyzer, [large], Math.Min(seconds, 2), cancellationToken));
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { corpus = corpus.Count, rows }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }));
        }
        else
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"soc bench: one thread, {seconds:0.#} s per row, corpus {corpus.Count} messages ({(corpus.Count > 0 ? data : "built-in message")})"));
            Console.WriteLine();
            Console.WriteLine("| workload | learned patterns | calls | p50 µs | p99 µs | mean µs | msgs/s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Workload} | {r.Patterns} | {r.Calls} | {r.P50Micros:0.0} | {r.P99Micros:0.0} | {r.MeanMicros:0.0} | {r.MessagesPerSecond:0} |"));
            }
        }

        return Task.FromResult(0);
    }

    private static IThreatAnalyzer CreateAnalyzer(PatternSnapshot snapshot)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPatternSnapshotSource>(new FixedSnapshot(snapshot));
        services.AddSocCore(new ConfigurationBuilder().Build());
        return services.BuildServiceProvider().GetRequiredService<IThreatAnalyzer>();
    }

    private static BenchRow Measure(string workload, int patterns, IThreatAnalyzer analyzer, IReadOnlyList<string> messages, double seconds, CancellationToken cancellationToken)
    {
        // Warm-up: enough calls for tiered JIT to settle.
        var warm = Stopwatch.StartNew();
        for (var i = 0; warm.Elapsed.TotalSeconds < Math.Min(1, seconds / 2) || i < 50; i++)
        {
            analyzer.Analyze(messages[i % messages.Count]);
        }

        var samples = new List<double>(1 << 16);
        var total = Stopwatch.StartNew();
        for (var i = 0; total.Elapsed.TotalSeconds < seconds; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            analyzer.Analyze(messages[i % messages.Count]);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
        }

        var summary = LatencySummary.From(samples);
        return new BenchRow(workload, patterns, samples.Count, Math.Round(summary.P50, 1), Math.Round(summary.P99, 1), Math.Round(summary.Mean, 1),
            Math.Round(samples.Count / (samples.Sum() / 1e6)));
    }

    private sealed record BenchRow(string Workload, int Patterns, int Calls, double P50Micros, double P99Micros, double MeanMicros, double MessagesPerSecond);

    private sealed class FixedSnapshot(PatternSnapshot snapshot) : IPatternSnapshotSource
    {
        public PatternSnapshot Current { get; } = snapshot;
    }
}
