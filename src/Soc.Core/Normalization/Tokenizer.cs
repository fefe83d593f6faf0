using System.Globalization;

namespace Soc.Core.Normalization;

/// <summary>
/// Splits a view into words: runs of letters, digits and combining marks; each CJK ideograph, and each letter of a
/// script written without spaces (Thai, Lao, Khmer, Myanmar), is a word.
/// </summary>
public static class Tokenizer
{
    /// <summary>Most words one view keeps: bounds the work per message of any size.</summary>
    public const int MaxTokens = 8_192;

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Min(text.Length / 5 + 4, MaxTokens));
        var i = 0;
        while (i < text.Length && tokens.Count < MaxTokens)
        {
            var c = text[i];
            if (IsSingleCharWord(c))
            {
                tokens.Add(new Token(text.Substring(i, 1), i, 1));
                i++;
                continue;
            }

            if (!IsWordChar(text, i))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text, i) && !IsSingleCharWord(text[i]))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }

            tokens.Add(new Token(text.Substring(start, i - start), start, i - start));
        }

        return tokens;
    }

    private static bool IsWordChar(string text, int i)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
        return category is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            || text[i] == '_';
    }

    /// <summary>CJK ideographs, kana and hangul syllables: scripts written without spaces between words.</summary>
    /// <summary>
    /// Characters that are each one word: CJK ideographs, kana and hangul, and the letters of the scripts written
    /// without spaces between words (Thai, Lao, Khmer, Myanmar), where a whole sentence would otherwise be one word.
    /// </summary>
    internal static bool IsSingleCharWord(char c) =>
        IsIdeograph(c)
        || c is >= '\u0E00' and <= '\u0EFF' // Thai, Lao
        or >= '\u1000' and <= '\u109F' // Myanmar
        or >= '\u1780' and <= '\u17FF'; // Khmer

    internal static bool IsIdeograph(char c) =>
        c is >= '\u3040' and <= '\u30FF' // hiragana, katakana
        or >= '\u3400' and <= '\u4DBF' // CJK extension A
        or >= '\u4E00' and <= '\u9FFF' // CJK unified
        or >= '\uF900' and <= '\uFAFF' // CJK compatibility
        or >= '\uAC00' and <= '\uD7AF'; // hangul syllables
}
