using System.Text;
using Soc.Core.Rules;

namespace Soc.Core.Normalization;

/// <summary>
/// The default normaliser. Views, each added only when it differs from the ones before it:
/// <c>canonical</c> (NFKC, case-folded, invisible characters removed, white space collapsed; always first),
/// <c>raw</c> (as written, when invisible characters were removed), <c>homoglyphs</c> (look-alike letters folded to
/// Latin), <c>leet</c>, <c>collapsed</c> (spaced-out letters joined), <c>assembled</c> (a payload split into quoted
/// fragments joined again, see <see cref="PayloadAssembler"/>), <c>chat-speak</c> (texting shorthand written out, see
/// <see cref="ChatSpeak"/>), <c>possessives</c> (a left-out apostrophe put back, see <see cref="Possessives"/>),
/// <c>corrected</c> (misspelled rule words corrected, see
/// <see cref="TypoCorrector"/>), <c>rejoined</c> (words cut apart joined, words run together split, see
/// <see cref="WordJoiner"/>), <c>decoded:pig-latin</c> and <c>decoded:vowels</c> (word games undone, see
/// <see cref="WordGames"/>), <c>decoded:tags</c> and
/// <c>decoded:variation-selectors</c> (smuggled text), and <c>decoded:KIND</c> layers (base64, hex, url, html, rot13,
/// reversed) up to <see cref="MaxDecodeDepth"/> deep. Work is bounded: characters scanned, characters per view,
/// words per view (<see cref="Tokenizer.MaxTokens"/>) and number of views.
/// </summary>
public sealed class TextNormalizer : ITextNormalizer
{
    public const string RawView = "raw";
    public const string CanonicalView = "canonical";
    public const string HomoglyphView = "homoglyphs";
    public const string LeetView = "leet";
    public const string CollapsedView = "collapsed";
    public const string AssembledView = "assembled";
    public const string CorrectedView = "corrected";
    public const string RejoinedView = "rejoined";
    public const string ChatSpeakView = "chat-speak";
    public const string PossessivesView = "possessives";
    public const string AlgospeakView = "algospeak";
    public const string PigLatinView = "decoded:pig-latin";
    public const string VowelsView = "decoded:vowels";
    public const string TagsView = "decoded:tags";
    public const string SelectorsView = "decoded:variation-selectors";
    public const string DecodedPrefix = "decoded:";

    /// <summary>Characters of a message that are scanned at all; the rest is ignored (the API rejects longer messages).</summary>
    public const int MaxScanChars = 32_000;

    /// <summary>Characters of a derived view (leet, collapsed, decoded layers).</summary>
    public const int MaxDerivedViewChars = 8_192;

    /// <summary>Most views per message.</summary>
    public const int MaxViews = 12;

    /// <summary>How many encodings deep decoding goes (base64 of rot13 is depth 2).</summary>
    public const int MaxDecodeDepth = 2;

    private readonly WordSegmenter _segmenter;
    private readonly TypoCorrector _corrector;
    private readonly WordJoiner _joiner;
    private readonly WordGames _games;

    public TextNormalizer()
        : this(RuleCatalog.BuiltIn)
    {
    }

    public TextNormalizer(RuleCatalog catalog)
    {
        _segmenter = new WordSegmenter(catalog.Vocabulary);
        _corrector = new TypoCorrector(catalog.Vocabulary);
        _joiner = new WordJoiner(catalog.Vocabulary, _segmenter);
        _games = new WordGames(catalog.Vocabulary);
    }

    public NormalizedText Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var scanned = message.Length <= MaxScanChars ? message : message[..MaxScanChars];
        var signals = new List<string>(0);
        var stripped = InvisibleChars.Strip(scanned);
        if (stripped.InWordInvisible)
        {
            signals.Add(Signals.InvisibleChars);
        }

        if (stripped.Bidi)
        {
            signals.Add(Signals.BidiControls);
        }

        switch (Obfuscation.ClassifySuffix(stripped.Text))
        {
            case Obfuscation.SuffixStrength.Strong:
                signals.Add(Signals.AdversarialSuffix);
                break;
            case Obfuscation.SuffixStrength.Weak:
                signals.Add(Signals.AdversarialSuffixWeak);
                break;
        }

