using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Finds and strips characters that render as nothing (zero-width, joiners, bidi controls, soft hyphens, variation
/// selectors, Unicode tags) and decodes the two ways they smuggle text: tag characters spelling ASCII, and runs of
/// variation selectors carrying one byte each.
/// </summary>
internal static class InvisibleChars
{
    /// <summary>Result of stripping: the visible text, what was hidden in it, and what kinds of invisible characters it held.</summary>
    internal readonly record struct Stripped(string Text, string? TagText, string? SelectorText, bool InWordInvisible, bool Bidi);

    public static bool IsInvisibleBmp(char c) => c switch
    {
        '\u00AD' or '\u034F' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u180E' or '\u3164' or '\uFEFF' or '\uFFA0' => true,
        >= '\u200B' and <= '\u200F' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2060' and <= '\u2064' => true,
        >= '\u2066' and <= '\u206F' => true,
        >= '\uFE00' and <= '\uFE0F' => true,
        _ => false,
    };

    /// <summary>
    /// Embeddings, overrides and isolates: the controls that reorder what a reader sees. The plain direction marks
    /// (LRM, RLM, ALM) are stripped but are not evidence: Hebrew and Arabic keyboards and apps insert them in ordinary
    /// text ("שלום\u200F, אני רוצה לבטל את ההזמנה").
    /// </summary>
    private static bool IsBidi(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Strips invisible characters; returns the input itself (no copy) when it has none.</summary>
    public static Stripped Strip(string text)
    {
        var first = IndexOfInvisible(text);
        if (first < 0)
        {
            return new Stripped(text, null, null, false, false);
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        StringBuilder? tags = null;
        List<byte>? selectorBytes = null;
        var selectorRun = 0;
        var inWord = false;
        var bidi = false;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var cp = char.ConvertToUtf32(c, text[i + 1]);
                if (cp is >= 0xE0000 and <= 0xE007F)
                {
                    // Tag characters mirror ASCII 0x00..0x7F; the cancel tag (E007F) ends a sequence.
                    var ascii = cp - 0xE0000;
                    if (ascii is >= 0x20 and < 0x7F)
                    {
                        (tags ??= new StringBuilder()).Append((char)ascii);
                    }

                    i++;
                    continue;
                }

                if (cp is >= 0xE0100 and <= 0xE01EF)
                {
                    (selectorBytes ??= []).Add((byte)(cp - 0xE0100 + 16));
                    selectorRun++;
                    i++;
                    continue;
                }

                sb.Append(c).Append(text[i + 1]);
                i++;
                selectorRun = 0;
                continue;
            }

            if (!IsInvisibleBmp(c))
            {
                sb.Append(c);
                selectorRun = 0;
                continue;
            }

            if (c is >= '\uFE00' and <= '\uFE0F')
            {
                (selectorBytes ??= []).Add((byte)(c - '\uFE00'));
                selectorRun++;
                continue;
            }

            bidi |= IsBidi(c);
            // Joiners between emoji or inside Arabic/Indic words are ordinary, and so are stray zero-width spaces
            // between words; between two Latin letters they split a word to hide it.
            var before = sb.Length > 0 ? sb[^1] : ' ';
            var next = i + 1;
            while (next < text.Length && IsInvisibleBmp(text[next]))
            {
                next++;
            }

            var after = next < text.Length ? text[next] : ' ';
            inWord |= char.IsAsciiLetter(before) && char.IsAsciiLetter(after);
        }

        // One or two selectors are what emoji use (VS16 after a symbol); only longer runs carry data.
        string? selectorText = null;
        if (selectorBytes is { Count: >= 4 })
        {
            selectorText = DecodeUtf8(selectorBytes);
        }

        return new Stripped(sb.ToString(), tags is { Length: > 0 } ? tags.ToString() : null, selectorText, inWord, bidi);
    }

    private static int IndexOfInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u00AD')
            {
                continue;
            }

            if (IsInvisibleBmp(c))
            {
                return i;
            }

            if (c == '\uDB40')
            {
                // High surrogate of planes E0000..E01FF: tags and the variation selector supplement.
                return i;
            }
        }

        return -1;
    }

    private static string? DecodeUtf8(List<byte> bytes)
    {
        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes.ToArray());
            var printable = 0;
            foreach (var ch in text)
            {
                if (!char.IsControl(ch) || ch is '\n' or '\r' or '\t')
                {
                    printable++;
                }
            }

            return printable * 10 >= text.Length * 9 ? text : null;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
