using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Learning;
using Soc.Infrastructure.Learning;
using SocFunctions.Learning.Interim;

namespace SocFunctions.Learning;

public static class LearningFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The learning loop's functions: webhook verification, options, stores, events. The algorithms (variations,
    /// extraction, gate, benign corpus) are registered with TryAdd, so an implementation registered earlier wins.
    /// </summary>
    public static IServiceCollection AddLearningFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LearningFlowOptions>().Bind(configuration.GetSection(LearningFlowOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LearningWebhookOptions>().Bind(configuration.GetSection(LearningWebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookVerifier>();
        services.TryAddSingleton<LearningEvents>();
        services.AddLearningStores();

        // Interim algorithms: replaced by the algorithms' AddSocLearning when that is registered first.
        services.TryAddSingleton<IVariationGenerator, InterimVariationGenerator>();
        services.TryAddSingleton<IPatternExtractor, InterimPatternExtractor>();
        services.TryAddSingleton<IBenignCorpus, InterimBenignCorpus>();
        services.TryAddSingleton<IPromotionGate, InterimPromotionGate>();
        return services;
    }
}
