namespace Soc.Infrastructure.Storage;

/// <summary>App settings section <c>Storage</c>: where the app's tables live.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// A storage connection string. Empty: the app uses <c>AzureWebJobsStorage</c>, or <see cref="TableServiceUri"/>
    /// with managed identity when that is set.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table endpoint for identity-based access (for example <c>https://acct.table.core.windows.net</c>).</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>Prefix of every table the app creates, so several apps can share an account.</summary>
    public string TablePrefix { get; set; } = "soc";
}
