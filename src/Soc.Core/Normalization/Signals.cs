namespace Soc.Core.Normalization;

/// <summary>Names of the facts the normaliser reports in <see cref="NormalizedText.Signals"/>; detectors turn them into evidence.</summary>
public static class Signals
{
    /// <summary>Zero-width, joiner or soft-hyphen characters sitting inside or next to Latin words.</summary>
    public const string InvisibleChars = "invisible-chars";

    /// <summary>Bidirectional override or isolate controls.</summary>
    public const string BidiControls = "bidi-controls";

    /// <summary>Unicode tag characters (U+E0000..U+E007F) that spell hidden ASCII text.</summary>
    public const string TagSmuggling = "tag-smuggling";

    /// <summary>A run of variation selectors that encodes hidden bytes.</summary>
    public const string VariationSelectorSmuggling = "variation-selector-smuggling";

    /// <summary>Letters from other scripts that look Latin, mixed into Latin words.</summary>
    public const string Homoglyphs = "homoglyphs";

    /// <summary>Letters spread out with spaces or punctuation ("i g n o r e").</summary>
    public const string SpacedLetters = "spaced-letters";

    /// <summary>Digits or symbols standing in for letters ("1gn0r3").</summary>
    public const string Leetspeak = "leetspeak";

    /// <summary>A tail of bracket and symbol soup, as optimised adversarial suffixes (GCG and kin) leave behind.</summary>
    public const string AdversarialSuffix = "adversarial-suffix";

    /// <summary>A last line ending in two or three odd words: a shorter optimised suffix, or just unusual text.</summary>
    public const string AdversarialSuffixWeak = "adversarial-suffix-weak";

    /// <summary>
    /// The message as a whole is disguised: most of its letters stand alone (spaced or dotted out) or most of its words
    /// are leetspeak. Nobody writes a long message that way except to slip past filters, so this is evidence on its own.
    /// </summary>
    public const string ObfuscatedMessage = "obfuscated-message";

    /// <summary>Names bound to quoted fragments and joined again with '+': a payload split to slip past filters.</summary>
    public const string PayloadSplit = "payload-split";

    /// <summary>Prefix of signals for decoded layers, for example <c>encoded:base64</c>.</summary>
    public const string EncodedPrefix = "encoded:";
}
