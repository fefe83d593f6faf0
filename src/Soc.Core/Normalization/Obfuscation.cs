using System.Text;

namespace Soc.Core.Normalization;

/// <summary>Undoes letter-level obfuscation on an already case-folded text: leetspeak and spaced-out letters.</summary>
internal static class Obfuscation
{
    /// <summary>Fewest spaced single letters that count as a spaced-out word ("i g n o r e").</summary>
    private const int MinSpacedLetters = 4;

    /// <summary>The letter a leet character stands for, or '\0'.</summary>
    public static char LeetLetter(char c) => c switch
    {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        '|' => 'l',
        '€' => 'e',
        _ => '\0',
    };

    /// <summary>
    /// Folds leet characters; null when nothing changed. Conservative by default: only leet characters right after a
    /// letter ("h4ck") or a single one starting a word before a letter ("1gnore"). When the text has three or more of
    /// those it is leetspeak, and every leet character in a word with letters, and lone "1", "4", "0", "3", fold too
    /// ("4ll", "53cr37"), except numbers with a unit ("1920s", "10am").
    /// </summary>
    public static string? FoldLeet(string text)
    {
        var aggressive = CountQualifying(text) >= 3;
        char[]? result = null;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var letters = 0;
            var leet = 0;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                if (char.IsLetter(text[i]))
                {
                    letters++;
                }
                else if (LeetLetter(text[i]) != '\0')
                {
                    leet++;
                }

                i++;
            }

