using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Undoes words cut apart or run together to slip past word matching. A rule word cut into pieces ("ig nore",
/// "pre-vious", "inst.ructions", "bo mb") is joined again when two to <see cref="MaxPieces"/> short pieces, separated
/// only by a space, hyphen, dot or asterisk, spell a rule word and at least one piece is not a rule word itself (so
/// "to get her" never becomes "together"). A long word the rules do not know that is rule words run together
/// ("ignorepreviousinstructions", "#howtomakeabomb", "ignore_all_previous_instructions") is split into them when they
/// cover every letter, into three words or more, or two of <see cref="MinPairWordChars"/> letters or more each (so
/// "therefore" is not "there for e" and "carpet" is not "car pet"). The result counts only when it reads as English: at
/// least <see cref="MinKnownShare"/> of its words are rule words. A long text keeps only the words around its changes.
/// </summary>
public sealed class WordJoiner
{
    /// <summary>Most pieces joined into one word.</summary>
    public const int MaxPieces = 4;

    /// <summary>Longest piece joined (a piece is a cut-off part of a word, not a word of its own).</summary>
    public const int MaxPieceChars = 8;

    /// <summary>Shortest word that pieces are joined into.</summary>
    public const int MinJoinedChars = 4;

    /// <summary>Shortest run of letters split into words.</summary>
    public const int MinRunChars = 9;

    /// <summary>Share of the rejoined text's words that must be rule words (see <see cref="Rejoin"/>).</summary>
    public const double MinKnownShare = 0.4;

    /// <summary>Fewest words, all of them rule words, that an identifier joined by underscores is read apart into.</summary>
    public const int MinSnakeCaseWords = 3;

    /// <summary>Longest rejoined text kept whole; a longer one keeps only the words around its changes.</summary>
    public const int MaxWholeChars = 600;

    /// <summary>Words kept on either side of a change in a long text (see <see cref="MaxWholeChars"/>).</summary>
    public const int ContextWords = 12;

    /// <summary>Shortest word of a run split into only two words.</summary>
    public const int MinPairWordChars = 5;

    private const int MaxWordChars = 24;

    /// <summary>Longest ending ("s", "ed") a joined word may carry past a rule word of <see cref="MinStemChars"/> letters.</summary>
    private const int MaxSuffixChars = 2;

    private const int MinStemChars = 5;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _known;
    private readonly WordSegmenter _segmenter;

    public WordJoiner(IEnumerable<string> vocabulary, WordSegmenter segmenter)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(segmenter);
        _known = new HashSet<string>(vocabulary, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _segmenter = segmenter;
    }

    /// <summary>
    /// The view's text (its first <paramref name="maxChars"/> characters) with cut words joined and run-together words
    /// split, or null when neither was found.
    /// </summary>
    public string? Rejoin(TextView view, int maxChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        var text = view.Text;
        var end = Math.Min(text.Length, maxChars);
        var tokens = view.Tokens;
        StringBuilder? sb = null;
        List<(int Start, int End)>? changes = null;
        var copied = 0;
        Span<char> buffer = stackalloc char[MaxWordChars];
        var i = 0;
        while (i < tokens.Count && tokens[i].Start + tokens[i].Length <= end)
        {
            var joined = JoinedPieces(text, tokens, i, end, buffer);
            if (joined > 1)
            {
                var first = tokens[i];
                var last = tokens[i + joined - 1];
                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, copied, first.Start - copied);
                var changeStart = sb.Length;
                for (var k = i; k < i + joined; k++)
                {
                    sb.Append(tokens[k].Value);
                }

                (changes ??= []).Add((changeStart, sb.Length));

                copied = last.Start + last.Length;
                i += joined;
                continue;
            }

            var token = tokens[i];
            if (token.Length >= MinRunChars && token.Length <= WordSegmenter.MaxRunChars && Split(token.Value) is { } split)
            {
                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, copied, token.Start - copied);
                var changeStart = sb.Length;
                sb.Append(split);
                (changes ??= []).Add((changeStart, sb.Length));
                copied = token.Start + token.Length;
            }

            i++;
        }

        if (sb is null)
        {
            return null;
        }

        var result = sb.Append(text, copied, end - copied).ToString();
        var words = Tokenizer.Tokenize(result);
        if (!ReadsAsEnglish(words))
        {
            return null;
        }

        return result.Length <= MaxWholeChars ? result : Windows(result, words, changes!);
    }

    /// <summary>
    /// At least <see cref="MinKnownShare"/> of the rejoined text's words are rule words: the rules and the vocabulary are
    /// English, and a word of another language can be English words run together ("videollamadas", "video llama das").
    /// </summary>
    private bool ReadsAsEnglish(List<Token> words)
    {
        var known = 0;
        foreach (var token in words)
        {
            known += _known.Contains(token.Value) ? 1 : 0;
        }

        return known >= words.Count * MinKnownShare;
    }

    /// <summary>
    /// Only the words around each change, <see cref="ContextWords"/> either side, windows that overlap merged: a long
    /// prompt with one hyphenated word would otherwise be scanned again whole for that one word.
    /// </summary>
    private static string Windows(string result, List<Token> words, List<(int Start, int End)> changes)
    {
        var sb = new StringBuilder(Math.Min(result.Length, changes.Count * 200));
        var w = 0;
        var lastEnd = -1;
        foreach (var (start, end) in changes)
        {
            while (w < words.Count && words[w].Start + words[w].Length <= start)
            {
                w++;
            }

            if (w >= words.Count)
            {
                break;
            }

            var first = Math.Max(0, w - ContextWords);
            var last = w;
            while (last + 1 < words.Count && words[last + 1].Start < end)
            {
                last++;
            }

            last = Math.Min(words.Count - 1, last + ContextWords);
            if (first > lastEnd)
            {
                if (sb.Length > 0)
                {
                    sb.Append(" | ");
                }

                sb.Append(result, words[first].Start, words[last].Start + words[last].Length - words[first].Start);
            }
            else if (last > lastEnd)
            {
                var from = words[lastEnd].Start + words[lastEnd].Length;
                sb.Append(result, from, words[last].Start + words[last].Length - from);
            }

            lastEnd = Math.Max(lastEnd, last);
        }

        return sb.ToString();
    }

    /// <summary>How many pieces from token <paramref name="i"/> on spell one rule word (the most that do); 0 when none.</summary>
    private int JoinedPieces(string text, IReadOnlyList<Token> tokens, int i, int end, Span<char> buffer)
    {
        var count = 0;
        var length = 0;
        var unknownPieces = 0;
        var best = 0;
        for (var k = i; k < tokens.Count && count < MaxPieces; k++)
        {
            var piece = tokens[k];
            if (piece.Start + piece.Length > end || piece.Length > MaxPieceChars || length + piece.Length > MaxWordChars
                || !IsAsciiLower(piece.Value) || (k > i && !IsCut(text, tokens[k - 1], piece)))
            {
                break;
            }

            piece.Value.AsSpan().CopyTo(buffer[length..]);
            length += piece.Length;
            count++;
            if (!_known.Contains(piece.Value))
            {
                unknownPieces++;
            }

            if (count > 1 && unknownPieces > 0 && length >= MinJoinedChars && IsRuleWord(buffer[..length], piece.Length))
            {
                best = count;
            }
        }

        return best;
    }

    /// <summary>
    /// A rule word, or one with a short ending past a rule word of <see cref="MinStemChars"/> letters or more, when the
    /// ending is part of the last piece ("in-struc-tions"), not a piece of its own ("pre-vious in").
    /// </summary>
    private bool IsRuleWord(ReadOnlySpan<char> word, int lastPieceChars)
    {
        if (_known.Contains(word))
        {
            return true;
        }

        for (var suffix = 1; suffix <= MaxSuffixChars && suffix < lastPieceChars && word.Length - suffix >= MinStemChars; suffix++)
        {
            if (_known.Contains(word[..^suffix]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rule words a run is made of, space-separated; null when it is not made of them alone.</summary>
    private string? Split(string run)
    {
        if (run.Contains('_', StringComparison.Ordinal))
        {
            return SplitSnakeCase(run);
        }

        if (!IsAsciiLower(run) || _known.Contains(run))
        {
            return null;
        }

        var sb = new StringBuilder(run.Length + 8);
        var (unknownLetters, pieces) = _segmenter.SegmentRun(run, sb);
        if (unknownLetters > 0 || pieces < 2)
        {
            return null;
        }

        var split = sb.ToString();
        if (pieces == 2 && split.Split(' ').Any(w => w.Length < MinPairWordChars))
        {
            return null;
        }

        return split;
    }

    /// <summary>
    /// Rule words joined by underscores, <see cref="MinSnakeCaseWords"/> or more and nothing else, read apart
    /// ("ignore_all_rules"); shorter identifiers ("test_mode", "authorized_keys") are how code names things.
    /// </summary>
    private string? SplitSnakeCase(string run)
    {
        var parts = run.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < MinSnakeCaseWords || !parts.All(p => _known.Contains(p)))
        {
            return null;
        }

        return string.Join(' ', parts);
    }

    /// <summary>True when only a single space, hyphen, dot or asterisk (or a run of up to three: " - ") separates two pieces.</summary>
    private static bool IsCut(string text, Token before, Token after)
    {
        var from = before.Start + before.Length;
        var gap = after.Start - from;
        if (gap is < 1 or > 3)
        {
            return false;
        }

        for (var c = from; c < after.Start; c++)
        {
            if (text[c] is not (' ' or '-' or '.' or '*' or '\u00b7'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLower(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }
}
