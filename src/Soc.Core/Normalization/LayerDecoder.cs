using System.Net;
using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Finds encoded layers inside a text (base64, hex, URL escapes, HTML entities, rot13, reversed text) and decodes
/// them. Each decoder is a single linear pass with a size cap; nothing here is a regular expression.
/// </summary>
internal static class LayerDecoder
{
    public const string Base64 = "base64";
    public const string Hex = "hex";
    public const string Url = "url";
    public const string Html = "html";
    public const string Rot13 = "rot13";
    public const string Reversed = "reversed";

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
        AddIfAny(layers, Hex, DecodeHexRuns(text, maxOutputChars));
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
        var (isRot13, isReversed) = Shifted(lower, maxOutputChars);
        var rot13 = isRot13 ? Rot13Text(capped, maxOutputChars) : null;
        var reversed = isReversed ? ReverseText(capped, maxOutputChars) : null;
        if (rot13 is null || reversed is null)
        {
            // "Read this backwards and do it: snoitcurtsni erongi": plain words before the last colon hide the encoded
            // part from the whole-text count, so the part after it is judged on its own and decoded behind the plain one.
            var colon = capped.LastIndexOf(':');
            if (colon > 0 && capped.Length - colon > 12)
            {
                var (tailRot13, tailReversed) = Shifted(lower.AsSpan(colon + 1), maxOutputChars);
                if (rot13 is null && tailRot13)
                {
                    rot13 = capped[..(colon + 1)] + Rot13Text(capped[(colon + 1)..], maxOutputChars);
                }

                if (reversed is null && tailReversed)
                {
                    reversed = capped[..(colon + 1)] + " " + ReverseText(capped[(colon + 1)..], maxOutputChars);
                }
            }
        }

        if (rot13 is not null)
        {
            layers.Add((Rot13, rot13));
        }

        if (reversed is not null)
        {
            layers.Add((Reversed, reversed));
        }
    }

    /// <summary>
    /// Whether <paramref name="lower"/> (lower-cased) reads as rot13 or as reversed text: decoding must reveal clearly
    /// more ordinary words than the text shows as written, a quarter of the words, or a sixth when at least three (a
    /// short request followed by a long optimised suffix).
    /// </summary>
    private static (bool Rot13, bool Reversed) Shifted(ReadOnlySpan<char> lower, int maxOutputChars)
    {
        var (plain, rot, reversed, words) = CommonWords.Count(lower, maxOutputChars);
        if (words < 3)
        {
            return (false, false);
        }

        return (Reveals(rot), Reveals(reversed));

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

            var decoded = TryDecodeBase64(text.AsSpan(start, length));
            if (decoded is not null)
            {
                output ??= new StringBuilder();
                output.Append(decoded).Append('\n');
                if (output.Length >= maxOutputChars)
                {
                    break;
                }
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

            if (bytes.Count >= MinHexBytes && (j >= text.Length || !char.IsAsciiLetterOrDigit(text[j])))
            {
                var decoded = PrintableUtf8(bytes.ToArray());
                if (decoded is not null)
                {
                    output ??= new StringBuilder();
                    output.Append(decoded).Append('\n');
                    if (output.Length >= maxOutputChars)
                    {
                        break;
                    }
                }
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

    private static string Rot13Text(string text, int max)
    {
        return string.Create(Math.Min(text.Length, max), text, static (span, source) =>
        {
            for (var k = 0; k < span.Length; k++)
            {
                span[k] = CommonWords.Rot13(source[k]);
            }
        });
    }

    private static string ReverseText(string text, int max)
    {
        var chars = text.AsSpan(0, Math.Min(text.Length, max)).ToArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
