using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Chat;
using Soc.Core.Security;
using Soc.Core.Sessions;
using Soc.Infrastructure.Chat;
using Soc.Infrastructure.RateLimiting;
using Soc.Infrastructure.Sessions;
using Soc.Infrastructure.Usage;

namespace Soc.Infrastructure.Tenants;

public static class ProtectionServiceCollectionExtensions
{
    /// <summary>
    /// Pay-per-call protection: tenants and hashed keys (alongside the bootstrap keys of <c>Api__Keys</c>), plans and
    /// usage, rate limits, session analysis and the protected chat. Needs <c>AddSocCore</c> and <c>AddTableStores</c>.
    /// </summary>
    public static IServiceCollection AddSocProtection(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TenantOptions>().Bind(configuration.GetSection(TenantOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.SectionName))
            .PostConfigure(o =>
            {
                // The seed's setting name works too.
                if (string.IsNullOrEmpty(o.SystemFlag))
                {
                    o.SystemFlag = configuration["SYSTEM_FLAG"] ?? string.Empty;
                }
            })
            .ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TableTenantStore>();
        services.TryAddSingleton<ITenantStore>(sp => sp.GetRequiredService<TableTenantStore>());
        services.TryAddSingleton<ConfiguredApiKeyValidator>();
        services.TryAddSingleton<TenantApiKeyValidator>();
        services.Replace(ServiceDescriptor.Singleton<IApiKeyValidator, CompositeApiKeyValidator>());

        services.TryAddSingleton<IRateLimitStore, TableRateLimitStore>();
        services.TryAddSingleton<IUsageStore, TableUsageStore>();
        services.TryAddSingleton<ISessionStore, TableSessionStore>();
        services.TryAddSingleton<SessionAnalyzer>();
        services.TryAddSingleton<ScreeningGate>();

        services.TryAddSingleton<LocalChatResponder>();
        services.TryAddSingleton<IChatResponder>(sp =>
        {
            var chat = configuration.GetSection(ChatOptions.SectionName);
            return string.IsNullOrWhiteSpace(chat["OpenAiEndpoint"]) || string.IsNullOrWhiteSpace(chat["OpenAiDeployment"])
                ? sp.GetRequiredService<LocalChatResponder>()
                : ActivatorUtilities.CreateInstance<AzureOpenAiChatResponder>(sp);
        });
        services.TryAddSingleton<ProtectedChat>();
        return services;
    }
}
