namespace Soc.Core.Learning.Variations;

/// <summary>Replaces trigger words with synonyms from <see cref="SynonymTable"/> (ignore → disregard, instructions → rules, ...).</summary>
public sealed class SynonymTechnique : IVariationTechnique
{
    public const string TechniqueName = "synonyms";

    public string Name => TechniqueName;

    public Variation? Next(string text, Random random, int round)
    {
        var spans = WordSpans.Find(text);
        var replaceable = new List<int>();
        for (var k = 0; k < spans.Count; k++)
        {
            if (SynonymTable.For(text.Substring(spans[k].Start, spans[k].Length)).Count > 0)
            {
                replaceable.Add(k);
            }
        }

        if (replaceable.Count == 0)
        {
            return null;
        }

        // Replace about half of the trigger words (at least one), so the rewrites differ from one another.
        var chosen = new HashSet<int>();
        foreach (var k in replaceable)
        {
            if (random.NextDouble() < 0.5)
            {
                chosen.Add(k);
            }
        }

        if (chosen.Count == 0)
        {
            chosen.Add(replaceable[random.Next(replaceable.Count)]);
        }

        var result = WordSpans.Rewrite(text, spans, chosen, (word, _) =>
        {
            var options = SynonymTable.For(word);
            return MatchCase(word, options[random.Next(options.Count)]);
        });
        return new Variation(result, TechniqueName);
    }

    private static string MatchCase(string original, string replacement)
    {
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
        {
            return replacement.ToUpperInvariant();
        }

        return char.IsUpper(original[0]) ? char.ToUpperInvariant(replacement[0]) + replacement[1..] : replacement;
    }
}
