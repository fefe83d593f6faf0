using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Soc.Core.Chat;

/// <summary>A secret the answer must not reveal: its kind (<c>flag</c>, <c>canary</c>) and its value.</summary>
public sealed record ProtectedSecret(string Kind, string Value);

/// <summary>What the leak scan found: which secrets, and in which form (plain, reversed, spaced, base64, hex, rot13, url).</summary>
public sealed record LeakReport(bool Leaked, IReadOnlyList<string> Secrets, IReadOnlyList<string> Forms)
{
    public static readonly LeakReport None = new(false, [], []);
}

/// <summary>
/// Finds secrets in a chatbot answer however they are dressed: the answer is read as several views (letters and
/// digits only, so spacing, punctuation and line breaks vanish; base64, hex, URL and rot13 decodings of it), and every
/// view is searched for each secret and for each secret reversed. Literal search only: no text becomes a regex.
/// </summary>
public static class LeakDetector
{
    /// <summary>Secrets shorter than this (letters and digits) are too short to search without false alarms.</summary>
    public const int MinSecretChars = 6;

    public static LeakReport Scan(string answer, IReadOnlyList<ProtectedSecret> secrets)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var wanted = secrets
            .Select(s => (s.Kind, Compact: Compact(s.Value)))
            .Where(s => s.Compact.Length >= MinSecretChars)
            .ToArray();
        if (wanted.Length == 0 || answer.Length == 0)
        {
            return LeakReport.None;
        }

        var views = Views(answer);
        var kinds = new List<string>();
        var forms = new List<string>();
        foreach (var (kind, secret) in wanted)
        {
            var reversed = Reverse(secret);
            foreach (var (form, text) in views)
            {
                var forward = text.Contains(secret, StringComparison.Ordinal);
                var backward = !forward && text.Contains(reversed, StringComparison.Ordinal);
                if (forward || backward)
                {
                    Add(kinds, kind);
                    Add(forms, backward ? form + "+reversed" : form);
                }
            }
        }

        return kinds.Count == 0 ? LeakReport.None : new LeakReport(true, kinds, forms);
    }

    /// <summary>The views of an answer, each reduced to lower-case letters and digits.</summary>
    internal static List<(string Form, string Text)> Views(string answer)
    {
        var views = new List<(string, string)>();
        var plain = Compact(answer);
        views.Add(("plain", plain));
        views.Add(("rot13", Rot13(plain)));

        if (answer.Contains('%', StringComparison.Ordinal))
        {
            try
            {
                views.Add(("url", Compact(Uri.UnescapeDataString(answer))));
            }
            catch (UriFormatException)
            {
                // Not decodable as a whole: the hex view still sees %XX sequences.
            }
        }

        // Encodings may be split across lines or spaced out: decode from the answer with whitespace removed.
        var stripped = RemoveWhitespace(answer);
        var base64 = new StringBuilder();
        foreach (var run in Runs(stripped, IsBase64Char, 8))
        {
            for (var offset = 0; offset < 4 && run.Length - offset >= 8; offset++)
            {
                base64.Append(Compact(DecodeBase64(run[offset..]))).Append('|');
            }
        }

        if (base64.Length > 0)
        {
            views.Add(("base64", base64.ToString()));
        }

        var hex = new StringBuilder();
        foreach (var run in Runs(stripped.Replace("0x", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("\\x", string.Empty, StringComparison.OrdinalIgnoreCase), IsHexOrSeparator, 12))
        {
            var digits = new string(run.Where(char.IsAsciiHexDigit).ToArray());
            for (var offset = 0; offset < 2 && digits.Length - offset >= 12; offset++)
            {
                hex.Append(Compact(DecodeHex(digits[offset..]))).Append('|');
            }
        }

        if (hex.Length > 0)
        {
            views.Add(("hex", hex.ToString()));
        }

        return views;
    }

    /// <summary>Lower-case letters and digits only, after compatibility normalisation (full-width, ligatures).</summary>
    public static string Compact(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static void Add(List<string> list, string value)
    {
        if (!list.Contains(value, StringComparer.Ordinal))
        {
            list.Add(value);
        }
    }

    private static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static string Rot13(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (c is >= 'a' and <= 'z')
            {
                chars[i] = (char)('a' + ((c - 'a' + 13) % 26));
            }
        }

        return new string(chars);
    }

    private static string RemoveWhitespace(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && c != '\\' && c != '"')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool IsBase64Char(char c) => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_';

    private static bool IsHexOrSeparator(char c) => char.IsAsciiHexDigit(c) || c is ':' or '%' or ',';

    private static IEnumerable<string> Runs(string s, Func<char, bool> member, int minLength)
    {
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var inRun = i < s.Length && member(s[i]);
            if (inRun && start < 0)
            {
                start = i;
            }
            else if (!inRun && start >= 0)
            {
                if (i - start >= minLength)
                {
                    yield return s[start..i];
                }

                start = -1;
            }
        }
    }

    private static string DecodeBase64(string run)
    {
        var chars = run.Replace('-', '+').Replace('_', '/');
        // The padding was cut off with the run (or never written): restore it so the last group decodes too.
        chars = (chars.Length % 4) switch
        {
            1 => chars[..^1],
            2 => chars + "==",
            3 => chars + "=",
            _ => chars,
        };
        var bytes = new byte[(chars.Length / 4) * 3];
        var source = Encoding.ASCII.GetBytes(chars);
        var status = Base64.DecodeFromUtf8(source, bytes, out _, out var written);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.InvalidData or System.Buffers.OperationStatus.NeedMoreData
            ? Latin1(bytes.AsSpan(0, written))
            : string.Empty;
    }

    private static string DecodeHex(string digits)
    {
        var bytes = new byte[digits.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse(digits.AsSpan(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return Latin1(bytes);
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
