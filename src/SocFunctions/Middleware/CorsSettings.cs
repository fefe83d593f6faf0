using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace SocFunctions.Middleware;

/// <summary>
/// App settings section <c>Cors</c>: the browser origins (the dashboard) allowed to call the API. Browsers send
/// credentials here only as headers (<c>X-Api-Key</c>), never cookies, and CORS is answered without
/// <c>Access-Control-Allow-Credentials</c>: another site can neither ride on a session nor read an answer, which is
/// this design's form of the seed's CSRF protection. In Azure the Functions platform CORS takes the same list
/// (infra sets it); the local dev host applies it with ASP.NET Core's CORS middleware.
/// </summary>
public sealed class CorsSettings
{
    public const string SectionName = "Cors";
    public const string PolicyName = "soc-dashboard";

    /// <summary>Allowed origins, separated by <c>,</c> or <c>;</c> (for example <c>http://127.0.0.1:7071</c>).</summary>
    public string AllowedOrigins { get; set; } = string.Empty;

    public string[] Origins() => AllowedOrigins
        .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(o => o.TrimEnd('/'))
        .ToArray();
}

public static class CorsSettingsExtensions
{
    /// <summary>The dev host's CORS policy from <c>Cors__AllowedOrigins</c> (header credentials only, no cookies).</summary>
    public static IServiceCollection AddSocCors(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        services.AddCors(o => o.AddPolicy(CorsSettings.PolicyName, p => p
            .WithOrigins(settings.Origins())
            .WithMethods("GET", "POST")
            .WithHeaders("Content-Type", "X-Api-Key")
            .WithExposedHeaders("Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }

    public static IApplicationBuilder UseSocCors(this IApplicationBuilder app) => app.UseCors(CorsSettings.PolicyName);
}