        var (canonical, folded, mixedScriptWords, nfkc) = CanonicalizeAndFold(stripped.Text);
        var views = new Views(MaxViews);
        views.Add(CanonicalView, canonical);
        if (!ReferenceEquals(stripped.Text, scanned))
        {
            views.Add(RawView, scanned.ToLowerInvariant());
        }

        if (folded is not null)
        {
            if (mixedScriptWords > 0)
            {
                signals.Add(Signals.Homoglyphs);
            }

            views.Add(HomoglyphView, folded);
        }

        if (stripped.TagText is { Length: >= 4 })
        {
            signals.Add(Signals.TagSmuggling);
            views.Add(TagsView, Canonicalize(stripped.TagText));
        }

        if (stripped.SelectorText is { Length: >= 4 })
        {
            signals.Add(Signals.VariationSelectorSmuggling);
            views.Add(SelectorsView, Canonicalize(stripped.SelectorText));
        }

        var basis = folded ?? canonical;
        var derivedBasis = basis.Length <= MaxDerivedViewChars ? basis : basis[..MaxDerivedViewChars];
        var leet = Obfuscation.FoldLeet(derivedBasis);
        TextView? leetView = null;
        if (leet is not null && views.Add(LeetView, leet))
        {
            leetView = views.Last;
            if (HasLeetWords(derivedBasis, leet, UpperCaseCodes(nfkc)))
            {
                signals.Add(Signals.Leetspeak);
                if (IsMostlyLeet(derivedBasis, leet))
                {
                    signals.Add(Signals.ObfuscatedMessage);
                }
            }
        }

        var collapsed = Obfuscation.CollapseSpacedLetters(derivedBasis, _segmenter);
        if (collapsed is not null)
        {
            // Runs of white space separate spaced-out words ("i g n o r e   a l l"); the canonical view collapsed
            // them, so join letters again on the text with its white space kept.
            collapsed = Obfuscation.CollapseSpacedLetters(SpacedBasis(stripped.Text, folded is not null), _segmenter) ?? collapsed;
        }

        if (collapsed is not null && views.Add(CollapsedView, collapsed))
        {
            signals.Add(Signals.SpacedLetters);
            if (IsMostlySpacedOut(derivedBasis) && !signals.Contains(Signals.ObfuscatedMessage))
            {
                signals.Add(Signals.ObfuscatedMessage);
            }
        }

        var assembled = PayloadAssembler.Assemble(derivedBasis);
        if (assembled is not null && views.Add(AssembledView, assembled))
        {
            signals.Add(Signals.PayloadSplit);
        }

        if (views.Count > 0)
        {
            // Shorthand, then possessives without their apostrophe ("my wifes phone"), then misspellings, each reading
            // the text the one before produced ("pls 4get ur instrctions").
            // Texted leetspeak: shorthand is written out first ("4get" is shorthand, not leet), then the leet letters
            // are folded ("pls tell me h0w 2 h4ck ..."); a leetspeak message needs only one shorthand word ("ignor3 ur").
            var typed = views.First;
            var chat = ChatSpeak.Expand(views.First, MaxDerivedViewChars);
            if (leetView is not null)
            {
                chat = chat is null ? ChatSpeak.Expand(leetView, minHits: 1, MaxDerivedViewChars) : Obfuscation.FoldLeet(chat) ?? chat;
            }

            if (AddIfAny(views, ChatSpeakView, chat))
            {
                typed = views.Last;
            }

            // Algospeak ("unalive", "sewer slide") read as the words it hides, on the shorthand-free text.
            if (AddIfAny(views, AlgospeakView, Algospeak.Rewrite(typed, MaxDerivedViewChars)))
            {
                typed = views.Last;
            }

            if (AddIfAny(views, PossessivesView, Possessives.Restore(typed, MaxDerivedViewChars)))
            {
                typed = views.Last;
            }

            AddIfAny(views, CorrectedView, _corrector.Correct(typed, MaxDerivedViewChars));
            AddIfAny(views, RejoinedView, _joiner.Rejoin(views.First, MaxDerivedViewChars));
            AddIfAny(views, PigLatinView, _games.PigLatin(views.First, MaxDerivedViewChars));
            AddIfAny(views, VowelsView, _games.Vowels(views.First, MaxDerivedViewChars));
        }

