using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Infrastructure.Tenants;
using SocFunctions.Http;

namespace SocFunctions.Middleware;

public static class ProtectionApiServiceCollectionExtensions
{
    /// <summary>Tenants, usage, rate limits, sessions and the protected chat, with the management API's guard.</summary>
    public static IServiceCollection AddSocProtectionApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSocProtection(configuration);
        services.AddOptions<CorsSettings>().Bind(configuration.GetSection(CorsSettings.SectionName));
        services.TryAddSingleton<AdminKeyGuard>();
        return services;
    }
}
