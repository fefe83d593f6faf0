using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Classifier.Learning;
using Soc.Core.Learning;
using Soc.Infrastructure.Learning;
using Soc.Core;
using Soc.Core.Learning.Corpus;

namespace SocFunctions.Learning;

public static class LearningFunctionsServiceCollectionExtensions
{
    /// <summary>
    /// The learning loop's functions: webhook verification, options, stores, events. The algorithms (variations,
    /// extraction, gate, benign corpus) are registered with TryAdd, so an implementation registered earlier wins.
    /// </summary>
    public static IServiceCollection AddLearningFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LearningWebhookOptions>().Bind(configuration.GetSection(LearningWebhookOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookVerifier>();
        services.TryAddSingleton<LearningEvents>();
        services.AddLearningStores();
        services.TryAddSingleton<IClassifierExampleStore, TableClassifierExampleStore>();

        // The algorithms (variations, extraction, gate, corpus); tenant uploads feed the benign corpus.
        services.AddSocLearning(configuration);
        services.AddSingleton<ITenantBenignSamples>(sp => (TableBenignSampleStore)sp.GetRequiredService<IBenignSampleStore>());
        return services;
    }
}
