using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Soc.Core.Learning;
using Soc.Infrastructure.OpenAI;

namespace Soc.Infrastructure;

public static class OpenAIServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Azure OpenAI variation model as <see cref="IAiVariationModel"/> when section <c>OpenAI</c> names an
    /// endpoint and a deployment; otherwise registers nothing and learning uses the rule generators alone.
    /// </summary>
    public static IServiceCollection AddAzureOpenAIVariations(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(OpenAIOptions.SectionName);
        services.AddOptions<OpenAIOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        var options = section.Get<OpenAIOptions>() ?? new OpenAIOptions();
        if (options.IsConfigured)
        {
            services.TryAddSingleton<IAiVariationModel, AzureOpenAIVariationModel>();
        }

        return services;
    }
}
