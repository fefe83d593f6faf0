using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Splits a run of letters written without spaces ("ignoreallpreviousinstructions") into the words detection cares
/// about, by dynamic programming over a trie of known words: fewest unknown letters first, then fewest words.
/// Linear in the run length times the longest word.
/// </summary>
public sealed class WordSegmenter
{
    /// <summary>Runs longer than this are left as they are.</summary>
    public const int MaxRunChars = 2_048;

    private const int MaxWordChars = 24;

    /// <summary>Unknown letters up to this many stay on the word before them as a suffix.</summary>
    private const int MaxSuffixChars = 2;
    private readonly Node _root = new();

    public WordSegmenter(IEnumerable<string> vocabulary)
    {
        foreach (var word in vocabulary)
        {
            if (word.Length is < 1 or > MaxWordChars || (word.Length == 1 && word is not ("a" or "i")) || !word.All(char.IsAsciiLetterLower))
            {
                continue;
            }

            var node = _root;
            foreach (var c in word)
            {
                node.Children ??= new Node[26];
                node = node.Children[c - 'a'] ??= new Node();
            }

            node.IsWord = true;
        }
    }

    /// <summary>Segments every space-separated run longer than a short word; other text passes through.</summary>
    public string Segment(string text)
    {
        if (text.Length > MaxRunChars)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            if (part.Length < 8 || !part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                sb.Append(part);
                continue;
            }

            SegmentRun(part, sb);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Appends the best split of <paramref name="run"/> (lower-case letters and digits) to <paramref name="sb"/> and
    /// returns its cost: letters no known word covers, and pieces (each such letter counts as one).
    /// </summary>
    internal (int UnknownLetters, int Pieces) SegmentRun(string run, StringBuilder sb)
    {
        var n = run.Length;
        // cost[i]: (unknown letters, words) of the best split of run[..i]; from[i]: where its last piece starts.
        var unknown = new int[n + 1];
        var words = new int[n + 1];
        var from = new int[n + 1];
        var guessed = new bool[n + 1];
        Array.Fill(unknown, int.MaxValue);
        unknown[0] = 0;
        for (var i = 0; i < n; i++)
        {
            if (unknown[i] == int.MaxValue)
            {
                continue;
            }

            Relax(i, i + 1, unknown[i] + 1, words[i] + 1, true);
            var node = _root;
            for (var j = i; j < n && j - i < MaxWordChars; j++)
            {
                node = char.IsAsciiLetterLower(run[j]) ? node.Children?[run[j] - 'a'] : null;
                if (node is null)
                {
                    break;
                }

                if (node.IsWord)
                {
                    Relax(i, j + 1, unknown[i], words[i] + 1, false);
                }
            }
        }

        var cuts = new List<int>();
        for (var i = n; i > 0; i = from[i])
        {
            cuts.Add(i);
        }

        var start = 0;
        for (var k = cuts.Count - 1; k >= 0; k--)
        {
            var end = cuts[k];
            if (guessed[end])
            {
                // A run of unknown letters or digits is one piece: up to MaxSuffixChars it sticks to the word before
                // it ("instruction" + "s", "base" + "64"), so stems still match; a longer one is a word of its own
                // ("hate" + "trump").
                while (k > 0 && guessed[cuts[k - 1]])
                {
                    end = cuts[--k];
                }

                if (start > 0 && end - start > MaxSuffixChars)
                {
                    sb.Append(' ');
                }
            }
            else if (start > 0)
            {
                sb.Append(' ');
            }

            sb.Append(run, start, end - start);
            start = end;
        }

        return (unknown[n], words[n]);

        void Relax(int i, int j, int u, int w, bool isGuess)
        {
            if (u < unknown[j] || (u == unknown[j] && w < words[j]))
            {
                unknown[j] = u;
                words[j] = w;
                from[j] = i;
                guessed[j] = isGuess;
            }
        }
    }

    private sealed class Node
    {
        public Node?[]? Children;
        public bool IsWord;
    }
}
