using System.ComponentModel.DataAnnotations;

namespace Soc.Infrastructure.OpenAI;

/// <summary>
/// App settings section <c>OpenAI</c>: the Azure OpenAI deployment that writes attack variations. Learning uses it only
/// when <see cref="Endpoint"/> and <see cref="Deployment"/> are set; without <see cref="ApiKey"/> it signs in with the
/// app's managed identity (DefaultAzureCredential).
/// </summary>
public sealed class OpenAIOptions
{
    public const string SectionName = "OpenAI";

    /// <summary>The resource endpoint, for example <c>https://my-resource.openai.azure.com/</c>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The chat model deployment name.</summary>
    public string? Deployment { get; set; }

    /// <summary>API key; empty means managed identity.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time one call may take before it is abandoned (seconds); the rules take over after the retries.</summary>
    [Range(1, 300)]
    public double TimeoutSeconds { get; set; } = 20;

    /// <summary>Retries after a failed call (HTTP 408/429/5xx, network errors, timeouts).</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 1;

    /// <summary>Sampling temperature for the rewrites.</summary>
    [Range(0.0, 2.0)]
    public double Temperature { get; set; } = 0.9;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);
}
