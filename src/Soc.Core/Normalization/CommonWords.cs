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
    ], StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts common words in <paramref name="text"/> (lower-case ASCII words), as written, rot13-shifted and reversed.</summary>
    public static (int Plain, int Rot13, int Reversed, int Words) Count(string text, int maxChars)
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

            var length = i - start;
            words++;
            if (length > buffer.Length)
            {
                continue;
            }

            var word = text.AsSpan(start, length);
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
