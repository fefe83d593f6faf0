namespace Soc.Core.Normalization;

/// <summary>
/// Very frequent English words. A layer that is rot13 or reversed has almost none of them and gains many when decoded:
/// that difference, not a dictionary, decides whether a rot13 or reversed view is worth scanning.
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> Words = new(
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
    ], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts common words in <paramref name="text"/> (lower-case ASCII words), as written, rot13-shifted and reversed.</summary>
    public static (int Plain, int Rot13, int Reversed, int Words) Count(ReadOnlySpan<char> text, int maxChars)
    {
        Span<char> buffer = stackalloc char[32];
        int plain = 0, rot = 0, reversed = 0, words = 0;
        var end = Math.Min(text.Length, maxChars);
        var i = 0;
        while (i < end)
        {
            if (!char.IsAsciiLetterLower(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < end && char.IsAsciiLetterLower(text[i]))
            {
                i++;
            }

            // Letters glued to digits are leetspeak fragments ("r3n3w4bl3"), not words of any language; letters glued to
            // accented ones are pieces of a word of another language (the "ng" and "n" of Vietnamese "ngân" once counted
            // as the rot13 of "at" and "a").
            if ((start > 0 && (char.IsAsciiDigit(text[start - 1]) || char.IsLetter(text[start - 1])))
                || (i < end && (char.IsAsciiDigit(text[i]) || char.IsLetter(text[i]))))
            {
                continue;
            }

            var length = i - start;
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
        }

        return (plain, rot, reversed, words);
    }

    public static char Rot13(char c) => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    };
}
