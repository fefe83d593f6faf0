using System.Globalization;
using System.Text;

namespace Soc.Core.Learning.Variations;

/// <summary>Finds the words of a text (letters and digits) so rewrites can change some words and keep the rest as they are.</summary>
internal static class WordSpans
{
    public readonly record struct Span(int Start, int Length);

    public static List<Span> Find(string text)
    {
        var spans = new List<Span>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            spans.Add(new Span(start, i - start));
        }

        return spans;
    }

    /// <summary>Rebuilds the text with the words at <paramref name="chosen"/> passed through <paramref name="rewrite"/>.</summary>
    public static string Rewrite(string text, IReadOnlyList<Span> spans, ISet<int> chosen, Func<string, int, string> rewrite)
    {
        var sb = new StringBuilder(text.Length + 16);
        var last = 0;
        for (var k = 0; k < spans.Count; k++)
        {
            if (!chosen.Contains(k))
            {
                continue;
            }

            var s = spans[k];
            sb.Append(text, last, s.Start - last);
            sb.Append(rewrite(text.Substring(s.Start, s.Length), k));
            last = s.Start + s.Length;
        }

        sb.Append(text, last, text.Length - last);
        return sb.ToString();
    }

    /// <summary>
    /// Picks the words a rewrite should touch: every trigger word (the words attacks turn on) and a share of the other
    /// words of four letters or more, at least one word and at most <paramref name="max"/>.
    /// </summary>
    public static HashSet<int> Choose(string text, IReadOnlyList<Span> spans, Random random, double share, int max)
    {
        var chosen = new HashSet<int>();
        var others = new List<int>();
        for (var k = 0; k < spans.Count; k++)
        {
            var word = text.Substring(spans[k].Start, spans[k].Length);
            if (SynonymTable.IsTrigger(word))
            {
                chosen.Add(k);
            }
            else if (word.Length >= 4 && word.Any(char.IsLetter))
            {
                others.Add(k);
            }
        }

        var extra = (int)Math.Ceiling(others.Count * share);
        for (var n = 0; n < extra && others.Count > 0 && chosen.Count < max; n++)
        {
            var pick = random.Next(others.Count);
            chosen.Add(others[pick]);
            others.RemoveAt(pick);
        }

        if (chosen.Count > max)
        {
            chosen = chosen.OrderBy(_ => random.Next()).Take(max).ToHashSet();
        }

        if (chosen.Count == 0 && spans.Count > 0)
        {
            chosen.Add(random.Next(spans.Count));
        }

        return chosen;
    }

    private static bool IsWordChar(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber;
}