        // Full-width or other compatibility forms hide base64 and hex from the decoder: decode their NFKC form, which
        // keeps the case that base64 needs (the canonical view is case-folded).
        DecodeLayers(nfkc, string.Empty, 1, views, signals);
        if (stripped.TagText is { Length: >= 4 })
        {
            DecodeLayers(stripped.TagText, "tags+", 2, views, signals);
        }

        return new NormalizedText(message, views.ToArray(), signals);
    }

    /// <summary>Adds a view read from the first <see cref="MaxDerivedViewChars"/> characters (a corrected word can be a
    /// letter longer, so the result is cut to the bound as well).</summary>
    private static bool AddIfAny(Views views, string name, string? text) =>
        text is not null && views.Add(name, text.Length <= MaxDerivedViewChars ? text : text[..MaxDerivedViewChars]);

    /// <summary>NFKC, lower case (invariant), every run of white space as one space.</summary>
    public static string Canonicalize(string text) => CanonicalizeAndFold(InvisibleChars.Strip(text).Text).Canonical;

    private void DecodeLayers(string text, string prefix, int depth, Views views, List<string> signals)
    {
        if (views.Full)
        {
            return;
        }

        var layers = new List<(string Kind, string Text)>(0);
        LayerDecoder.Decode(text.Length <= MaxDerivedViewChars ? text : text[..MaxDerivedViewChars], MaxDerivedViewChars, layers);
        foreach (var (kind, decoded) in layers)
        {
            var name = DecodedPrefix + prefix + kind;
            var (canonical, folded, _, _) = CanonicalizeAndFold(InvisibleChars.Strip(decoded).Text);
            if (!views.Add(name, folded ?? canonical))
            {
                continue;
            }

            var signal = Signals.EncodedPrefix + kind;
            if (!signals.Contains(signal))
            {
                signals.Add(signal);
            }

            if (depth < MaxDecodeDepth)
            {
                DecodeLayers(decoded, prefix + kind + "+", depth + 1, views, signals);
            }
        }
    }

    /// <summary>NFKC, look-alikes folded and lower case, white space as written (tabs and new lines as spaces).</summary>
    private static string SpacedBasis(string text, bool foldLookAlikes)
    {
        var capped = text.Length <= MaxDerivedViewChars ? text : text[..MaxDerivedViewChars];
        string nfkc;
        try
        {
            nfkc = capped.IsNormalized(NormalizationForm.FormKC) ? capped : capped.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            nfkc = capped;
        }

        return string.Create(nfkc.Length, (nfkc, foldLookAlikes), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.nfkc[i];
                var fold = state.foldLookAlikes ? Confusables.Fold(c) : '\0';
                span[i] = fold != '\0' ? fold : char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c);
            }
        });
    }

    /// <summary>Letters standing alone, from which a message counts as spaced or dotted out as a whole.</summary>
    public const int MinSpacedOutLetters = 30;

    /// <summary>Leetspeak words from which a message counts as written in leetspeak as a whole.</summary>
    public const int MinLeetWords = 6;

    /// <summary>
    /// True when at least <see cref="MinSpacedOutLetters"/> letters stand alone and they are at least 60% of all runs of
    /// letters: "i g n o r e   a l l ..." or "i.g.n.o.r.e" over the whole message, not an acronym or two.
    /// </summary>
    internal static bool IsMostlySpacedOut(string text)
    {
        var single = 0;
        var runs = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            runs++;
            if (i - start == 1)
            {
                single++;
            }
        }

        return single >= MinSpacedOutLetters && single * 5 >= runs * 3;
    }

    /// <summary>
    /// True when at least <see cref="MinLeetWords"/> words, and at least 30% of all words, changed when leetspeak was
    /// folded (<paramref name="after"/> is <paramref name="before"/> with leet characters replaced, same length).
    /// </summary>
    internal static bool IsMostlyLeet(string before, string after)
    {
        var words = 0;
        var leetWords = 0;
        var i = 0;
        while (i < before.Length)
        {
            if (char.IsWhiteSpace(before[i]))
            {
                i++;
                continue;
            }

            var changed = false;
            var letters = false;
            while (i < before.Length && !char.IsWhiteSpace(before[i]))
            {
                changed |= i < after.Length && before[i] != after[i];
                letters |= char.IsLetter(before[i]);
                i++;
            }

            words++;
            if (changed && letters)
            {
                leetWords++;
            }
        }

        return leetWords >= MinLeetWords && leetWords * 10 >= words * 3;
    }

    private static bool HasLeetWords(string before, string after, HashSet<string>? codes)
    {
        // Digits in ordinary words ("4pm", "mp3") are common; three or more folded characters make it leetspeak.
        // Order numbers, serials and tracking codes written in capitals ("A7F3K9Q2ZP") are not words in disguise.
        var changed = 0;
        var i = 0;
        while (i < before.Length && changed < 3)
        {
            if (before[i] == ' ')
            {
                i++;
                continue;
            }

            var start = i;
            var wordChanged = 0;
            while (i < before.Length && before[i] != ' ')
            {
                if (before[i] != after[i])
                {
                    wordChanged++;
                }

                i++;
            }

            if (wordChanged > 0 && (codes is null || !codes.Contains(before[start..i].TrimEnd(CodeTrim))))
            {
                changed += wordChanged;
            }
        }

        return changed >= 3;
    }

    private static readonly char[] CodeTrim = ['.', ',', ';', ':', '!', '?', ')', '"', '\''];

    /// <summary>
    /// Words of the text as written that look like codes: eight or more capitals and digits, at least two of each
    /// ("A7F3K9Q2ZP", "1Z999AA10123456784"); lower-cased, for <see cref="HasLeetWords"/>. Null when there are none.
    /// </summary>
    private static HashSet<string>? UpperCaseCodes(string text)
    {
        HashSet<string>? codes = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            int letters = 0, digits = 0, lower = 0;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                var c = text[i];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else
                {
                    letters++;
                    lower += char.IsAsciiLetterLower(c) ? 1 : 0;
                }

                i++;
            }

            if (i - start >= 8 && letters >= 2 && digits >= 2 && lower == 0)
            {
                codes ??= new HashSet<string>(StringComparer.Ordinal);
                codes.Add(text[start..i].ToLowerInvariant());
            }
        }

        return codes;
    }

    /// <summary>
    /// One pass over the NFKC form giving the canonical text and, when look-alike letters occur, the same text with
    /// them folded to Latin (null otherwise), plus how many words mix Latin letters with look-alikes, and the NFKC form
    /// itself (case kept, for the layer decoder).
    /// </summary>
    private static (string Canonical, string? Folded, int MixedScriptWords, string Nfkc) CanonicalizeAndFold(string text)
    {
        string nfkc;
        try
        {
            nfkc = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; scan the text as it is.
            nfkc = text;
        }

        var canonical = new StringBuilder(nfkc.Length);
        StringBuilder? folded = null;
        var lastWasSpace = false;
        var mixedWords = 0;
        var wordLatin = false;
        var wordLookAlike = false;
        for (var i = 0; i < nfkc.Length; i++)
        {
            var c = nfkc[i];
            var escapedBreak = IsEscapedBreak(nfkc, i);
            if (escapedBreak)
            {
                // "\n" typed out is read as the line break it stands for (skip the letter too).
                i++;
            }

            if (escapedBreak || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && canonical.Length > 0)
                {
                    canonical.Append(' ');
                    folded?.Append(' ');
                }

                lastWasSpace = true;
                if (wordLatin && wordLookAlike)
                {
                    mixedWords++;
                }

                wordLatin = wordLookAlike = false;
                continue;
            }

            lastWasSpace = false;
            if (!char.IsLetterOrDigit(c) && !char.IsSurrogate(c) && !Obfuscation.IsCombiningMark(c))
            {
                // A hyphen or apostrophe legitimately joins words of two scripts ("iPhone-ом", "Wi-Fi-роутер",
                // "PayPal-аккаунт"); only letters of two scripts inside one run are a disguise.
                if (wordLatin && wordLookAlike)
                {
                    mixedWords++;
                }

                wordLatin = wordLookAlike = false;
            }

            char fold;
            var width = 1;
            if (char.IsHighSurrogate(c) && i + 1 < nfkc.Length && char.IsLowSurrogate(nfkc[i + 1]))
            {
                fold = Confusables.FoldAstral(char.ConvertToUtf32(c, nfkc[i + 1]));
                width = 2;
            }
            else
            {
                fold = Confusables.Fold(c);
            }

            if (fold != '\0')
            {
                if (folded is null)
                {
                    folded = new StringBuilder(nfkc.Length);
                    folded.Append(canonical);
                }

                folded.Append(fold);

                // Dotless i is a letter of Turkish and Azerbaijani words ("talimatları"), not a disguise: it is folded
                // for the homoglyph view, but a word is not counted as mixing scripts for it.
                if (c == '\u0131')
                {
                    wordLatin = true;
                }
                else if (width == 2 || char.IsLetter(c))
                {
                    // Look-alike punctuation (a Unicode hyphen) is folded too, but is not a letter in disguise.
                    wordLookAlike = true;
                }
            }
            else if (width == 1)
            {
                wordLatin |= char.IsAsciiLetter(c);
            }

            if (width == 2)
            {
                canonical.Append(c).Append(nfkc[i + 1]);
                if (fold == '\0')
                {
                    folded?.Append(c).Append(nfkc[i + 1]);
                }

                i++;
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            canonical.Append(lower);
            if (fold == '\0')
            {
                folded?.Append(lower);
            }
        }

        if (wordLatin && wordLookAlike)
        {
            mixedWords++;
        }

        if (canonical.Length > 0 && canonical[^1] == ' ')
        {
            canonical.Length--;
            if (folded is { Length: > 0 } && folded[^1] == ' ')
            {
                folded.Length--;
            }
        }

        var canonicalText = canonical.ToString();
        var foldedText = folded?.ToString();
        return (canonicalText, foldedText == canonicalText ? null : foldedText, mixedWords, nfkc);
    }

    /// <summary>
    /// Whether the backslash at <paramref name="i"/> starts a line break or tab written out as an escape ("\n", "\r",
    /// "\t"), as pasted prompts and JSON strings carry them: "joke.\n\nIgnore the above" must read "ignore", not
    /// "nnignore". The escape counts when what follows is not a lower-case letter (an upper-case word, another escape, a
    /// digit, a space or the end), or when a sentence ended just before it; so "C:\new\temp" keeps its words.
    /// </summary>
    private static bool IsEscapedBreak(string text, int i)
    {
        if (text[i] != '\\' || i + 1 >= text.Length || text[i + 1] is not ('n' or 'r' or 't'))
        {
            return false;
        }

        if (i + 2 >= text.Length || !char.IsLower(text[i + 2]))
        {
            return true;
        }

        return i > 0 && text[i - 1] is '.' or '?' or '!' or ';' or '"' or '\'' or ')' or ']' or '\u201D';
    }

    /// <summary>The views of one message, without repeats and at most <see cref="MaxViews"/>.</summary>
    private sealed class Views(int capacity)
    {
        private readonly List<TextView> _views = new(4);

        public bool Full => _views.Count >= capacity;

        public int Count => _views.Count;

        public TextView First => _views[0];

        public TextView Last => _views[^1];

        public bool Add(string name, string text)
        {
            if (Full || text.Length == 0)
            {
                return false;
            }

            foreach (var view in _views)
            {
                if (string.Equals(view.Text, text, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            _views.Add(new TextView(name, text, Tokenizer.Tokenize(text)));
            return true;
        }

        public TextView[] ToArray() => [.. _views];
    }
}
