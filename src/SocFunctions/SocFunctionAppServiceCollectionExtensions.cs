using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core;
using Soc.Infrastructure;
using Soc.Infrastructure.Events;
using SocFunctions.Http;
using SocFunctions.Middleware;
using SocFunctions.Learning;

namespace SocFunctions;

public static class SocFunctionAppServiceCollectionExtensions
{
    /// <summary>
    /// The one composition root of the function app, shared by the Functions host (Program.cs) and the local dev
    /// host, so no wiring exists twice.
    /// </summary>
    public static IServiceCollection AddSocFunctionApp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSocCore(configuration);
        services.AddTableStores(configuration);
        services.AddHttpApi(configuration);
        services.AddEventPipeline(configuration);
        services.AddSocProtectionApi(configuration);
        services.AddLearningFunctions(configuration);
        return services;
    }
}
