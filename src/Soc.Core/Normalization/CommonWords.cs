namespace Soc.Core.Normalization;

/// <summary>
/// Very frequent English words. A layer that is rot13 or reversed has almost none of them and gains many when decoded:
/// that difference, not a dictionary, decides whether a rot13 or reversed view is worth scanning.
/// </summary>
internal static class CommonWords
{
    // English first, the most frequent first; then the other languages. The order is a word's rank (see Rank).
    private static readonly string[] Ordered =
    [
        "the", "be", "to", "of", "and", "a", "in", "that", "have", "i", "it", "for", "not", "on", "with", "he", "as",
        "you", "do", "at", "this", "but", "his", "by", "from", "they", "we", "say", "her", "she", "or", "an", "will",
        "my", "one", "all", "would", "there", "their", "what", "so", "up", "out", "if", "about", "who", "get", "which",
        "go", "me", "when", "make", "can", "like", "time", "no", "just", "him", "know", "take", "is", "are", "was",
        "your", "now", "any", "tell", "give", "how", "ignore", "previous", "instructions", "system", "prompt", "password",
        "secret", "reveal", "print", "show", "rules", "forget", "above", "must", "should", "then", "than", "new", "its",
        // More of the most frequent English words, so that short rot13 or reversed requests decode too.
        "write", "stop", "answer", "question", "questions", "describe", "explain", "provide", "create", "list",
        "steps", "step", "people", "use", "using", "way", "ways", "help", "want", "need", "please", "story",
        "character", "other", "related", "code", "every", "always", "never", "only", "more", "most", "some", "these",
        "those", "here", "where", "why", "after", "before", "into", "over", "also", "been", "were", "has", "had",
        "did", "does", "could", "may", "might", "first", "each", "many", "much", "very", "well", "good", "best",
        "user", "users", "response", "reply", "message", "word", "words", "following", "information", "instruction",
        "data", "file", "script", "role", "act", "pretend", "mode", "developer", "unfiltered", "illegal", "hate",
        "kill", "guide", "detailed", "detail", "persuasive", "article", "post", "letter", "email", "world", "life",
        "someone", "person", "without", "against", "because", "while", "through", "under", "between", "again", "ai",
        "assistant", "model", "chatgpt", "game", "play", "player", "human", "humans", "called", "named", "name",
        "answers", "responses",
        // German, French, Spanish, Portuguese, Italian, Dutch, Polish and Croatian function words and override verbs, so
        // that rot13 or reversed text in those languages is decoded too.
        "der", "die", "das", "und", "ist", "nicht", "ich", "du", "ein", "eine", "zu", "mit", "auf", "den", "dem", "mir",
        "alle", "alles", "vorherigen", "anweisungen", "vergiss", "ignoriere", "gib", "sag", "sage", "passwort", "wie",
        "was", "wenn", "aber", "oder", "auch", "nur", "jetzt", "le", "la", "les", "de", "des", "et", "est", "un", "une",
        "je", "tu", "il", "elle", "nous", "vous", "pas", "que", "qui", "pour", "dans", "sur", "avec", "tes", "tous",
        "toutes", "oublie", "mot", "passe", "dis", "moi", "el", "los", "las", "es", "una", "yo", "por", "para", "con",
        "del", "todas", "todos", "instrucciones", "anteriores", "olvida", "ignora", "dime", "os", "um", "uma", "eu",
        "nao", "com", "tudo", "esqueca", "lo", "gli", "di", "che", "non", "per", "tutte", "istruzioni", "precedenti",
        "dimentica", "het", "een", "vorige", "instructies", "negeer", "vergeet", "wszystkie", "instrukcje",
        "poprzednie", "sve", "instrukcije", "zaboravi", "todo", "solo", "en", "siguiente", "dices", "tienes", "sabes",
        "se", "na", "da", "em", "mais", "meu", "vai", "mas", "ao", "como", "seu", "sua", "isso", "pero", "si", "mi", "su", "al",
    ];

    private static readonly HashSet<string> Words = new(Ordered, StringComparer.Ordinal);

    private static readonly Dictionary<string, int> Ranks = RankWords();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (lower case) is one of the common words.</summary>
    public static bool Contains(string word) => Words.Contains(word);

    /// <summary>
    /// The word's place in the list (0 = most frequent English word; the other languages come after English), or
    /// <see cref="int.MaxValue"/> when it is not a common word. Lower means more likely in a message.
    /// </summary>
    public static int Rank(string word) => Ranks.TryGetValue(word, out var rank) ? rank : int.MaxValue;

    private static Dictionary<string, int> RankWords()
    {
        var ranks = new Dictionary<string, int>(Ordered.Length, StringComparer.Ordinal);
        for (var i = 0; i < Ordered.Length; i++)
        {
            ranks.TryAdd(Ordered[i], i);
        }

        return ranks;
    }

