using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Soc.Infrastructure.Learning;

public static class LearningStoresServiceCollectionExtensions
{
    /// <summary>Table Storage stores of the learning loop: received reports and tenant benign samples.</summary>
    public static IServiceCollection AddLearningStores(this IServiceCollection services)
    {
        services.TryAddSingleton<ILearningReportStore, TableLearningReportStore>();
        services.TryAddSingleton<IBenignSampleStore, TableBenignSampleStore>();
        return services;
    }
}
