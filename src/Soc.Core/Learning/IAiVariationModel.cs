namespace Soc.Core.Learning;

/// <summary>
/// A language model that rewrites a reported text into variations (Azure OpenAI in Soc.Infrastructure). Optional:
/// when none is registered, or when it fails, the rule generators make every variation.
/// </summary>
public interface IAiVariationModel
{
    /// <summary>Up to <paramref name="count"/> rewrites of the report's text. Throws on any failure; the caller falls back.</summary>
    Task<IReadOnlyList<string>> GenerateAsync(MissReport report, int count, CancellationToken cancellationToken);
}