    /// <summary>
    /// Counts common words in <paramref name="text"/> (lower-case ASCII words), as written, rot13-shifted, reversed and
    /// in Atbash (a↔z, b↔y).
    /// </summary>
    public static (int Plain, int Rot13, int Reversed, int Atbash, int Words) Count(ReadOnlySpan<char> text, int maxChars)
    {
        Span<char> buffer = stackalloc char[32];
        int plain = 0, rot = 0, reversed = 0, atbash = 0, words = 0;
        var end = Math.Min(text.Length, maxChars);
        var i = 0;
        while (NextWord(text, end, ref i, out var start, out var length))
        {
            words++;
            if (length > buffer.Length)
            {
                continue;
            }

            var word = text.Slice(start, length);
            if (Lookup.Contains(word))
            {
                plain++;
            }

            for (var k = 0; k < length; k++)
            {
                buffer[k] = Rot13(word[k]);
            }

            if (Lookup.Contains(buffer[..length]))
            {
                rot++;
            }

            for (var k = 0; k < length; k++)
            {
                buffer[k] = word[length - 1 - k];
            }

            if (Lookup.Contains(buffer[..length]))
            {
                reversed++;
            }

            for (var k = 0; k < length; k++)
            {
                buffer[k] = Atbash(word[k]);
            }

            if (Lookup.Contains(buffer[..length]))
            {
                atbash++;
            }
        }

        return (plain, rot, reversed, atbash, words);
    }

    /// <summary>
    /// The Caesar rotation (1-25, not 13) that turns the most of the first <paramref name="maxWords"/> words of two or
    /// more letters into common words, how many it finds and how many words it tried. One-letter words are left out:
    /// with 24 rotations to choose from, "a" and "i" turn up by chance. The work is bounded: 24 rotations of at most
    /// <paramref name="maxWords"/> words.
    /// </summary>
    public static (int Rotation, int Found, int Tried) BestRotation(ReadOnlySpan<char> text, int maxChars, int maxWords)
    {
        Span<int> starts = stackalloc int[maxWords];
        Span<int> lengths = stackalloc int[maxWords];
        Span<char> buffer = stackalloc char[32];
        var count = 0;
        var end = Math.Min(text.Length, maxChars);
        var i = 0;
        while (count < maxWords && NextWord(text, end, ref i, out var start, out var length))
        {
            if (length >= 2 && length <= buffer.Length)
            {
                starts[count] = start;
                lengths[count] = length;
                count++;
            }
        }

        int best = 0, bestFound = 0;
        for (var rotation = 1; rotation < 26; rotation++)
        {
            if (rotation == 13)
            {
                continue;
            }

            var found = 0;
            for (var w = 0; w < count; w++)
            {
                for (var k = 0; k < lengths[w]; k++)
                {
                    buffer[k] = Rotate(text[starts[w] + k], rotation);
                }

                if (Lookup.Contains(buffer[..lengths[w]]))
                {
                    found++;
                }
            }

            if (found > bestFound)
            {
                (best, bestFound) = (rotation, found);
            }
        }

        return (best, bestFound, count);
    }

    /// <summary>
    /// The next run of lower-case ASCII letters from <paramref name="i"/> that stands as a word. Letters glued to digits
    /// are leetspeak fragments ("r3n3w4bl3"), not words of any language; letters glued to accented ones are pieces of a
    /// word of another language (the "ng" and "n" of Vietnamese "ngân" once counted as the rot13 of "at" and "a").
    /// </summary>
    private static bool NextWord(ReadOnlySpan<char> text, int end, ref int i, out int start, out int length)
    {
        while (i < end)
        {
            if (!char.IsAsciiLetterLower(text[i]))
            {
                i++;
                continue;
            }

            start = i;
            while (i < end && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            if ((start > 0 && (char.IsAsciiDigit(text[start - 1]) || char.IsLetter(text[start - 1])))
                || (i < end && (char.IsAsciiDigit(text[i]) || char.IsLetter(text[i]))))
            {
                continue;
            }

            length = i - start;
            return true;
        }

        start = length = 0;
        return false;
    }

    public static char Rot13(char c) => Rotate(c, 13);

    /// <summary>Shifts an ASCII letter <paramref name="rotation"/> places along the alphabet, keeping its case.</summary>
    public static char Rotate(char c, int rotation) => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + rotation) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + rotation) % 26)),
        _ => c,
    };

    /// <summary>The Atbash cipher: the alphabet read backwards (a↔z, b↔y), keeping case.</summary>
    public static char Atbash(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)('z' - (c - 'a')),
        >= 'A' and <= 'Z' => (char)('Z' - (c - 'A')),
        _ => c,
    };
}
