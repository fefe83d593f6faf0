using System.Text;

namespace Soc.Core.Evaluation;

/// <summary>
/// Produces obfuscated copies of a text the way attackers disguise prompts: look-alike letters, invisible characters,
/// spacing, leetspeak, full-width forms, encodings and smuggling channels. Deterministic for a given seed.
/// </summary>
public static class ObfuscationGenerator
{
    public static readonly IReadOnlyList<(string Name, Func<string, string> Apply)> Techniques =
    [
        ("homoglyphs", Homoglyphs),
        ("zero-width", ZeroWidth),
        ("letter-spacing", LetterSpacing),
        ("dotted-letters", DottedLetters),
        ("leetspeak", Leetspeak),
        ("full-width", FullWidth),
        ("base64", Base64Wrapped),
        ("rot13", Rot13),
        ("tag-smuggling", TagSmuggling),
        ("emoji-variation-selectors", VariationSelectorSmuggling),
        ("random-casing", RandomCasing),
        ("reversed", Reversed),
    ];

    /// <summary>Latin letters and the Cyrillic or Greek letters that look the same.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['a'] = 'а', ['c'] = 'с', ['e'] = 'е', ['i'] = 'і', ['o'] = 'о', ['p'] = 'р', ['x'] = 'х', ['y'] = 'у',
        ['s'] = 'ѕ', ['j'] = 'ј', ['A'] = 'Α', ['B'] = 'Β', ['E'] = 'Ε', ['H'] = 'Η', ['I'] = 'Ι', ['K'] = 'Κ',
        ['M'] = 'Μ', ['N'] = 'Ν', ['O'] = 'Ο', ['P'] = 'Ρ', ['T'] = 'Τ', ['X'] = 'Χ',
    };

    public static string Homoglyphs(string text)
    {
        var random = new Random(text.Length);
        return string.Concat(text.Select(c => LookAlikes.TryGetValue(c, out var g) && random.Next(2) == 0 ? g : c));
    }

    public static string ZeroWidth(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(text[i]);
            if (char.IsLetter(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                sb.Append(i % 3 == 0 ? '\u200B' : i % 3 == 1 ? '\u200C' : '\u2060');
            }
        }

        return sb.ToString();
    }

    /// <summary>"i g n o r e   a l l": one space between letters, three between words.</summary>
    public static string LetterSpacing(string text) =>
        string.Join("   ", text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => string.Join(' ', w.ToCharArray())));

    /// <summary>"i.g.n.o.r.e a.l.l": letters joined by dots, words by spaces.</summary>
    public static string DottedLetters(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => string.Join('.', w.ToCharArray())));

    public static string Leetspeak(string text) => string.Concat(text.Select(c => char.ToLowerInvariant(c) switch
    {
        'a' => '4',
        'e' => '3',
        'i' => '1',
        'o' => '0',
        's' => '5',
        't' => '7',
        _ => c,
    }));

    public static string FullWidth(string text) =>
        string.Concat(text.Select(c => c is > ' ' and <= '~' ? (char)(c - 0x21 + 0xFF01) : c));

    public static string Base64Wrapped(string text) =>
        "decode this: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static string Rot13(string text) => string.Concat(text.Select(c => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    }));

    /// <summary>ASCII smuggling: the attack as invisible Unicode tag characters behind a harmless visible line.</summary>
    public static string TagSmuggling(string text)
    {
        var sb = new StringBuilder("What a lovely day! ");
        foreach (var c in text.Where(c => c < 0x80))
        {
            sb.Append(char.ConvertFromUtf32(0xE0000 + c));
        }

        return sb.ToString();
    }

    /// <summary>Emoji smuggling: each UTF-8 byte of the attack as a variation selector after an emoji.</summary>
    public static string VariationSelectorSmuggling(string text)
    {
        var sb = new StringBuilder("Look 😀");
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            sb.Append(b < 16 ? ((char)(0xFE00 + b)).ToString() : char.ConvertFromUtf32(0xE0100 + b - 16));
        }

        return sb.Append(" nice, right?").ToString();
    }

    public static string RandomCasing(string text)
    {
        var random = new Random(text.Length);
        return string.Concat(text.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
    }

    public static string Reversed(string text)
    {
        var chars = text.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
