using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Classifier;
using Soc.Core.Detection;
using Soc.Core.Detection.Detectors;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using Soc.Core.Events;
using Soc.Core.Rules;
using Soc.Core.Security;

namespace Soc.Core;

public static class SocCoreServiceCollectionExtensions
{
    /// <summary>The engine: options, normaliser, detectors, analyzer and the pattern snapshot cache.</summary>
    public static IServiceCollection AddSocCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DetectionOptions>().Bind(configuration.GetSection(DetectionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PatternRefreshOptions>().Bind(configuration.GetSection(PatternRefreshOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(_ => RuleCatalog.BuiltIn);
        services.TryAddSingleton<ITextNormalizer, TextNormalizer>();
        services.AddSingleton<IDetector, InstructionOverrideDetector>();
        services.AddSingleton<IDetector, SecretExtractionDetector>();
        services.AddSingleton<IDetector, LearnedPatternDetector>();
        services.AddSocClassifier();
        services.TryAddSingleton<IThreatAnalyzer, ThreatAnalyzer>();

        // Offline default; AddTableStores replaces it with Table Storage.
        services.TryAddSingleton<InMemoryPatternStore>();
        services.TryAddSingleton<IPatternStore>(sp => sp.GetRequiredService<InMemoryPatternStore>());
        services.TryAddSingleton<IPatternRepository>(sp => sp.GetRequiredService<InMemoryPatternStore>());
        services.TryAddSingleton<PatternSnapshotCache>();
        services.TryAddSingleton<IPatternSnapshotSource>(sp => sp.GetRequiredService<PatternSnapshotCache>());
        services.AddHostedService<PatternSnapshotRefresher>();

        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.SectionName));
        services.TryAddSingleton<IApiKeyValidator, ConfiguredApiKeyValidator>();
        services.TryAddSingleton<IEventPublisher, LoggingEventPublisher>();
        return services;
    }
}
