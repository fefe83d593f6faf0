using System.Text;

namespace Soc.Core.Learning.Variations;

/// <summary>
/// Hides words from naive matching: spacing inside words, case changes, leet digits, homoglyphs (look-alike Cyrillic
/// and Greek letters) and zero-width characters. Touches the trigger words and a share of the other words.
/// </summary>
public sealed class ObfuscationTechnique : IVariationTechnique
{
    public const string TechniqueName = "obfuscation";

    private static readonly string[] Kinds = ["spacing", "case", "leet", "homoglyph", "zero-width", "mixed"];

    private static readonly Dictionary<char, char> Leet = new()
    {
        ['a'] = '4', ['e'] = '3', ['i'] = '1', ['o'] = '0', ['s'] = '5', ['t'] = '7', ['l'] = '1', ['g'] = '9', ['b'] = '8',
    };

    private static readonly Dictionary<char, char> Homoglyphs = new()
    {
        ['a'] = '\u0430', ['c'] = '\u0441', ['e'] = '\u0435', ['i'] = '\u0456', ['o'] = '\u043E', ['p'] = '\u0440',
        ['x'] = '\u0445', ['y'] = '\u0443', ['s'] = '\u0455', ['j'] = '\u0458', ['A'] = '\u0391', ['B'] = '\u0392',
        ['E'] = '\u0395', ['H'] = '\u0397', ['I'] = '\u0399', ['K'] = '\u039A', ['M'] = '\u039C', ['N'] = '\u039D',
        ['O'] = '\u039F', ['P'] = '\u03A1', ['T'] = '\u03A4', ['X'] = '\u03A7', ['Y'] = '\u03A5',
    };

    private static readonly char[] ZeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];

    private static readonly string[] Separators = [" ", ".", "-", "_", "*"];

    public string Name => TechniqueName;

    public Variation? Next(string text, Random random, int round)
    {
        var spans = WordSpans.Find(text);
        if (spans.Count == 0)
        {
            return null;
        }

        // Cycle through the kinds so a handful of variations show several of them; the word choice stays random.
        var kind = Kinds[round % Kinds.Length];
        var chosen = WordSpans.Choose(text, spans, random, share: 0.15, max: 24);
        string result = kind switch
        {
            "spacing" => WordSpans.Rewrite(text, spans, chosen, (w, _) => Spaced(w, Separators[random.Next(Separators.Length)])),
            "case" => RandomCase(text, random),
            "leet" => WordSpans.Rewrite(text, spans, chosen, (w, _) => Map(w, Leet, random, 0.7)),
            "homoglyph" => WordSpans.Rewrite(text, spans, chosen, (w, _) => Map(w, Homoglyphs, random, 0.6)),
            "zero-width" => WordSpans.Rewrite(text, spans, chosen, (w, _) => Invisible(w, random)),
            _ => WordSpans.Rewrite(RandomCase(text, random), spans, chosen, (w, _) => random.Next(3) switch
            {
                0 => Map(w, Leet, random, 0.5),
                1 => Map(w, Homoglyphs, random, 0.5),
                _ => Invisible(w, random),
            }),
        };
        return string.Equals(result, text, StringComparison.Ordinal) ? null : new Variation(result, $"{TechniqueName}:{kind}");
    }

    private static string Spaced(string word, string separator) => string.Join(separator, word.ToCharArray());

    private static string Map(string word, Dictionary<char, char> map, Random random, double probability)
    {
        var sb = new StringBuilder(word.Length);
        var changed = false;
        foreach (var c in word)
        {
            var lower = map.ContainsKey(c) ? c : char.ToLowerInvariant(c);
            if (map.TryGetValue(lower, out var replacement) && random.NextDouble() < probability)
            {
                sb.Append(replacement);
                changed = true;
            }
            else
            {
                sb.Append(c);
            }
        }

        if (!changed)
        {
            // Make sure the word really changes: replace its first mappable letter.
            for (var i = 0; i < word.Length; i++)
            {
                var lower = map.ContainsKey(word[i]) ? word[i] : char.ToLowerInvariant(word[i]);
                if (map.TryGetValue(lower, out var replacement))
                {
                    sb[i] = replacement;
                    break;
                }
            }
        }

        return sb.ToString();
    }

    private static string Invisible(string word, Random random)
    {
        if (word.Length < 2)
        {
            return word;
        }

        var sb = new StringBuilder(word.Length * 2);
        sb.Append(word[0]);
        for (var i = 1; i < word.Length; i++)
        {
            if (i == 1 || random.NextDouble() < 0.4)
            {
                sb.Append(ZeroWidth[random.Next(ZeroWidth.Length)]);
            }

            sb.Append(word[i]);
        }

        return sb.ToString();
    }

    private static string RandomCase(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsLetter(chars[i]))
            {
                chars[i] = random.Next(2) == 0 ? char.ToUpperInvariant(chars[i]) : char.ToLowerInvariant(chars[i]);
            }
        }

        return new string(chars);
    }
}
