using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Undoes deliberate misspelling ("ignroe all prevoius instrutcions", "disreguard ur sytem promt"): a word the rules
/// do not know, one typing slip (two neighbouring letters swapped, a letter left out or doubled before the last one, or
/// in a longer word one vowel written as another) away from exactly one word they do know, with the same first letter, is read as that word. Symmetric-delete lookup: every rule word and each of its
/// one-letter deletions is indexed once, so a word costs at most its length plus one lookups.
/// <para>
/// A real word can sit one edit from a rule word ("chimes" and "crimes"), so the corrected text is worth scanning only
/// when <see cref="MinCorrections"/> or more different words were corrected: a misspelled attack changes many words, an ordinary
/// message with an unusual word changes one. Words of another language are often one slip from an English one
/// ("precies" and "precise"), so the message must also read as English: at least <see cref="MinKnownShare"/> of its
/// words, and no fewer than were corrected, are words the rules use as written.
/// </para>
/// </summary>
public sealed class TypoCorrector
{
    /// <summary>Shortest word corrected by a letter left out or doubled (and shortest rule word it may become).</summary>
    public const int MinWordChars = 5;

    /// <summary>Shortest word corrected by two swapped letters ("hcak", "mkae").</summary>
    public const int MinSwappedWordChars = 4;

    /// <summary>Shortest word corrected by one vowel written as another ("bleech", "molotav").</summary>
    public const int MinVowelWordChars = 6;

    /// <summary>Longest word corrected.</summary>
    public const int MaxWordChars = 24;

    /// <summary>Different words that must be corrected before the corrected text counts as a view.</summary>
    public const int MinCorrections = 2;

    /// <summary>Share of a message's words that must be rule words as written (see the remarks).</summary>
    public const double MinKnownShare = 0.4;

    private readonly HashSet<string> _vocabulary;
    private readonly HashSet<string> _known;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _knownLookup;
    private readonly Dictionary<string, string[]>.AlternateLookup<ReadOnlySpan<char>> _deletes;

    public TypoCorrector(IEnumerable<string> vocabulary)
    {
        _vocabulary = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        _known = new HashSet<string>(StringComparer.Ordinal);
        var deletes = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var word in _vocabulary)
        {
            if (!IsCandidateWord(word) || !_known.Add(word))
            {
                continue;
            }

            Index(deletes, word, word);
            for (var i = 0; i < word.Length; i++)
            {
                Index(deletes, string.Concat(word.AsSpan(0, i), word.AsSpan(i + 1)), word);
            }
        }

        _knownLookup = _known.GetAlternateLookup<ReadOnlySpan<char>>();
        _deletes = deletes.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// The view's text (its first <paramref name="maxChars"/> characters) with every misspelled rule word corrected, or
    /// null when fewer than <see cref="MinCorrections"/> words were.
    /// </summary>
    public string? Correct(TextView view, int maxChars = int.MaxValue)
    {
        var end = Math.Min(view.Text.Length, maxChars);
        var tokens = view.Tokens;
        StringBuilder? sb = null;
        List<string>? corrected = null;
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Start + token.Length > end)
            {
                break;
            }

            var word = token.Value;
            if (!IsCandidateWord(word) || _known.Contains(word) || Best(word) is not { } fixedWord)
            {
                continue;
            }

            sb ??= new StringBuilder(view.Text.Length + 16);
            sb.Append(view.Text, copied, token.Start - copied).Append(fixedWord);
            copied = token.Start + token.Length;
            corrected ??= new List<string>(4);
            if (!corrected.Contains(word))
            {
                corrected.Add(word);
            }
        }

        if (sb is null || corrected!.Count < MinCorrections)
        {
            return null;
        }

        var known = 0;
        var words = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Start + token.Length > end)
            {
                break;
            }

            words++;
            known += _vocabulary.Contains(token.Value) ? 1 : 0;
        }

        if (known < corrected.Count || known < words * MinKnownShare)
        {
            return null;
        }

        return sb.Append(view.Text, copied, end - copied).ToString();
    }

    /// <summary>The one known word one slip from <paramref name="word"/> with its first letter; null when none or several.</summary>
    internal string? Best(string word)
    {
        string? found = null;
        if (!Consider(word, word, ref found))
        {
            return null;
        }

        Span<char> buffer = stackalloc char[MaxWordChars];
        for (var i = 0; i < word.Length; i++)
        {
            word.AsSpan(0, i).CopyTo(buffer);
            word.AsSpan(i + 1).CopyTo(buffer[i..]);
            var deleted = buffer[..(word.Length - 1)];
            if (_knownLookup.TryGetValue(deleted, out var known) && !Accept(word, known, ref found))
            {
                return null;
            }

            if (!Consider(word, deleted, ref found))
            {
                return null;
            }
        }

        return found;
    }

    /// <summary>Adds the known words indexed under <paramref name="key"/>; false when a second distinct one is found.</summary>
    private bool Consider(string word, ReadOnlySpan<char> key, ref string? found)
    {
        if (!_deletes.TryGetValue(key, out var words))
        {
            return true;
        }

        foreach (var known in words)
        {
            if (!Accept(word, known, ref found))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accept(string word, string known, ref string? found)
    {
        if (known[0] != word[0] || ReferenceEquals(known, found) || !OneEdit(word, known))
        {
            return true;
        }

        if (found is not null)
        {
            return false;
        }

        found = known;
        return true;
    }

    /// <summary>
    /// True when <paramref name="a"/> is <paramref name="b"/> with two neighbouring letters swapped, or with one letter
    /// left out or added before its last letter (words of <see cref="MinWordChars"/> letters or more), or with one vowel
    /// heard as another inside a longer word ("molotav", "bleech": words of <see cref="MinVowelWordChars"/> letters or
    /// more, not the last letter). Any other changed letter ("project" and "protect") or a changed ending ("actions" and
    /// "action") is how real words differ, so neither counts.
    /// </summary>
    internal static bool OneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a.SequenceEqual(b))
        {
            return false;
        }

        var i = a.CommonPrefixLength(b);
        if (a.Length == b.Length)
        {
            if (a.Length >= MinVowelWordChars && i + 1 < a.Length && IsVowel(a[i]) && IsVowel(b[i])
                && a[(i + 1)..].SequenceEqual(b[(i + 1)..]))
            {
                return true;
            }

            return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
        }

        var longer = a.Length > b.Length ? a : b;
        var shorter = a.Length > b.Length ? b : a;
        return shorter.Length >= MinWordChars && i < shorter.Length && longer[(i + 1)..].SequenceEqual(shorter[i..]);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsCandidateWord(string word) =>
        word.Length is >= MinSwappedWordChars and <= MaxWordChars && word.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0;

    private static void Index(Dictionary<string, List<string>> deletes, string key, string word)
    {
        if (!deletes.TryGetValue(key, out var words))
        {
            deletes[key] = words = new List<string>(1);
        }

        if (!words.Contains(word))
        {
            words.Add(word);
        }
    }
}
