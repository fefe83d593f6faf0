namespace Soc.Core.Normalization;

/// <summary>
/// Letters of other scripts (and letter-like symbols) that look like Latin letters, folded to the Latin letter they
/// imitate. Applied before case folding, so capitals that only look Latin as capitals (Greek Eta, Cyrillic En) map right.
/// Full-width and mathematical alphanumerics need no entry: NFKC folds them already.
/// </summary>
internal static class Confusables
{
    private static readonly char[] Map = Build();

    /// <summary>The Latin letter <paramref name="c"/> imitates, or '\0'.</summary>
    public static char Fold(char c) => Map[c];

    /// <summary>Letters outside the BMP that imitate Latin: regional indicators and enclosed (negative) squared or circled capitals.</summary>
    public static char FoldAstral(int codePoint) => codePoint switch
    {
        >= 0x1F130 and <= 0x1F149 => (char)('a' + (codePoint - 0x1F130)),
        >= 0x1F150 and <= 0x1F169 => (char)('a' + (codePoint - 0x1F150)),
        >= 0x1F170 and <= 0x1F189 => (char)('a' + (codePoint - 0x1F170)),
        >= 0x1F1E6 and <= 0x1F1FF => (char)('a' + (codePoint - 0x1F1E6)),
        _ => '\0',
    };

    private static char[] Build()
    {
        var map = new char[char.MaxValue + 1];
        // Pairs of (look-alike letters, Latin letter). Upper and lower case forms are listed separately on purpose.
        (string From, char To)[] table =
        [
            // Cyrillic
            ("аАӑӓ", 'a'), ("ВЬвь", 'b'), ("сСҫ", 'c'), ("ԁԀ", 'd'), ("еЕёЁҽ", 'e'), ("Ғғ", 'f'), ("ԍԌ", 'g'),
            ("НһҺн", 'h'), ("іІїЇӀӏ", 'i'), ("јЈ", 'j'), ("кКқ", 'k'), ("Мм", 'm'), ("оОӧ", 'o'), ("рР", 'p'),
            ("ԛԚ", 'q'), ("ѕЅ", 's'), ("Тт", 't'), ("уУүҮ", 'y'), ("хХҳ", 'x'), ("ԝԜ", 'w'), ("п", 'n'), ("г", 'r'),
            ("Ѵѵ", 'v'), ("Ζ", 'z'),
            // Greek
            ("ΑαάΆ", 'a'), ("Ββ", 'b'), ("Εε", 'e'), ("Ηη", 'h'), ("ΙιίΊϊ", 'i'), ("Κκ", 'k'), ("Μ", 'm'), ("Ν", 'n'), ("ν", 'v'),
            ("ΟοόΌ", 'o'), ("Ρρ", 'p'), ("Ττ", 't'), ("Υυγ", 'y'), ("Χχ", 'x'), ("ζ", 'z'), ("ω", 'w'), ("ϲϹ", 'c'), ("ϳ", 'j'),
            // Latin look-alikes: small capitals, IPA, dotless i, long s
            ("ᴀɑ", 'a'), ("ʙ", 'b'), ("ᴄ", 'c'), ("ᴅ", 'd'), ("ᴇ", 'e'), ("ɢɡ", 'g'), ("ʜ", 'h'), ("ɪı", 'i'),
            ("ᴊ", 'j'), ("ᴋ", 'k'), ("ʟ", 'l'), ("ᴍ", 'm'), ("ɴ", 'n'), ("ᴏ", 'o'), ("ᴘ", 'p'), ("ʀ", 'r'),
            ("ꜱ", 's'), ("ᴛ", 't'), ("ᴜ", 'u'), ("ᴠ", 'v'), ("ᴡ", 'w'), ("ʏ", 'y'), ("ᴢ", 'z'),
            // Armenian
            ("օ", 'o'), ("ս", 'u'), ("ց", 'g'), ("հ", 'h'), ("ո", 'n'), ("ա", 'w'), ("զ", 'q'),
            // Cherokee capitals
            ("Ꭺ", 'a'), ("Ᏼ", 'b'), ("Ꮯ", 'c'), ("Ꭼ", 'e'), ("Ꮐ", 'g'), ("Ꮋ", 'h'), ("Ꭻ", 'j'), ("Ꮶ", 'k'),
            ("Ꮮ", 'l'), ("Ꮇ", 'm'), ("Ꮲ", 'p'), ("Ꭱ", 'r'), ("Ꮪ", 's'), ("Ꭲ", 't'), ("Ꮩ", 'v'), ("Ꮃ", 'w'), ("Ꮓ", 'z'),
        ];
        foreach (var (from, to) in table)
        {
            foreach (var c in from)
            {
                map[c] = to;
            }
        }

        return map;
    }
}
