using Soc.Core.Normalization;

namespace SocFunctions.Learning;

/// <summary>Literal word-sequence matching over normalised views: how learned patterns match, with no regex involved.</summary>
public static class LiteralMatch
{
    /// <summary>The words of every view of a text.</summary>
    public static string[][] Views(ITextNormalizer normalizer, string text) =>
        normalizer.Normalize(text).Views.Select(v => v.Tokens.Select(t => t.Value).ToArray()).ToArray();

    /// <summary>True when <paramref name="words"/> occur contiguously in <paramref name="tokens"/>.</summary>
    public static bool Contains(IReadOnlyList<string> tokens, IReadOnlyList<string> words)
    {
        for (var i = 0; i + words.Count <= tokens.Count; i++)
        {
            var all = true;
            for (var k = 0; k < words.Count && all; k++)
            {
                all = string.Equals(tokens[i + k], words[k], StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }
}
