namespace Soc.Core.Learning.Corpus;

/// <summary>Benign samples a tenant uploaded (Table Storage in the app). Register any number; all are consulted.</summary>
public interface ITenantBenignSamples
{
    Task<IReadOnlyList<string>> GetAsync(string tenantId, CancellationToken cancellationToken);
}

/// <summary>The benign corpus the gate checks: the built-in reference texts plus the tenant's uploads.</summary>
public sealed class BenignCorpus(IEnumerable<ITenantBenignSamples> tenantSources) : IBenignCorpus
{
    public async Task<IReadOnlyList<string>> GetAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(tenantId))
        {
            return ReferenceTexts.Benign;
        }

        var all = new List<string>(ReferenceTexts.Benign);
        foreach (var source in tenantSources)
        {
            all.AddRange(await source.GetAsync(tenantId, cancellationToken).ConfigureAwait(false));
        }

        return all;
    }
}
