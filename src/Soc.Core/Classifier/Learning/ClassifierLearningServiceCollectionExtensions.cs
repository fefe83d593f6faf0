using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Learning;

namespace Soc.Core.Classifier.Learning;

public static class ClassifierLearningServiceCollectionExtensions
{
    /// <summary>
    /// The learning rate made real: reports are stored as examples (in memory unless a shared
    /// <see cref="IClassifierExampleStore"/> was registered first) and every instance replays them onto its model
    /// when the pattern-set version changes.
    /// </summary>
    public static IServiceCollection AddClassifierLearning(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClassifierModelHolder>();
        services.TryAddSingleton<IClassifierExampleStore, InMemoryClassifierExampleStore>();
        services.TryAddSingleton<ReplayingClassifierUpdater>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IClassifierUpdater, ReplayingClassifierUpdater>(sp => sp.GetRequiredService<ReplayingClassifierUpdater>()));
        services.TryAddSingleton<ClassifierReplay>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ClassifierReplayService>());
        return services;
    }
}
