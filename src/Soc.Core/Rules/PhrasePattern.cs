using System.Text;
using Soc.Core.Normalization;

namespace Soc.Core.Rules;

/// <summary>
/// A compiled phrase: a sequence of word alternatives with optional words and bounded gaps, matched over the words of
/// a view. Syntax (one element per space-separated item):
/// <c>a|b</c> one of these words; <c>ignor*</c> any word starting with "ignor"; <c>do+anything+now</c> several words
/// in a row as one alternative; a run of CJK or Thai letters (<c>忽略|无视</c>) is that sequence of one-letter words,
/// as the tokenizer splits them; a trailing <c>?</c> makes the element optional; <c>~N</c> skips up to N words
/// (N at most 8). No regular expressions, so no backtracking blow-up: the work per start position is bounded by the
/// product of the gap sizes.
/// </summary>
public sealed class PhrasePattern
{
    public const int MaxGap = 8;
    private readonly Element[] _elements;

    private PhrasePattern(string source, Element[] elements)
    {
        Source = source;
        _elements = elements;
    }

    public string Source { get; }

    /// <summary>Words that can start a match (exact words only); empty when the first element is optional.</summary>
    public IReadOnlyList<string> FirstWords => _elements[0].Optional ? [] : [.. _elements[0].Exact, .. _elements[0].Sequences.Select(s => s[0])];

    /// <summary>Word prefixes that can start a match.</summary>
    public IReadOnlyList<string> FirstPrefixes => _elements[0].Optional ? [] : _elements[0].Prefixes;

    /// <summary>True when a first-word or first-prefix index can find every start of a match.</summary>
    public bool IndexableByFirstWord => !_elements[0].Optional;

    /// <summary>Every word and prefix the phrase mentions (the normaliser segments run-together letters with them).</summary>
    public IEnumerable<string> Words => _elements.SelectMany(e => e.Exact.Concat(e.Prefixes).Concat(e.Sequences.SelectMany(s => s)));

    public static PhrasePattern Parse(string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        var items = source.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var elements = new List<Element>(items.Length);
        var pendingGap = 0;
        foreach (var item in items)
        {
            if (item[0] == '~')
            {
                if (!int.TryParse(item.AsSpan(1), out var gap) || gap < 1 || gap > MaxGap)
                {
                    throw new FormatException($"Phrase '{source}': gap '{item}' must be ~1..~{MaxGap}.");
                }

                if (elements.Count == 0)
                {
                    throw new FormatException($"Phrase '{source}' cannot start with a gap.");
                }

                pendingGap += gap;
                continue;
            }

            var optional = item.EndsWith('?');
            var body = optional ? item[..^1] : item;
            var exact = new List<string>();
            var prefixes = new List<string>();
            var sequences = new List<string[]>();
            var listed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var alternative in body.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                // The same NFKC form as the canonical view: Thai SARA AM or Bengali YYA written precomposed in a rule
                // must still meet the decomposed letters of the text.
                var word = alternative.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
                if (word.Contains('-', StringComparison.Ordinal))
                {
                    // The tokenizer splits "e-mails" and "AR-15" at the hyphen, so such an alternative would never match.
                    throw new FormatException($"Phrase '{source}': alternative '{alternative}' has a hyphen; join its words with '+'.");
                }

                if (!listed.Add(word))
                {
                    // Harmless to matching, but a sign of a slip (a word meant to be another) in a long list.
                    throw new FormatException($"Phrase '{source}': alternative '{alternative}' is listed twice in one element.");
                }

                if (word.EndsWith('*'))
                {
                    var prefix = word[..^1];
                    if (prefix.Length < 2 || prefix.Contains('+'))
                    {
                        throw new FormatException($"Phrase '{source}': prefix '{alternative}' is too short or has '+'.");
                    }

                    prefixes.Add(prefix);
                    continue;
                }

                var parts = SplitSequence(word);
                if (parts.Length == 0)
                {
                    throw new FormatException($"Phrase '{source}': empty alternative in '{item}'.");
                }

                if (parts.Length == 1)
                {
                    exact.Add(parts[0]);
                }
                else
                {
                    sequences.Add(parts);
                }
            }

            if (exact.Count + prefixes.Count + sequences.Count == 0)
            {
                throw new FormatException($"Phrase '{source}': empty element '{item}'.");
            }

            elements.Add(new Element([.. exact], [.. prefixes], [.. sequences.OrderByDescending(q => q.Length)], optional, Math.Min(pendingGap, MaxGap * 2)));
            pendingGap = 0;
        }

        if (elements.Count == 0 || elements.All(e => e.Optional))
        {
            throw new FormatException($"Phrase '{source}' needs at least one required word.");
        }

        if (pendingGap > 0)
        {
            throw new FormatException($"Phrase '{source}' cannot end with a gap.");
        }

