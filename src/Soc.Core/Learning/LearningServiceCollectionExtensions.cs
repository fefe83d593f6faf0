using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Classifier.Learning;
using Soc.Core.Learning;
using Soc.Core.Learning.Corpus;
using Soc.Core.Learning.Extraction;
using Soc.Core.Learning.Gate;
using Soc.Core.Learning.Variations;

namespace Soc.Core;

public static class LearningServiceCollectionExtensions
{
    /// <summary>
    /// Incremental learning: options (section <c>Learning</c>), the variation generators (rules, plus the AI model
    /// when one is registered as <see cref="IAiVariationModel"/>), the n-gram extractor, the benign corpus (built-in
    /// plus every registered <see cref="ITenantBenignSamples"/>), the promotion gate and the in-process pipeline.
    /// Needs <c>AddSocCore</c> (normaliser, analyzer, pattern store).
    /// </summary>
    public static IServiceCollection AddSocLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LearningOptions>()
            .Bind(configuration.GetSection(LearningOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new RuleVariationGenerator());
        services.TryAddSingleton<IVariationGenerator, CompositeVariationGenerator>();
        services.TryAddSingleton<IPatternExtractor, NgramPatternExtractor>();
        services.TryAddSingleton<IBenignCorpus, BenignCorpus>();
        services.TryAddSingleton<IPromotionGate, PromotionGate>();
        services.TryAddSingleton<LearningPipeline>();
        services.AddClassifierLearning();
        return services;
    }
}
