using System.Collections.Frozen;
using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Reads "algospeak" back as the words it stands for: the euphemisms people coined to get past platform filters
/// ("unalive" for kill, "sewer slide" for suicide, "pew pew" for a gun, "nose candy" for cocaine, "yeet" for throw),
/// so rules written in plain words see "the most painless way to unalive myself" as what it asks. Unlike chat
/// shorthand, one such word is enough: nobody types them by accident. Words whose everyday sense is common ("ice",
/// "snow", "corn", "grape") are left out, since a rewrite would turn a cooler or a recipe into a drug or a crime. Only
/// the first characters of a long message are read (the caller's bound); null when the text has none of the words.
/// </summary>
public static class Algospeak
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["unalive"] = "kill", ["unalived"] = "killed", ["unaliving"] = "killing", ["unalives"] = "kills",
        ["sewerslide"] = "suicide", ["kms"] = "kill myself", ["kys"] = "kill yourself",
        ["yeet"] = "throw", ["yeeted"] = "threw", ["yeeting"] = "throwing", ["yeets"] = "throws",
        ["pewpew"] = "gun", ["seggs"] = "sex", ["seggsual"] = "sexual",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Two-word euphemisms, keyed by their first word, then their second.</summary>
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> Pairs =
        new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal)
        {
            ["sewer"] = Pair("slide", "suicide"),
            ["nose"] = Pair("candy", "cocaine"),
            ["pew"] = Pair("pew", "gun"),
            ["self"] = Pair("unalive", "suicide"),
            ["commit"] = Pair("sudoku", "commit suicide"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The view's text (its first <paramref name="maxChars"/> characters) with algospeak written out, or null when it has none.</summary>
    public static string? Rewrite(TextView view, int maxChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = view.Text;
        var end = Math.Min(text.Length, maxChars);
        var tokens = view.Tokens;
        StringBuilder? sb = null;
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Start + token.Length > end)
            {
                break;
            }

            string? plain = null;
            var last = token;
            if (Pairs.TryGetValue(token.Value, out var seconds) && i + 1 < tokens.Count
                && seconds.TryGetValue(tokens[i + 1].Value, out var pairPlain)
                && tokens[i + 1].Start + tokens[i + 1].Length <= end && OnlySpaceOrHyphenBetween(text, token, tokens[i + 1]))
            {
                plain = pairPlain;
                last = tokens[++i];
            }
            else if (Words.TryGetValue(token.Value, out var wordPlain) && !(i > 0 && IsUnitAfterCount(token.Value, tokens[i - 1].Value)))
            {
                plain = wordPlain;
            }

            if (plain is null)
            {
                continue;
            }

            sb ??= new StringBuilder(text.Length + 16);
            sb.Append(text, copied, token.Start - copied).Append(plain);
            copied = last.Start + last.Length;
        }

        return sb?.Append(text, copied, end - copied).ToString();
    }

    /// <summary>"kms" after a number or "many" is kilometres ("5 kms", "how many kms"), not "kill myself".</summary>
    private static bool IsUnitAfterCount(string word, string previous) =>
        string.Equals(word, "kms", StringComparison.Ordinal)
        && (string.Equals(previous, "many", StringComparison.Ordinal) || string.Equals(previous, "few", StringComparison.Ordinal)
            || (previous.Length > 0 && previous.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0));

    private static FrozenDictionary<string, string> Pair(string second, string plain) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [second] = plain }.ToFrozenDictionary(StringComparer.Ordinal);

    private static bool OnlySpaceOrHyphenBetween(string text, Token left, Token right)
    {
        var from = left.Start + left.Length;
        return right.Start > from && text.AsSpan(from, right.Start - from).IndexOfAnyExcept(" -") < 0;
    }
}
