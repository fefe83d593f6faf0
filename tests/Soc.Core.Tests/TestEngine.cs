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
    public static ThreatAnalyzer Create(int paranoia = 1, IPatternSnapshotSource? patterns = null, DetectionOptions? options = null)
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
