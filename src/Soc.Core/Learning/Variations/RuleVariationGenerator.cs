using System.Text;

namespace Soc.Core.Learning.Variations;

/// <summary>
/// Variations from the rule techniques, taken in turn so every technique is represented. Deterministic for a report
/// id (the randomness is seeded from it) and free of duplicates. A false-positive report gets benign rewrites instead
/// of attack techniques.
/// </summary>
public sealed class RuleVariationGenerator : IVariationGenerator
{
    /// <summary>Most variations one call produces, whatever is asked.</summary>
    public const int MaxCount = 100;

    private readonly IVariationTechnique[] _attackTechniques;
    private readonly IVariationTechnique[] _benignTechniques;

    public RuleVariationGenerator()
        : this(
            [new RolePlayTechnique(), new SynonymTechnique(), new ObfuscationTechnique(), new EncodingTechnique(), new MultiStepTechnique()],
            [new BenignContextTechnique(), new SynonymTechnique()])
    {
    }

    public RuleVariationGenerator(IEnumerable<IVariationTechnique> attackTechniques, IEnumerable<IVariationTechnique> benignTechniques)
    {
        _attackTechniques = attackTechniques.ToArray();
        _benignTechniques = benignTechniques.ToArray();
        if (_attackTechniques.Length == 0 || _benignTechniques.Length == 0)
        {
            throw new ArgumentException("At least one technique of each kind is needed.");
        }
    }

    public Task<IReadOnlyList<Variation>> GenerateAsync(MissReport report, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Generate(report, count, []));

    /// <summary>Generates up to <paramref name="count"/> variations that differ from the report and from <paramref name="exclude"/>.</summary>
    public IReadOnlyList<Variation> Generate(MissReport report, int count, IEnumerable<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(report);
        count = Math.Clamp(count, 0, MaxCount);
        var techniques = report.FalsePositive ? _benignTechniques : _attackTechniques;
        var random = new Random(Seed(report.ReportId));
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal) { report.Message };
        var result = new List<Variation>(count);
        var rounds = new int[techniques.Length];
        var attempts = 0;
        var maxAttempts = (count * 12) + 20;
        while (result.Count < count && attempts < maxAttempts)
        {
            for (var t = 0; t < techniques.Length && result.Count < count; t++)
            {
                attempts++;
                var variation = techniques[t].Next(report.Message, random, rounds[t]++);
                if (variation is not null && seen.Add(variation.Text))
                {
                    result.Add(variation);
                }
            }
        }

        return result;
    }

    /// <summary>A seed that is the same for the same report id on every machine and run (FNV-1a, not string.GetHashCode).</summary>
    public static int Seed(string reportId)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(reportId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
