using Soc.Core.Normalization;

namespace Soc.Core.Rules;

/// <summary>
/// A compiled phrase: a sequence of word alternatives with optional words and bounded gaps, matched over the words of
/// a view. Syntax (one element per space-separated item):
/// <c>a|b</c> one of these words; <c>ignor*</c> any word starting with "ignor"; a trailing <c>?</c> makes the element
/// optional; <c>~N</c> skips up to N words (N at most 8). No regular expressions, so no backtracking blow-up:
/// the work per start position is bounded by the product of the gap sizes.
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

    /// <summary>Words that can start a match (exact words only); empty when the first element has a prefix word.</summary>
    public IReadOnlyList<string> FirstWords => _elements[0].Optional ? [] : _elements[0].Exact;

    /// <summary>True when the first element can only be matched by an exact word, so a first-word index can be used.</summary>
    public bool IndexableByFirstWord => !_elements[0].Optional && _elements[0].Prefixes.Length == 0;

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
            foreach (var alternative in body.Split('|', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = alternative.ToLowerInvariant();
                if (word.EndsWith('*'))
                {
                    var prefix = word[..^1];
                    if (prefix.Length < 2)
                    {
                        throw new FormatException($"Phrase '{source}': prefix '{alternative}' is too short.");
                    }

                    prefixes.Add(prefix);
                }
                else
                {
                    exact.Add(word);
                }
            }

            if (exact.Count + prefixes.Count == 0)
            {
                throw new FormatException($"Phrase '{source}': empty element '{item}'.");
            }

            elements.Add(new Element([.. exact], [.. prefixes], optional, Math.Min(pendingGap, MaxGap * 2)));
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

            if (element.Matches(tokens[p].Value) && Match(tokens, elementIndex + 1, p + 1, p, 0, ref lastToken))
            {
                return true;
            }
        }

        return element.Optional
            && Match(tokens, elementIndex + 1, position, lastMatched, lastMatched < 0 ? 0 : element.GapBefore + extraGap, ref lastToken);
    }

    private sealed record Element(string[] Exact, string[] Prefixes, bool Optional, int GapBefore)
    {
        public bool Matches(string word)
        {
            foreach (var e in Exact)
            {
                if (string.Equals(e, word, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            foreach (var p in Prefixes)
            {
                if (word.StartsWith(p, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
