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
        services.AddSocDetectors();
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

    /// <summary>The built-in detectors, one per detection method, in their default order.</summary>
    public static IServiceCollection AddSocDetectors(this IServiceCollection services)
    {
        services.AddSingleton<IDetector, InstructionOverrideDetector>();
        services.AddSingleton<IDetector, SystemPromptDetector>();
        services.AddSingleton<IDetector, SecretExtractionDetector>();
        services.AddSingleton<IDetector, JailbreakDetector>();
        services.AddSingleton<IDetector, ContextSwitchDetector>();
        services.AddSingleton<IDetector, CodeInjectionDetector>();
        services.AddSingleton<IDetector, SocialEngineeringDetector>();
        services.AddSingleton<IDetector, EncodingTricksDetector>();
        services.AddSingleton<IDetector, DelimiterInjectionDetector>();
        services.AddSingleton<IDetector, InvisibleCharactersDetector>();
        services.AddSingleton<IDetector, ManipulationToneDetector>();
        services.AddSingleton<IDetector, HarmfulRequestDetector>();
        services.AddSocClassifier();
        // Last: an allow-listed learned pattern may clear the findings of the detectors before it.
        services.AddSingleton<IDetector, LearnedPatternDetector>();
        return services;
    }

    /// <summary>The built-in detectors without a container (tests, benchmarks, CLI tools).</summary>
    public static IDetector[] CreateBuiltInDetectors(RuleCatalog catalog, ClassifierModelHolder? classifier = null) =>
    [
        new InstructionOverrideDetector(catalog),
        new SystemPromptDetector(catalog),
        new SecretExtractionDetector(catalog),
        new JailbreakDetector(catalog),
        new ContextSwitchDetector(catalog),
        new CodeInjectionDetector(catalog),
        new SocialEngineeringDetector(catalog),
        new EncodingTricksDetector(catalog),
        new DelimiterInjectionDetector(catalog),
        new InvisibleCharactersDetector(catalog),
        new ManipulationToneDetector(catalog),
        new HarmfulRequestDetector(catalog),
        new ClassifierDetector(classifier ?? new ClassifierModelHolder()),
        new LearnedPatternDetector(),
    ];
}
