using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Undoes two word games that hide a request from filters while a model still reads it: Pig Latin ("ignoreway
/// allway eviouspray instructionsway") and text with its vowels taken out ("gnr ll prvs nstrctns"). Each is tried only
/// when most of the message plays it (at least <see cref="MinWords"/> words and <see cref="MinShare"/> of them), and a
/// word is replaced only by a word the rules use; anything else stays as written. Like the other derived views, only the
/// first characters of a long message are read (the caller's bound).
/// </summary>
public sealed class WordGames
{
    /// <summary>Words that must play the game before the message counts as written in it.</summary>
    public const int MinWords = 4;

    /// <summary>Share of the message's words that must play the game.</summary>
    public const double MinShare = 0.6;

    /// <summary>Longest word looked at; longer runs are left alone.</summary>
    private const int MaxWordChars = 32;

    private readonly HashSet<string> _vocabulary;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySkeleton;

    // Made once: a method group converted on every call would allocate a delegate per message.
    private readonly Func<string, string?> _fromPigLatin;
    private readonly Func<string, string?> _fromSkeleton;

    public WordGames(IEnumerable<string> vocabulary)
    {
        _vocabulary = new HashSet<string>(vocabulary.Where(w => w.Length > 0 && w.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0), StringComparer.Ordinal);
        _lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();

        // Several words share a skeleton ("tll": tell, till, tall): the more frequent common word wins, then the
        // shorter, then the first in alphabetical order, so the choice does not depend on the order of the rule files.
        var bySkeleton = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in _vocabulary.Order(StringComparer.Ordinal))
        {
            var skeleton = Skeleton(word);
            if (skeleton.Length == 0 || skeleton.Length == word.Length)
            {
                continue;
            }

            if (!bySkeleton.TryGetValue(skeleton, out var held) || Prefer(word, held))
            {
                bySkeleton[skeleton] = word;
            }
        }

        _bySkeleton = bySkeleton.GetAlternateLookup<ReadOnlySpan<char>>();
        _fromPigLatin = FromPigLatin;
        _fromSkeleton = FromSkeleton;
    }

    /// <summary>The view's text read back from Pig Latin, or null when the message is not mostly Pig Latin.</summary>
    public string? PigLatin(TextView view, int maxChars = int.MaxValue) => Replace(view, maxChars, static word => word.Length >= 4 && word.EndsWith("ay", StringComparison.Ordinal), _fromPigLatin);

    /// <summary>The view's text with vowels put back into its words, or null when most words keep their vowels.</summary>
    public string? Vowels(TextView view, int maxChars = int.MaxValue) => Replace(view, maxChars, static word => word.AsSpan().IndexOfAny(VowelChars) < 0, _fromSkeleton);

    private string? Replace(TextView view, int maxChars, Func<string, bool> plays, Func<string, string?> decode)
    {
        var end = Math.Min(view.Text.Length, maxChars);
        var tokens = view.Tokens;
        var words = 0;
        var playing = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Start + token.Length > end)
            {
                break;
            }

            if (!IsWord(token.Value))
            {
                continue;
            }

            words++;
            playing += plays(token.Value) ? 1 : 0;
        }

        if (playing < MinWords || playing < words * MinShare)
        {
            return null;
        }

        var sb = new StringBuilder(view.Text.Length + 16);
        var copied = 0;
        var changed = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Start + token.Length > end)
            {
                break;
            }

            if (!IsWord(token.Value) || !plays(token.Value) || decode(token.Value) is not { } plain)
            {
                continue;
            }

            sb.Append(view.Text, copied, token.Start - copied).Append(plain);
            copied = token.Start + token.Length;
            changed++;
        }

        return changed < MinWords ? null : sb.Append(view.Text, copied, end - copied).ToString();
    }

    /// <summary>"ignoreway" → ignore, "eviouspray" → previous, "elltay" → tell: the consonants moved to the end go back.</summary>
    private string? FromPigLatin(string word)
    {
        var span = word.AsSpan(0, word.Length - 2);
        if ((span.EndsWith("w") || span.EndsWith("y")) && span.Length > 2 && _lookup.Contains(span[..^1]))
        {
            return span[..^1].ToString();
        }

        Span<char> buffer = stackalloc char[MaxWordChars];
        for (var k = 1; k <= 3 && k < span.Length; k++)
        {
            span[^k..].CopyTo(buffer);
            span[..^k].CopyTo(buffer[k..]);
            if (_lookup.TryGetValue(buffer[..span.Length], out var plain))
            {
                return plain;
            }
        }

        return null;
    }

    private string? FromSkeleton(string word) => _bySkeleton.TryGetValue(word, out var plain) ? plain : null;

    private static bool IsWord(string token) =>
        token.Length is > 0 and <= MaxWordChars && token.AsSpan().IndexOfAnyExceptInRange('a', 'z') < 0;

    private static string Skeleton(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (VowelChars.IndexOf(c) < 0)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool Prefer(string word, string held)
    {
        // The more frequent common word first (English before the other languages: "gnr" is "ignore", not the
        // Spanish "ignora"), then the shorter word.
        var rank = CommonWords.Rank(word);
        var heldRank = CommonWords.Rank(held);
        if (rank != heldRank)
        {
            return rank < heldRank;
        }

        return word.Length < held.Length;
    }

    private const string VowelChars = "aeiou";
}