        return new PhrasePattern(source, [.. elements]);
    }

    /// <summary>"a+b" is two words; a run of CJK characters is one word per character, as the tokenizer splits it.</summary>
    private static string[] SplitSequence(string word)
    {
        var parts = new List<string>();
        foreach (var piece in word.Split('+', StringSplitOptions.RemoveEmptyEntries))
        {
            var start = 0;
            for (var i = 0; i < piece.Length; i++)
            {
                if (Tokenizer.IsSingleCharWord(piece[i]))
                {
                    if (i > start)
                    {
                        parts.Add(piece[start..i]);
                    }

                    parts.Add(piece.Substring(i, 1));
                    start = i + 1;
                }
            }

            if (start < piece.Length)
            {
                parts.Add(piece[start..]);
            }
        }

        return [.. parts];
    }

    /// <summary>Tries to match starting at word <paramref name="start"/>; on success gives the last word matched.</summary>
    public bool TryMatchAt(IReadOnlyList<Token> tokens, int start, out int lastToken)
    {
        lastToken = -1;
        return Match(tokens, 0, start, -1, 0, ref lastToken);
    }

    /// <summary>Finds the first match anywhere in <paramref name="tokens"/>.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, out int firstToken, out int lastToken)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (TryMatchAt(tokens, i, out lastToken))
            {
                firstToken = i;
                return true;
            }
        }

        firstToken = -1;
        lastToken = -1;
        return false;
    }

    /// <param name="extraGap">Gap allowance inherited from optional elements that were skipped.</param>
    private bool Match(IReadOnlyList<Token> tokens, int elementIndex, int position, int lastMatched, int extraGap, ref int lastToken)
    {
        if (elementIndex == _elements.Length)
        {
            lastToken = lastMatched;
            return lastMatched >= 0;
        }

        var element = _elements[elementIndex];
        // Before the first matched word nothing may be skipped: a match starts exactly at the start position.
        var gap = lastMatched < 0 ? 0 : Math.Min(element.GapBefore + extraGap, MaxGap * 2);
        for (var skip = 0; skip <= gap; skip++)
        {
            var p = position + skip;
            if (p >= tokens.Count)
            {
                break;
            }

            // Every way the element matches here is tried, longest first: with "ai" and "ai+model" among the
            // alternatives, "any ai model reading" must not stop at "ai" and then miss "reading" after "model".
            foreach (var sequence in element.SequencesStartingWith(tokens[p].Value))
            {
                if (Element.MatchesSequence(sequence, tokens, p)
                    && Match(tokens, elementIndex + 1, p + sequence.Length, p + sequence.Length - 1, 0, ref lastToken))
                {
                    return true;
                }
            }

            if (element.MatchesWord(tokens[p].Value) && Match(tokens, elementIndex + 1, p + 1, p, 0, ref lastToken))
            {
                return true;
            }
        }

        return element.Optional
            && Match(tokens, elementIndex + 1, position, lastMatched, lastMatched < 0 ? 0 : element.GapBefore + extraGap, ref lastToken);
    }

    private sealed record Element(string[] Exact, string[] Prefixes, string[][] Sequences, bool Optional, int GapBefore)
    {
        /// <summary>Above this many alternatives an element looks words up in a set instead of comparing each in turn.</summary>
        private const int SetThreshold = 8;

        // Grammar rules name open lists (a hundred people, places or verbs in one element) and try them at every word of
        // a gap, so long lists are hashed once; short ones stay arrays, which are faster to scan.
        private readonly HashSet<string>? _exactSet = Exact.Length > SetThreshold ? new HashSet<string>(Exact, StringComparer.Ordinal) : null;

        private readonly Dictionary<string, string[][]>? _sequencesByFirst = Sequences.Length > SetThreshold
            ? Sequences.GroupBy(q => q[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal)
            : null;

        /// <summary>The sequences that can start with <paramref name="word"/>, longest first.</summary>
        public string[][] SequencesStartingWith(string word) =>
            _sequencesByFirst is null ? Sequences : _sequencesByFirst.TryGetValue(word, out var found) ? found : [];

        /// <summary>Whether the single word is one of the exact words or starts with one of the prefixes.</summary>
        public bool MatchesWord(string word)
        {
            if (_exactSet is not null)
            {
                if (_exactSet.Contains(word))
                {
                    return true;
                }
            }
            else
            {
                foreach (var e in Exact)
                {
                    if (string.Equals(e, word, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }

            foreach (var prefix in Prefixes)
            {
                if (word.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the words from <paramref name="p"/> are <paramref name="sequence"/>.</summary>
        public static bool MatchesSequence(string[] sequence, IReadOnlyList<Token> tokens, int p)
        {
            if (p + sequence.Length > tokens.Count)
            {
                return false;
            }

            for (var k = 0; k < sequence.Length; k++)
            {
                if (!string.Equals(sequence[k], tokens[p + k].Value, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
