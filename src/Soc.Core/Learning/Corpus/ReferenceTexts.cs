using System.Collections.Frozen;
using Soc.Core.Normalization;
using Soc.Core.Rules;

namespace Soc.Core.Learning.Corpus;

/// <summary>
/// The project's own reference texts, embedded in the assembly: ordinary chatbot messages (the benign corpus the
/// promotion gate checks every candidate against) and prompt attacks (which an allow-list entry must never match).
/// </summary>
public static class ReferenceTexts
{
    private static readonly Lazy<IReadOnlyList<string>> BenignTexts = new(() => Load("benign-corpus.txt"));
    private static readonly Lazy<IReadOnlyList<string>> AttackTexts = new(() =>
        Load("attack-reference.txt").Concat(RuleCatalog.BuiltIn.Rules.SelectMany(r => r.Examples.Match)).Distinct(StringComparer.Ordinal).ToArray());

    private static readonly Lazy<FrozenDictionary<string, int>> DocumentFrequency = new(() =>
    {
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in Benign)
        {
            foreach (var word in Tokenizer.Tokenize(TextNormalizer.Canonicalize(text)).Select(t => t.Value).Distinct(StringComparer.Ordinal))
            {
                df[word] = df.GetValueOrDefault(word) + 1;
            }
        }

        return df.ToFrozenDictionary(StringComparer.Ordinal);
    });

    /// <summary>The built-in benign corpus: several hundred ordinary messages across domains and languages.</summary>
    public static IReadOnlyList<string> Benign => BenignTexts.Value;

    /// <summary>Known attack texts: the built-in attack reference plus every rule's must-match examples.</summary>
    public static IReadOnlyList<string> Attacks => AttackTexts.Value;

    /// <summary>In how many built-in benign texts a canonical word occurs.</summary>
    public static int BenignDocumentFrequency(string word) => DocumentFrequency.Value.GetValueOrDefault(word);

    private static string[] Load(string name)
    {
        var resource = "Soc.Core.Learning.Corpus." + name;
        using var stream = typeof(ReferenceTexts).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines.ToArray();
    }
}
