using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Detection;
using Soc.Core.Detection.Detectors;

namespace Soc.Core.Classifier;

public static class ClassifierServiceCollectionExtensions
{
    /// <summary>
    /// The statistical classifier detector with the embedded model. Register a <see cref="ClassifierModelHolder"/>
    /// first to start from another model.
    /// </summary>
    public static IServiceCollection AddSocClassifier(this IServiceCollection services)
    {
        services.TryAddSingleton<ClassifierModelHolder>();
        services.TryAddSingleton<IClassifierModelSource>(sp => sp.GetRequiredService<ClassifierModelHolder>());
        services.AddSingleton<IDetector, ClassifierDetector>();
        return services;
    }
}
