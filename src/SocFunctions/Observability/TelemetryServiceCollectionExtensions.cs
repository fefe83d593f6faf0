using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;

namespace SocFunctions.Observability;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>Set by infra/app/api.bicep; absent locally, where logs stay on the console.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary><c>ClientId=&lt;guid&gt;;Authorization=AAD</c>: the Functions host's format for Entra ID ingestion.</summary>
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// OpenTelemetry traces, metrics and logs from the worker to Application Insights, only when a connection string is
    /// configured. Logs keep their event ids and structured properties (customDimensions), which is what the decision
    /// record and the KQL in the README rely on.
    /// </summary>
    public static IServiceCollection AddSocTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return services;
        }

        var credential = CredentialFor(configuration[AuthenticationStringSetting]);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                // Traces may be sampled, but every log record is kept: the decision records are an audit trail.
                options.EnableTraceBasedLogsSampler = false;
                if (credential is not null)
                {
                    options.Credential = credential;
                }
            });
        return services;
    }

    /// <summary>
    /// The credential an authentication string asks for: the user-assigned identity when it names a client id, the
    /// default chain for <c>Authorization=AAD</c> alone, none (instrumentation key) otherwise.
    /// </summary>
    internal static TokenCredential? CredentialFor(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        string? clientId = null;
        var aad = false;
        foreach (var part in authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                continue;
            }

            var key = part[..eq].Trim();
            var value = part[(eq + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                aad = value.Equals("AAD", StringComparison.OrdinalIgnoreCase);
            }
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && value.Length > 0)
            {
                clientId = value;
            }
        }

        if (!aad)
        {
            return null;
        }

        return clientId is null
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
