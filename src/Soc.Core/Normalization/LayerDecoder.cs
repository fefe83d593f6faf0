using System.Net;
using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Finds encoded layers inside a text (base64, base32, hex, binary, URL escapes, HTML entities, \u escapes, Morse code,
/// rot13, reversed text and reversed words) and decodes them. Each decoder is a single linear pass with a size cap;
/// nothing here is a regular expression.
/// </summary>
internal static class LayerDecoder
{
    public const string Base64 = "base64";
    public const string Hex = "hex";
    public const string Url = "url";
    public const string Html = "html";
    public const string Rot13 = "rot13";
    public const string Reversed = "reversed";
    public const string Atbash = "atbash";
    public const string Caesar = "caesar";
    public const string ReversedWords = "reversed-words";
    public const string Base32 = "base32";
    public const string Binary = "binary";
    public const string UnicodeEscapes = "unicode-escapes";
    public const string Morse = "morse";

    /// <summary>Shortest base32 run worth decoding (10 bytes of payload).</summary>
    private const int MinBase32Chars = 16;

    /// <summary>Fewest 8-bit groups, escapes or Morse letters worth decoding.</summary>
    private const int MinUnits = 6;

    /// <summary>Shortest base64 run worth decoding (12 bytes of payload).</summary>
    private const int MinBase64Chars = 16;

    /// <summary>Fewest hex bytes worth decoding.</summary>
    private const int MinHexBytes = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Adds every layer found in <paramref name="text"/> (case preserved) to <paramref name="layers"/>.</summary>
    public static void Decode(string text, int maxOutputChars, List<(string Kind, string Text)> layers)
    {
        if (text.Length == 0)
        {
            return;
        }

        AddIfAny(layers, Base64, DecodeBase64Runs(text, maxOutputChars));
        AddIfAny(layers, Base32, DecodeBase32Runs(text, maxOutputChars));
        AddIfAny(layers, Hex, DecodeHexRuns(text, maxOutputChars));
        AddIfAny(layers, Binary, DecodeBinaryRuns(text, maxOutputChars));
        AddIfAny(layers, UnicodeEscapes, DecodeUnicodeEscapes(text, maxOutputChars));
        AddIfAny(layers, Morse, DecodeMorse(text, maxOutputChars));
        if (CountPercentEscapes(text) >= 3)
        {
            AddIfAny(layers, Url, Cap(WebUtility.UrlDecode(text), maxOutputChars));
        }

        if (text.Contains('&') && text.Contains(';'))
        {
            var html = WebUtility.HtmlDecode(text);
            if (!string.Equals(html, text, StringComparison.Ordinal))
            {
                AddIfAny(layers, Html, Cap(html, maxOutputChars));
            }
        }

        var capped = text.Length <= maxOutputChars ? text : text[..maxOutputChars];
        var lower = capped.ToLowerInvariant();
        var found = Shifted(lower, maxOutputChars);
        var rot13 = found.Rot13 ? Substitute(capped, CommonWords.Rot13, maxOutputChars) : null;
        var reversed = found.Reversed ? ReverseText(capped, maxOutputChars) : null;
        var atbash = found.Atbash ? Substitute(capped, CommonWords.Atbash, maxOutputChars) : null;
        var caesar = found.Rotation > 0 ? Rotated(capped, found.Rotation, maxOutputChars) : null;
        if (rot13 is null || reversed is null || atbash is null || caesar is null)
        {
            // "Read this backwards and do it: snoitcurtsni erongi": plain words before the last colon hide the encoded
            // part from the whole-text count, so the part after it is judged on its own and decoded behind the plain one.
            var colon = capped.LastIndexOf(':');
            if (colon > 0 && capped.Length - colon > 12)
            {
                var tail = Shifted(lower.AsSpan(colon + 1), maxOutputChars);
                if (tail.Rot13 || tail.Reversed || tail.Atbash || tail.Rotation > 0)
                {
                    var head = capped[..(colon + 1)];
                    var rest = capped[(colon + 1)..];
                    if (rot13 is null && tail.Rot13)
                    {
                        rot13 = head + Substitute(rest, CommonWords.Rot13, maxOutputChars);
                    }

                    if (reversed is null && tail.Reversed)
                    {
                        reversed = head + " " + ReverseText(rest, maxOutputChars);
                    }

                    if (atbash is null && tail.Atbash)
                    {
                        atbash = head + Substitute(rest, CommonWords.Atbash, maxOutputChars);
                    }

                    if (caesar is null && tail.Rotation > 0)
                    {
                        caesar = head + Rotated(rest, tail.Rotation, maxOutputChars);
                    }
                }
            }
        }

        if (rot13 is not null)
        {
            layers.Add((Rot13, rot13));
        }

        if (atbash is not null)
        {
            layers.Add((Atbash, atbash));
        }

        if (caesar is not null)
        {
            layers.Add((Caesar, caesar));
        }

        if (reversed is not null)
        {
            layers.Add((Reversed, reversed));

            // Each word spelled backwards in its place ("erongi lla suoiverp"): reversing the whole text also reverses
            // the word order, so the words are put back in the order they were written.
            AddIfAny(layers, ReversedWords, ReverseWordOrder(reversed));
        }
    }

    /// <summary>
    /// Whether <paramref name="lower"/> (lower-cased) reads as rot13, reversed, Atbash or another Caesar rotation:
    /// decoding must reveal clearly more ordinary words than the text shows as written, a quarter of the words, or a
    /// sixth when at least three (a short request followed by a long optimised suffix). The other 24 rotations are
    /// tried only on text that does not read as written and that no cheaper decoding explains, and only on its first
    /// words, so ordinary messages pay nothing for them.
    /// </summary>
    private static (bool Rot13, bool Reversed, bool Atbash, int Rotation) Shifted(ReadOnlySpan<char> lower, int maxOutputChars)
    {
        var (plain, rot, reversed, atbash, words) = CommonWords.Count(lower, maxOutputChars);
        if (words < 3)
        {
            return (false, false, false, 0);
        }

        bool isRot13 = Reveals(rot), isReversed = Reveals(reversed), isAtbash = Reveals(atbash);
        var rotation = 0;
        if (!isRot13 && !isReversed && !isAtbash && plain * 4 < words)
        {
            const int maxWords = 24;
            // Stricter than the single decodings: the best of 24 rotations finds a few short words in any text by
            // chance, so it must turn at least three words, and half of those it tried, into common ones.
            var (best, decoded, tried) = CommonWords.BestRotation(lower, maxOutputChars, maxWords);
            if (decoded >= 3 && decoded > 2 * plain && decoded * 2 >= tried)
            {
                rotation = best;
            }
        }

        return (isRot13, isReversed, isAtbash, rotation);

        bool Reveals(int decoded) => decoded >= 2 && decoded > 2 * plain && (decoded * 4 >= words || (decoded >= 3 && decoded * 6 >= words));
    }

    private static void AddIfAny(List<(string, string)> layers, string kind, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            layers.Add((kind, text));
        }
    }

    private static string Cap(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Appends a decoded run as a line of the layer (nothing when it is null); true once the layer is full.</summary>
    private static bool AppendLine(ref StringBuilder? output, string? decoded, int maxOutputChars)
    {
        if (decoded is null)
        {
            return false;
        }

        output ??= new StringBuilder();
        output.Append(decoded).Append('\n');
        return output.Length >= maxOutputChars;
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    private static string? DecodeBase64Runs(string text, int maxOutputChars)
    {
        StringBuilder? output = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsBase64Char(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var letters = 0;
            var digitsOrSymbols = 0;
            while (i < text.Length && IsBase64Char(text[i]))
            {
                if (char.IsAsciiLetter(text[i]))
                {
                    letters++;
                }
                else
                {
                    digitsOrSymbols++;
                }

                i++;
            }

            var end = i;
            while (i < text.Length && text[i] == '=' && i - end < 2)
            {
                i++;
            }

            var length = end - start;
            // Plain long words are letters only and rarely a multiple of 4 with mixed case; require some variety.
            if (length < MinBase64Chars || digitsOrSymbols + CountUpper(text, start, end) == 0 || letters == 0)
            {
                continue;
            }

            if (AppendLine(ref output, TryDecodeBase64(text.AsSpan(start, length)), maxOutputChars))
            {
                break;
            }
        }

        return output is null ? null : Cap(output.ToString(), maxOutputChars);
    }

    private static int CountUpper(string text, int start, int end)
    {
        var n = 0;
        for (var k = start; k < end; k++)
        {
            if (char.IsAsciiLetterUpper(text[k]))
            {
                n++;
            }
        }

        return n;
    }

    private static string? TryDecodeBase64(ReadOnlySpan<char> run)
    {
        var padded = (run.Length + 3) / 4 * 4;
        Span<char> chars = padded <= 4096 ? stackalloc char[padded] : new char[padded];
        for (var k = 0; k < run.Length; k++)
        {
            chars[k] = run[k] switch { '-' => '+', '_' => '/', var c => c };
        }

        chars[run.Length..].Fill('=');
        if (padded - run.Length == 3)
        {
            return null;
        }

        var bytes = new byte[padded / 4 * 3];
        return Convert.TryFromBase64Chars(chars, bytes, out var written) ? PrintableUtf8(bytes.AsSpan(0, written)) : null;
    }

    private static string? PrintableUtf8(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var printable = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\r' or '\t')
            {
                printable++;
            }

            if (char.IsLetter(c) || c == ' ')
            {
                letters++;
            }
        }

        return text.Length > 0 && printable * 20 >= text.Length * 19 && letters * 2 >= text.Length ? text : null;
    }

    private static string? DecodeHexRuns(string text, int maxOutputChars)
    {
        StringBuilder? output = null;
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            bytes.Clear();
            // A run of hex byte pairs, optionally separated by one space, colon, comma, "\x" or "0x" each.
            var j = i;
            while (j < text.Length)
            {
                var k = j;
                if (k + 1 < text.Length && (text[k] == '\\' || text[k] == '0') && (text[k + 1] == 'x' || text[k + 1] == 'X'))
                {
                    k += 2;
                }

                if (k + 1 < text.Length && char.IsAsciiHexDigit(text[k]) && char.IsAsciiHexDigit(text[k + 1]))
                {
                    bytes.Add((byte)((HexValue(text[k]) << 4) | HexValue(text[k + 1])));
                    j = k + 2;
                    if (j < text.Length && text[j] is ' ' or ':' or ',' && j + 1 < text.Length && (char.IsAsciiHexDigit(text[j + 1]) || text[j + 1] is '\\' or '0'))
                    {
                        j++;
                    }

                    continue;
                }

                break;
            }

            if (bytes.Count >= MinHexBytes && (j >= text.Length || !char.IsAsciiLetterOrDigit(text[j]))
                && AppendLine(ref output, PrintableUtf8(bytes.ToArray()), maxOutputChars))
            {
                break;
            }

            // Skip to the next word so every character is visited a bounded number of times.
            i = Math.Max(j, i + 1);
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]) && i > 0 && char.IsAsciiLetterOrDigit(text[i - 1]))
            {
                i++;
            }
        }

        return output is null ? null : Cap(output.ToString(), maxOutputChars);
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static int CountPercentEscapes(string text)
    {
        var n = 0;
        for (var i = text.IndexOf('%'); i >= 0 && i + 2 < text.Length; i = text.IndexOf('%', i + 1))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The text shifted <paramref name="rotation"/> places along the alphabet (a closure only when a rotation is found).</summary>
    private static string Rotated(string text, int rotation, int max) => Substitute(text, c => CommonWords.Rotate(c, rotation), max);

    /// <summary>The text with every character mapped by <paramref name="map"/> (rot13, Atbash or a Caesar rotation).</summary>
    private static string Substitute(string text, Func<char, char> map, int max)
    {
        return string.Create(Math.Min(text.Length, max), (text, map), static (span, state) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                span[k] = state.map(state.text[k]);
            }
        });
    }

    /// <summary>The words of <paramref name="text"/> in reverse order, each kept as it is.</summary>
    private static string? ReverseWordOrder(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
        {
            return null;
        }

        Array.Reverse(words);
        return string.Join(' ', words);
    }

    private static bool IsBase32Char(char c) => char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7';

    /// <summary>Runs of upper-case RFC 4648 base32 (A-Z, 2-7, '=' padding) with at least one digit, decoded when printable.</summary>
    private static string? DecodeBase32Runs(string text, int maxOutputChars)
    {
        StringBuilder? output = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsBase32Char(text[i]) || (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }

            var start = i;
            var digits = 0;
            while (i < text.Length && IsBase32Char(text[i]))
            {
                digits += char.IsAsciiDigit(text[i]) ? 1 : 0;
                i++;
            }

            var end = i;
            while (i < text.Length && text[i] == '=')
            {
                i++;
            }

            if (end - start < MinBase32Chars || digits == 0 || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])))
            {
                continue;
            }

            var bytes = new List<byte>((end - start) * 5 / 8);
            var buffer = 0;
            var bits = 0;
            for (var k = start; k < end; k++)
            {
                var c = text[k];
                buffer = (buffer << 5) | (char.IsAsciiLetterUpper(c) ? c - 'A' : c - '2' + 26);
                bits += 5;
                if (bits >= 8)
                {
                    bytes.Add((byte)(buffer >> (bits - 8)));
                    bits -= 8;
                    buffer &= (1 << bits) - 1;
                }
            }

            if (AppendLine(ref output, PrintableUtf8(bytes.ToArray()), maxOutputChars))
            {
                break;
            }
        }

        return output is null ? null : Cap(output.ToString(), maxOutputChars);
    }

    /// <summary>Runs of 8-bit groups of 0 and 1 separated by single spaces ("01101001 01100111 ...").</summary>
    private static string? DecodeBinaryRuns(string text, int maxOutputChars)
    {
        if (text.IndexOf("0000", StringComparison.Ordinal) < 0 && text.IndexOf("01", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        StringBuilder? output = null;
        var bytes = new List<byte>();
        var i = 0;
        while (i < text.Length)
        {
            bytes.Clear();
            var j = i;
            while (j + 8 <= text.Length && IsByteOfBits(text, j) && (j + 8 == text.Length || !char.IsAsciiDigit(text[j + 8])))
            {
                var value = 0;
                for (var k = 0; k < 8; k++)
                {
                    value = (value << 1) | (text[j + k] - '0');
                }

                bytes.Add((byte)value);
                j += 8;
                if (j < text.Length && text[j] == ' ')
                {
                    j++;
                }
            }

            if (bytes.Count >= MinUnits && AppendLine(ref output, PrintableUtf8(bytes.ToArray()), maxOutputChars))
            {
                break;
            }

            i = Math.Max(j, i + 1);
        }

        return output is null ? null : Cap(output.ToString(), maxOutputChars);
    }

    private static bool IsByteOfBits(string text, int at)
    {
        if (at > 0 && char.IsAsciiDigit(text[at - 1]))
        {
            return false;
        }

        for (var k = at; k < at + 8; k++)
        {
            if (text[k] is not ('0' or '1'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Text with at least <see cref="MinUnits"/> \uXXXX (or \UXXXXXXXX, U+XXXX) escapes, every escape replaced by its
    /// character; other text is kept.
    /// </summary>
    private static string? DecodeUnicodeEscapes(string text, int maxOutputChars)
    {
        if (text.IndexOf("\\u", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("u+", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(text.Length, maxOutputChars));
        var escapes = 0;
        var i = 0;
        while (i < text.Length && sb.Length < maxOutputChars)
        {
            var digits = i + 1 < text.Length && ((text[i] == '\\' && text[i + 1] is 'u' or 'U') || (text[i] is 'U' or 'u' && text[i + 1] == '+')) ? 4 : 0;
            if (digits > 0 && text[i] == '\\' && text[i + 1] == 'U' && HexDigitsAt(text, i + 2, 8))
            {
                digits = 8;
            }

            if (digits > 0 && HexDigitsAt(text, i + 2, 4))
            {
                var value = 0;
                for (var k = 0; k < digits; k++)
                {
                    value = (value << 4) | HexValue(text[i + 2 + k]);
                }

                if (value is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                {
                    sb.Append(char.ConvertFromUtf32(value));
                    escapes++;
                    i += 2 + digits;
                    continue;
                }
            }

            sb.Append(text[i]);
            i++;
        }

        return escapes >= MinUnits ? sb.ToString() : null;
    }

    private static bool HexDigitsAt(string text, int at, int count)
    {
        if (at + count > text.Length)
        {
            return false;
        }

        for (var k = at; k < at + count; k++)
        {
            if (!char.IsAsciiHexDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly Dictionary<string, char> MorseLetters = new(StringComparer.Ordinal)
    {
        [".-"] = 'a', ["-..."] = 'b', ["-.-."] = 'c', ["-.."] = 'd', ["."] = 'e', ["..-."] = 'f', ["--."] = 'g',
        ["...."] = 'h', [".."] = 'i', [".---"] = 'j', ["-.-"] = 'k', [".-.."] = 'l', ["--"] = 'm', ["-."] = 'n',
        ["---"] = 'o', [".--."] = 'p', ["--.-"] = 'q', [".-."] = 'r', ["..."] = 's', ["-"] = 't', ["..-"] = 'u',
        ["...-"] = 'v', [".--"] = 'w', ["-..-"] = 'x', ["-.--"] = 'y', ["--.."] = 'z', ["-----"] = '0', [".----"] = '1',
        ["..---"] = '2', ["...--"] = '3', ["....-"] = '4', ["....."] = '5', ["-...."] = '6', ["--..."] = '7',
        ["---.."] = '8', ["----."] = '9',
    };

    /// <summary>
    /// Morse code: groups of dots and dashes separated by spaces, words by two or more spaces or a slash. Decoded when
    /// at least <see cref="MinUnits"/> groups are letters; any other text is kept as it is.
    /// </summary>
    private static string? DecodeMorse(string text, int maxOutputChars)
    {
        if (text.IndexOf(".-", StringComparison.Ordinal) < 0 && text.IndexOf("-.", StringComparison.Ordinal) < 0)
        {
            return null;
        }

        var sb = new StringBuilder(Math.Min(text.Length, maxOutputChars));
        var letters = 0;
        var i = 0;
        while (i < text.Length && sb.Length < maxOutputChars)
        {
            var c = text[i];
            if (c is '.' or '-' && (i == 0 || text[i - 1] is ' ' or '/' or ':' or '\n'))
            {
                var end = i;
                while (end < text.Length && text[end] is '.' or '-' && end - i <= 6)
                {
                    end++;
                }

                if ((end == text.Length || text[end] is ' ' or '/' or '\n') && MorseLetters.TryGetValue(text[i..end], out var letter))
                {
                    sb.Append(letter);
                    letters++;
                    i = end;
                    var spaces = 0;
                    while (i < text.Length && text[i] is ' ' or '/')
                    {
                        spaces += text[i] == '/' ? 2 : 1;
                        i++;
                    }

                    if (spaces >= 2)
                    {
                        sb.Append(' ');
                    }

                    continue;
                }
            }

            sb.Append(c);
            i++;
        }

        return letters >= MinUnits ? sb.ToString() : null;
    }

    private static string ReverseText(string text, int max)
    {
        var chars = text.AsSpan(0, Math.Min(text.Length, max)).ToArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
