using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core;
using Soc.Core.Classifier;
using Soc.Core.Detection;
using Soc.Core.Evaluation;
using Soc.Core.Normalization;
using Soc.Core.Patterns;

namespace Soc.Benchmarks;

/// <summary>Short job (the machine is shared), with median, p95, max and throughput columns.</summary>
public sealed class HotPathConfig : ManualConfig
{
    public HotPathConfig()
    {
        AddJob(Job.ShortRun.WithId("short"));
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max, StatisticColumn.OperationsPerSecond);
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

/// <summary>
/// The screening hot path: the whole engine on a median-size dev message with 0 and 10,000 learned patterns, the
/// classifier alone, and a 100 KB message to show that work per message is bounded.
/// Reads the median message from shared/datasets/dev when present (walking up from the working directory or
/// SOC_DATASETS), else uses a built-in message of the same length.
/// </summary>
[Config(typeof(HotPathConfig))]
public class HotPathBenchmarks
{
    private IThreatAnalyzer _analyzer = null!;
    private ClassifierModel _model = null!;
    private NormalizedText _normalized = null!;
    private string _median = "";
    private string _large = "";

    [Params(0, 10_000)]
    public int LearnedPatterns { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = Environment.GetEnvironmentVariable("SOC_DATASETS") is { Length: > 0 } env
            ? Path.Combine(env, "dev")
            : BenchmarkWorkload.FindDevDatasets(Directory.GetCurrentDirectory()) ?? BenchmarkWorkload.FindDevDatasets(AppContext.BaseDirectory);
        var found = dir is not null && Directory.Exists(dir);
        _median = BenchmarkWorkload.MedianMessage(found ? BenchmarkWorkload.ReadTexts(dir!) : []);
        // Say which message is measured: a checkout that cannot see shared/datasets/dev measures the built-in one, whose
        // cost differs, so two commits are comparable only when both lines name the same source.
        Console.WriteLine(found
            ? $"// median message: the dev median from {dir} ({_median.Length} chars)"
            : $"// median message: built-in ({_median.Length} chars); no shared/datasets/dev found, set SOC_DATASETS to compare commits");
        _large = BenchmarkWorkload.LargeMessage();
        var snapshot = new PatternSnapshot(1, BenchmarkWorkload.SyntheticPatterns(LearnedPatterns));
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IPatternSnapshotSource>(new FixedSnapshot(snapshot));
        services.AddSocCore(new ConfigurationBuilder().Build());
        var provider = services.BuildServiceProvider();
        _analyzer = provider.GetRequiredService<IThreatAnalyzer>();
        _model = ClassifierModel.Embedded;
        _normalized = provider.GetRequiredService<ITextNormalizer>().Normalize(_median);
    }

    [Benchmark(Baseline = true, Description = "Analyze median message")]
    public Verdict AnalyzeMedian() => _analyzer.Analyze(_median);

    [Benchmark(Description = "Analyze 100 KB message")]
    public Verdict AnalyzeLarge() => _analyzer.Analyze(_large);

    [Benchmark(Description = "Classifier score, median message")]
    public ClassifierScore ClassifierMedian() => _model.Score(_normalized);

    private sealed class FixedSnapshot(PatternSnapshot snapshot) : IPatternSnapshotSource
    {
        public PatternSnapshot Current { get; } = snapshot;
    }
}
