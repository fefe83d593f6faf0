using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Soc.Core.Classifier;
using Soc.Core.Detection;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Core.Rules;

namespace Soc.Core.Tests;

/// <summary>Builds the engine the way the app does, without a container.</summary>
internal static class TestEngine
{
    /// <summary>
    /// The engine with default settings, built once and shared: the analyzer is a stateless singleton in the app too,
    /// and building the detectors' indexes and the normaliser's word lists for each of ten thousand test cases cost
    /// most of the suite's time.
    /// </summary>
    private static readonly Lazy<ThreatAnalyzer> DefaultEngine = new(() => Build(1, null, null));

    public static ThreatAnalyzer Create(int paranoia = 1, IPatternSnapshotSource? patterns = null, DetectionOptions? options = null) =>
        paranoia == 1 && patterns is null && options is null ? DefaultEngine.Value : Build(paranoia, patterns, options);

    private static ThreatAnalyzer Build(int paranoia, IPatternSnapshotSource? patterns, DetectionOptions? options)
    {
        options ??= new DetectionOptions();
        options.ParanoiaLevel = paranoia;
        var catalog = RuleCatalog.BuiltIn;
        var detectors = SocCoreServiceCollectionExtensions.CreateBuiltInDetectors(catalog);
        return new ThreatAnalyzer(new TextNormalizer(catalog), detectors, patterns ?? new FixedSnapshot(PatternSnapshot.Empty), Options.Create(options));
    }

    public static PatternSnapshotCache Cache(IPatternStore store) => new(store, NullLogger<PatternSnapshotCache>.Instance);

    public sealed class FixedSnapshot(PatternSnapshot snapshot) : IPatternSnapshotSource
    {
        public PatternSnapshot Current { get; } = snapshot;
    }
}
