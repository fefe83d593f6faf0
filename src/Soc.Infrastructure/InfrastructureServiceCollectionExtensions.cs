using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Patterns;
using Soc.Infrastructure.Patterns;
using Soc.Infrastructure.Storage;

namespace Soc.Infrastructure;

public static class InfrastructureServiceCollectionExtensions
{
    /// <summary>Table Storage: the table factory, health probe and the stores the engine's ports need.</summary>
    public static IServiceCollection AddTableStores(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton<TableStorage>();
        services.TryAddSingleton<StorageHealth>();
        services.TryAddSingleton<TablePatternStore>();
        services.Replace(ServiceDescriptor.Singleton<IPatternStore>(sp => sp.GetRequiredService<TablePatternStore>()));
        services.Replace(ServiceDescriptor.Singleton<IPatternRepository>(sp => sp.GetRequiredService<TablePatternStore>()));
        return services;
    }
}
