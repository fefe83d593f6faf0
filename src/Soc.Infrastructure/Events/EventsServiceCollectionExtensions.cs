using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Events;
using Soc.Infrastructure.WebPubSub;

namespace Soc.Infrastructure.Events;

public static class EventsServiceCollectionExtensions
{
    /// <summary>
    /// Events: stored in Table Storage, then streamed to the dashboard group over Web PubSub (when configured),
    /// replacing the engine's logging-only publisher.
    /// </summary>
    public static IServiceCollection AddEventPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebPubSubOptions>().Bind(configuration.GetSection(WebPubSubOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebPubSubService, WebPubSubServiceClient>();
        services.TryAddSingleton<IEventStore, TableEventStore>();
        services.TryAddSingleton<EventDispatchQueue>();
        services.TryAddSingleton<DashboardMetricsService>();
        services.Replace(ServiceDescriptor.Singleton<IEventPublisher, StoringEventPublisher>());
        services.AddHostedService<EventDispatcher>();
        return services;
    }
}