            // Trailing punctuation ("hi!") is punctuation, not a letter.
            var end = i;
            while (end > start && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] != '$' && text[end - 1] != '@')
            {
                end--;
            }

            if (leet == 0 || end <= start)
            {
                continue;
            }

            if (letters == 0)
            {
                // Inside leetspeak, short all-leet "numbers" are words too: "1" (I), "4" (a), "15" (is), "70" (to).
                if (aggressive && end - start <= 3 && leet == end - start)
                {
                    result ??= text.ToCharArray();
                    for (var k = start; k < end; k++)
                    {
                        result[k] = LeetLetter(text[k]);
                    }
                }

                continue;
            }

            // Inside leetspeak "mp3" may fold too: the leet view is an extra reading, the canonical one stays.
            var protectedWord = IsNumberWithUnit(text, start, end);
            for (var k = start; k < end; k++)
            {
                var letter = LeetLetter(text[k]);
                if (letter == '\0')
                {
                    continue;
                }

                if (Qualifies(text, k, start, end) || (aggressive && !protectedWord))
                {
                    result ??= text.ToCharArray();
                    result[k] = letter;
                }
            }
        }

        return result is null ? null : new string(result);
    }

    private static bool Qualifies(string text, int k, int start, int end) =>
        (k > start && char.IsLetter(text[k - 1]))
        || (k + 1 < end && char.IsLetter(text[k + 1]) && (k == start || !char.IsLetterOrDigit(text[k - 1])));

    private static int CountQualifying(string text)
    {
        // Word by word, so every character is looked at a bounded number of times.
        var n = 0;
        var i = 0;
        while (i < text.Length && n < 3)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (IsNumberWithUnit(text, start, i) || IsNameWithNumber(text, start, i))
            {
                continue;
            }

            for (var k = start; k < i && n < 3; k++)
            {
                if (LeetLetter(text[k]) != '\0' && Qualifies(text, k, start, i))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>Two or more digits then at most three letters: "1920s", "21st", "10am", "35-year-old" starts so.</summary>
    private static bool IsNumberWithUnit(string text, int start, int end)
    {
        var k = start;
        while (k < end && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        var digits = k - start;
        while (k < end && char.IsLetter(text[k]))
        {
            k++;
        }

        return digits >= 2 && (k == end || !char.IsLetterOrDigit(text[k])) && k - start - digits <= 3;
    }

    /// <summary>Letters then one or two digits: "mp3", "covid19", "gpt4".</summary>
    private static bool IsNameWithNumber(string text, int start, int end)
    {
        var k = start;
        while (k < end && char.IsLetter(text[k]))
        {
            k++;
        }

        if (k == start)
        {
            return false;
        }

        var digitsStart = k;
        while (k < end && char.IsAsciiDigit(text[k]))
        {
            k++;
        }

        return k > digitsStart && k - digitsStart <= 2 && k == end;
    }

    private static bool IsSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '/' or '|' or ',' or '+' or '~' or '\'' or ':';

    /// <summary>
    /// Joins letters spread out by single separators ("i g n o r e", "i.g.n.o.r.e"); two or more separators in a row,
    /// or a different separator, end a word. Returns null when there is nothing to join.
    /// </summary>
    public static string? CollapseSpacedLetters(string text, WordSegmenter segmenter)
    {
        StringBuilder? sb = null;
        var copied = 0;
        var i = 0;
        var gaps = new List<(char Letter, int Separators, char Separator)>();
        Span<int> separatorCounts = stackalloc int[128];
        while (i < text.Length)
        {
            if (!IsSingleLetterAt(text, i))
            {
                i++;
                continue;
            }

            // Find a run of single letters separated by separator characters; remember each gap.
            var start = i;
            var j = i;
            var count = 0;
            gaps.Clear();
            separatorCounts.Clear();
            while (j < text.Length && char.IsLetterOrDigit(text[j]))
            {
                count++;
                var next = j + 1;
                var k = next;
                while (k < text.Length && IsSeparator(text[k]))
                {
                    k++;
                }

                var separators = k - next;
                if (separators == 0 || k >= text.Length || !IsSingleLetterAt(text, k))
                {
                    gaps.Add((text[j], 0, '\0'));
                    j = next;
                    break;
                }

                gaps.Add((text[j], separators, text[next]));
                if (separators == 1)
                {
                    separatorCounts[text[next]]++;
                }

                j = k;
            }

            // The separator used most often joins letters; two in a row, or any other one, ends a word
            // ("i.g.n.o.r.e a.l.l", "i g n o r e   a l l").
            var dominant = 0;
            for (var c = 1; c < separatorCounts.Length; c++)
            {
                if (separatorCounts[c] > separatorCounts[dominant])
                {
                    dominant = c;
                }
            }

            var letters = new StringBuilder(gaps.Count * 2);
            foreach (var (letter, separators, separator) in gaps)
            {
                letters.Append(letter);
                if (separators > 1 || (separators == 1 && separator != dominant))
                {
                    letters.Append(' ');
                }
            }

            if (count >= MinSpacedLetters)
            {
                sb ??= new StringBuilder(text.Length);
                sb.Append(text, copied, start - copied);
                sb.Append(segmenter.Segment(letters.ToString()));
                copied = j;
            }

            i = Math.Max(j, i + 1);
        }

        if (sb is null)
        {
            return null;
        }

        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    private static bool IsSymbol(char c) => c is '{' or '}' or '[' or ']' or '(' or ')' or '<' or '>' or '`' or '$' or '\\' or '|' or '^' or '~' or '=' or '@';

    /// <summary>How strongly a text looks like it carries an optimised adversarial suffix.</summary>
    public enum SuffixStrength
    {
        None,

        /// <summary>A long last line ending in <see cref="WeakSuffixOddWords"/> to <see cref="SuffixOddWords"/> - 1 odd words.</summary>
        Weak,

        /// <summary>Symbol soup with unbalanced brackets, or a last line ending in <see cref="SuffixOddWords"/> odd words.</summary>
        Strong,
    }

    /// <summary>
    /// Strong when the text carries symbol soup typical of optimised adversarial suffixes: several clusters of two or
    /// more symbols and brackets that do not balance, or fewer of them with words glued mid-token, or a last line ending
    /// in odd words (<see cref="HasOddTail"/>); weak when that last line ends in only two or three odd words. Code
    /// balances its brackets; markdown and emoticons rarely cluster. The odd words of the tail are counted once.
    /// </summary>
    public static SuffixStrength ClassifySuffix(string text)
    {
        const int MaxDepth = 64;
        Span<char> stack = stackalloc char[MaxDepth];
        var depth = 0;
        var unbalanced = 0;
        var clusters = 0;
        var run = 0;
        var camelJoins = 0;
        var end = Math.Min(text.Length, TextNormalizer.MaxDerivedViewChars);
        for (var i = 0; i < end; i++)
        {
            var c = text[i];
            if (i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(text[i - 1]))
            {
                camelJoins++;
            }

            if (IsSymbol(c))
            {
                if (++run == 2)
                {
                    clusters++;
                }
            }
            else
            {
                run = 0;
            }

            switch (c)
            {
                case '(' or '[' or '{':
                    if (depth < MaxDepth)
                    {
                        stack[depth++] = c;
                    }

                    break;
                case ')' or ']' or '}':
                    var opener = c == ')' ? '(' : c == ']' ? '[' : '{';
                    if (depth > 0 && stack[depth - 1] == opener)
                    {
                        depth--;
                    }
                    else
                    {
                        unbalanced++;
                    }

                    break;
            }
        }

        var open = unbalanced + depth;
        // Optimised suffixes also glue words mid-token ("argueRIPT", "compressToString").
        if ((clusters >= 2 && open >= 3) || (clusters >= 1 && open >= 2 && camelJoins >= 2))
        {
            return SuffixStrength.Strong;
        }

        var odd = CountOddTailWords(text.AsSpan(0, end), SuffixOddWords);
        return odd >= SuffixOddWords ? SuffixStrength.Strong : odd >= WeakSuffixOddWords ? SuffixStrength.Weak : SuffixStrength.None;
    }

    /// <summary>Words of the last line an optimised suffix is looked for in.</summary>
    public const int SuffixTailWords = 20;

    /// <summary>Odd words among them from which the tail counts as an adversarial suffix.</summary>
    public const int SuffixOddWords = 4;

    /// <summary>
    /// True when the last line is a sentence of at least 12 words whose last <see cref="SuffixTailWords"/> hold at least
    /// <see cref="SuffixOddWords"/> odd words: runs of punctuation, words of three or more letters glued to symbols
    /// ("correctedilde]$", "[[There") or joined mid-word ("compressToString"). Optimised suffixes (GCG and kin) append
    /// such tokens to a plain request on one line; code and tables span lines, and formulas lack letter runs.
    /// </summary>
    internal static bool HasOddTail(ReadOnlySpan<char> text) => CountOddTailWords(text, SuffixOddWords) >= SuffixOddWords;

    /// <summary>Odd words a weaker suffix leaves: too few for <see cref="HasOddTail"/>, enough to corroborate other evidence.</summary>
    public const int WeakSuffixOddWords = 2;

    /// <summary>Odd words among the last <see cref="SuffixTailWords"/> words of the last line, counted up to <paramref name="stopAt"/>; 0 for lines under 12 words.</summary>
    internal static int CountOddTailWords(ReadOnlySpan<char> text, int stopAt)
    {
        text = text.TrimEnd();
        var lineStart = text.LastIndexOf('\n') + 1;
        var line = text[lineStart..];
        Span<Range> words = stackalloc Range[SuffixTailWords];
        var count = 0;
        var total = 0;
        var i = line.Length;
        // Walk backwards over whitespace-separated words, keeping the last SuffixTailWords of them.
        while (i > 0)
        {
            while (i > 0 && char.IsWhiteSpace(line[i - 1]))
            {
                i--;
            }

            var stop = i;
            while (i > 0 && !char.IsWhiteSpace(line[i - 1]))
            {
                i--;
            }

            if (stop == i)
            {
                break;
            }

            total++;
            if (count < SuffixTailWords)
            {
                words[count++] = new Range(i, stop);
            }
        }

        if (total < 12)
        {
            return 0;
        }

        var odd = 0;
        for (var k = 0; k < count; k++)
        {
            if (IsOddWord(line[words[k]]) && ++odd >= stopAt)
            {
                return odd;
            }
        }

        return odd;
    }

    /// <summary>A word no prose writes: a run of symbols, or letters glued to symbols or joined mid-word.</summary>
    internal static bool IsOddWord(ReadOnlySpan<char> word)
    {
        // Sentence punctuation of other scripts counts like ASCII's: Arabic and Persian question marks and commas, CJK
        // full stops and commas, the Devanagari danda, Myanmar, Ethiopic and Armenian full stops (an Arabic sentence ending
        // in "؟" or a Hindi one in "।" was read as a word glued to a symbol).
        word = word.Trim(".,!?;:\"'\u061F\u060C\u061B\u06D4\u3002\uFF0C\u3001\uFF01\uFF1F\uFF1B\uFF1A\u0964\u0965\u104B\u1362\u0589");
        if (word.IsEmpty || ((word[0] == '#' || word[0] == '@') && IsPlainWord(word[1..])) || IsSnakeCaseIdentifier(word))
        {
            return false;
        }

        var letters = 0;
        var symbols = 0;
        var run = 0;
        var longestRun = 0;
        var camel = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (char.IsLetter(c) || IsCombiningMark(c))
            {
                // Vowel signs and other combining marks belong to the letter they follow (Devanagari "मैंने", Thai).
                letters++;
                longestRun = Math.Max(longestRun, ++run);
                camel |= i > 0 && char.IsUpper(c) && char.IsLower(word[i - 1]);
            }
            else
            {
                run = 0;
                if (!char.IsDigit(c))
                {
                    symbols++;
                }
            }
        }

        if (letters == 0)
        {
            return symbols >= 2;
        }

        if (longestRun < 3)
        {
            return false;
        }

        return camel || (symbols > 0 && !IsProsePunctuation(word));
    }

    /// <summary>A vowel sign or other combining mark: part of the letter it follows (Devanagari, Thai, accents).</summary>
    internal static bool IsCombiningMark(char c) => char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
        or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark;

    /// <summary>Words with ordinary inner punctuation: "don't", "well-known", "and/or", "U.S", "(sic)", "e.g".</summary>
    private static bool IsProsePunctuation(ReadOnlySpan<char> word)
    {
        var inner = word;
        if (inner.Length > 2 && inner[0] == '(' && inner[^1] == ')')
        {
            inner = inner[1..^1];
        }
        else if (inner.Length > 1 && (inner[0] == '(' || inner[0] == '"'))
        {
            inner = inner[1..];
        }
        else if (inner.Length > 1 && inner[^1] == ')')
        {
            inner = inner[..^1];
        }

        var separators = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (char.IsLetterOrDigit(c))
            {
                continue;
            }

            // One separator between letters: an apostrophe, hyphen, slash or dot inside a word.
            if (c is '\'' or '\u2019' or '-' or '/' or '.' && i > 0 && i < inner.Length - 1 && char.IsLetterOrDigit(inner[i - 1]) && char.IsLetterOrDigit(inner[i + 1]))
            {
                separators++;
                continue;
            }

            return false;
        }

        return separators <= 2;
    }

    /// <summary>
    /// A snake_case identifier ("content_filter", "get_user_permissions", "MAX_RETRIES"): letters and digits joined by
    /// single underscores, no other symbol and no camel-case join. Developers quote them in ordinary questions; an
    /// optimised suffix glues letters to brackets, quotes and runs of punctuation instead.
    /// </summary>
    internal static bool IsSnakeCaseIdentifier(ReadOnlySpan<char> word)
    {
        var underscores = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c == '_')
            {
                // Inner underscores only, one at a time ("a__b" and "_x" are not the shape).
                if (i == 0 || i == word.Length - 1 || word[i - 1] == '_')
                {
                    return false;
                }

                underscores++;
            }
            else if (!char.IsAsciiLetterOrDigit(c) || (i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(word[i - 1])))
            {
                return false;
            }
        }

        return underscores > 0;
    }

    private static bool IsPlainWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return !word.IsEmpty;
    }

    /// <summary>A letter or digit standing alone: no letter or digit right before or after it.</summary>
    private static bool IsSingleLetterAt(string text, int i) =>
        char.IsLetterOrDigit(text[i])
        && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
        && (i + 1 >= text.Length || !char.IsLetterOrDigit(text[i + 1]));
}
