using System.Buffers;
using Soc.Core.Normalization;
using Soc.Core.Rules;

namespace Soc.Core.Detection;

/// <summary>
/// Base of the rule-driven detectors: runs the catalog's rules for <see cref="Name"/> over every view. Phrases are
/// indexed by their first word (and by the first two letters of a first-word prefix), built once, so the cost per
/// message grows with its words, not with the number of rules. Rules with <c>signals</c> fire when the normaliser
/// reported one of those signals.
/// </summary>
public abstract class RuleDetector : IDetector
{
    /// <summary>View name of findings that come from normaliser signals rather than from a phrase.</summary>
    public const string SignalsView = "signals";

    private const int PrefixKeyChars = 2;

    /// <summary>What ends a sentence for <see cref="RuleDefinition.ExceptEarlier"/>.</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceEnds = System.Buffers.SearchValues.Create(".?!;\n");

    private readonly RuleDefinition[] _rules;
    private readonly ThenIndex?[] _then;
    private readonly Dictionary<string, Candidate[]> _byFirstWord;
    private readonly Dictionary<string, Candidate[]> _byFirstPrefix;
    private readonly Dictionary<string, Candidate[]>.AlternateLookup<ReadOnlySpan<char>> _prefixLookup;
    private readonly (int Rule, string Signal)[] _signalRules;
    private readonly (int Rule, string Marker)[] _markers;
    private readonly SearchValues<string>? _markerSearch;
    private readonly (int Rule, string Marker)[] _lineMarkers;

    /// <summary>Characters stripped from the start of a line before line markers are compared ("### System:").</summary>
    private static readonly char[] LineLead = [' ', '\t', '#', '*', '>', '-', '=', '[', '(', '<', '|', '`'];

    protected RuleDetector(RuleCatalog catalog)
    {
        _rules = catalog.ForDetector(Name).ToArray();
        _then = _rules.Select(r => catalog.CompiledThen[r.Id] is { Count: > 0 } then ? new ThenIndex(then) : null).ToArray();
        var byWord = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var byPrefix = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        var signalRules = new List<(int, string)>();
        var markers = new List<(int, string)>();
        var lineMarkers = new List<(int, string)>();
        for (var r = 0; r < _rules.Length; r++)
        {
            foreach (var phrase in catalog.Compiled[_rules[r].Id])
            {
                if (!phrase.IndexableByFirstWord)
                {
                    throw new InvalidDataException($"Rule {_rules[r].Id}: phrase '{phrase.Source}' must start with a required word.");
                }

                foreach (var word in phrase.FirstWords.Distinct(StringComparer.Ordinal))
                {
                    Add(byWord, word, new Candidate(r, phrase));
                }

                foreach (var prefix in phrase.FirstPrefixes)
                {
                    Add(byPrefix, prefix[..PrefixKeyChars], new Candidate(r, phrase));
                }
            }

            foreach (var signal in _rules[r].Signals ?? [])
            {
                signalRules.Add((r, signal));
            }

            markers.AddRange((_rules[r].Markers ?? []).Select(m => (r, m)));
            lineMarkers.AddRange((_rules[r].LineMarkers ?? []).Select(m => (r, m)));
        }

        _byFirstWord = byWord.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _byFirstPrefix = byPrefix.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _prefixLookup = _byFirstPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _signalRules = [.. signalRules];
        _markers = [.. markers];
        _markerSearch = markers.Count > 0 ? SearchValues.Create(markers.Select(m => m.Item2).Distinct().ToArray(), StringComparison.Ordinal) : null;
        _lineMarkers = [.. lineMarkers];

        static void Add(Dictionary<string, List<Candidate>> index, string key, Candidate candidate)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add(candidate);
        }
    }

    public abstract string Name { get; }

    /// <summary>The rules this detector runs.</summary>
    public IEnumerable<RuleDefinition> Rules => _rules;

    public virtual void Detect(ScanInput input, List<Finding> findings)
    {
        Span<bool> fired = _rules.Length <= 256 ? stackalloc bool[_rules.Length] : new bool[_rules.Length];
        foreach (var (r, signal) in _signalRules)
        {
            var def = _rules[r];
            if (!fired[r] && def.Paranoia <= input.ParanoiaLevel && Contains(input.Text.Signals, signal))
            {
                fired[r] = true;
                findings.Add(new Finding(def.Id, def.Category, def.Severity, SignalsView, 0, 0, signal, def.Weight));
            }
        }

        foreach (var view in input.Text.Views)
        {
            ScanView(view, input.ParanoiaLevel, fired, findings);
            if (_markerSearch is not null)
            {
                ScanMarkers(view, input.ParanoiaLevel, fired, findings);
            }
        }

        if (_lineMarkers.Length > 0)
        {
            ScanLineMarkers(input.Text.Raw, input.ParanoiaLevel, fired, findings);
        }
    }

    private void ScanMarkers(TextView view, int paranoia, Span<bool> fired, List<Finding> findings)
    {
        var text = view.Text.AsSpan();
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(_markerSearch!);
            if (hit < 0)
            {
                return;
            }

            var at = offset + hit;
            foreach (var (r, marker) in _markers)
            {
                var def = _rules[r];
                if (!fired[r] && def.Paranoia <= paranoia && text[at..].StartsWith(marker, StringComparison.Ordinal))
                {
                    fired[r] = true;
                    findings.Add(new Finding(def.Id, def.Category, def.Severity, view.Name, at, marker.Length,
                        Finding.TrimEvidence(view.Slice(at, marker.Length)), def.Weight));
                }
            }

            offset = at + 1;
        }
    }

    private void ScanLineMarkers(string raw, int paranoia, Span<bool> fired, List<Finding> findings)
    {
        var text = raw.AsSpan(0, Math.Min(raw.Length, TextNormalizer.MaxScanChars));
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var end = text[lineStart..].IndexOf('\n');
            var line = end < 0 ? text[lineStart..] : text.Slice(lineStart, end);
            var lead = line.Length - line.TrimStart(LineLead).Length;
            var body = line[lead..];
            var spaces = line.Length - line.TrimStart().Length;
            var trimmed = line[spaces..];
            foreach (var (r, marker) in _lineMarkers)
            {
                var def = _rules[r];
                if (fired[r] || def.Paranoia > paranoia)
                {
                    continue;
                }

                // "### system" is compared with the line as written, "system:" also after leading markup.
                var at = trimmed.StartsWith(marker, StringComparison.OrdinalIgnoreCase) ? spaces
                    : body.StartsWith(marker, StringComparison.OrdinalIgnoreCase) ? lead : -1;
                if (at >= 0)
                {
                    fired[r] = true;
                    findings.Add(new Finding(def.Id, def.Category, def.Severity, TextNormalizer.RawView, lineStart + at,
                        marker.Length, Finding.TrimEvidence(line.Slice(at, marker.Length).ToString()), def.Weight));
                }
            }

            if (end < 0)
            {
                return;
            }

            lineStart += end + 1;
        }
    }

    private static bool Contains(IReadOnlyList<string> words, string word)
    {
        foreach (var w in words)
        {
            if (string.Equals(w, word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    protected void ScanView(TextView view, int paranoia, Span<bool> fired, List<Finding> findings)
    {
        var tokens = view.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var value = tokens[i].Value;
            if (_byFirstWord.TryGetValue(value, out var candidates))
            {
                TryCandidates(candidates, view, i, paranoia, fired, findings);
            }

            if (value.Length >= PrefixKeyChars && _prefixLookup.TryGetValue(value.AsSpan(0, PrefixKeyChars), out candidates))
            {
                TryCandidates(candidates, view, i, paranoia, fired, findings);
            }
        }
    }

    private void TryCandidates(Candidate[] candidates, TextView view, int start, int paranoia, Span<bool> fired, List<Finding> findings)
    {
        foreach (var (r, phrase) in candidates)
        {
            var def = _rules[r];
            if (fired[r] || def.Paranoia > paranoia)
            {
                continue;
            }

            var first = start;
            if (phrase.TryMatchAt(view.Tokens, start, out var last) && !Negated(def, view.Tokens, start)
                && (_then[r] is not { } then || then.TryMatch(def, view.Tokens, ref first, ref last))
                && (first == start || !Negated(def, view.Tokens, first))
                && !Excepted(def, view.Tokens, first, last)
                && !EarlierInSentence(def, view, first))
            {
                fired[r] = true;
                var s = view.Tokens[first].Start;
                var e = view.Tokens[last].Start + view.Tokens[last].Length;
                findings.Add(new Finding(def.Id, def.Category, def.Severity, view.Name, s, e - s,
                    Finding.TrimEvidence(view.Slice(s, e - s)), def.Weight));
            }
        }
    }

    /// <summary>True when one of the rule's <c>ExceptAfter</c> words is among the two words before the match.</summary>
    private static bool Negated(RuleDefinition rule, IReadOnlyList<Token> tokens, int start)
    {
        if (rule.ExceptAfter is not { Count: > 0 } except)
        {
            return false;
        }

        foreach (var entry in except)
        {
            // A multiword entry ("mother+in+law", "don+t") must end among the two words before the match.
            var length = WordCount(entry);
            for (var end = Math.Max(0, start - 2); end < start; end++)
            {
                if (end - length + 1 >= 0 && MatchesAt(entry, tokens, end - length + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when one of the rule's <c>ExceptEarlier</c> words comes before the match in the same sentence: looking back
    /// at most <see cref="RuleCatalog.ExceptEarlierWords"/> words and stopping where the text between two words holds a
    /// sentence end (. ? ! or ;, or a line break in a view that keeps one).
    /// </summary>
    private static bool EarlierInSentence(RuleDefinition rule, TextView view, int start)
    {
        if (rule.ExceptEarlier is not { Count: > 0 } except)
        {
            return false;
        }

        var tokens = view.Tokens;
        var text = view.Text;
        var stop = Math.Max(0, start - RuleCatalog.ExceptEarlierWords);
        for (var k = start - 1; k >= stop; k--)
        {
            var gapStart = tokens[k].Start + tokens[k].Length;
            var gap = text.AsSpan(gapStart, Math.Max(0, tokens[k + 1].Start - gapStart));
            if (gap.IndexOfAny(SentenceEnds) >= 0)
            {
                return false;
            }

            if (StartsAt(except, tokens, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of the rule's <c>ExceptWithin</c> words is inside the match or among the two words after it.</summary>
    private static bool Excepted(RuleDefinition rule, IReadOnlyList<Token> tokens, int start, int last)
    {
        if (rule.ExceptWithin is not { Count: > 0 } except)
        {
            return false;
        }

        var end = Math.Min(tokens.Count - 1, last + 2);
        for (var k = start; k <= end; k++)
        {
            if (StartsAt(except, tokens, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when one of the exception entries starts at word <paramref name="k"/> (a multiword entry may run past the window).</summary>
    private static bool StartsAt(IReadOnlyList<string> entries, IReadOnlyList<Token> tokens, int k)
    {
        foreach (var entry in entries)
        {
            if (MatchesAt(entry, tokens, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the words of <paramref name="entry"/> ("put+down" is two words, like a phrase's <c>x+y</c>) are the
    /// words of the text from <paramref name="k"/> on. Compares in place, without splitting the entry.
    /// </summary>
    private static bool MatchesAt(string entry, IReadOnlyList<Token> tokens, int k)
    {
        var rest = entry.AsSpan();
        for (var i = k; i < tokens.Count; i++)
        {
            var plus = rest.IndexOf('+');
            var word = plus < 0 ? rest : rest[..plus];
            if (!word.SequenceEqual(tokens[i].Value))
            {
                return false;
            }

            if (plus < 0)
            {
                return true;
            }

            rest = rest[(plus + 1)..];
        }

        return false;
    }

    private static int WordCount(string entry) => entry.AsSpan().Count('+') + 1;

    private readonly record struct Candidate(int Rule, PhrasePattern Phrase);

    /// <summary>
    /// A rule's second-part (<c>then</c>) phrases, indexed by first word like the first parts, so that looking for the
    /// second part tries at each position only the phrases that can start there (a partner's name in every sentence
    /// must not cost every control phrase at every word around it).
    /// </summary>
    private sealed class ThenIndex
    {
        private readonly Dictionary<string, PhrasePattern[]> _byFirstWord;
        private readonly PhrasePattern[] _unindexed;

        public ThenIndex(IReadOnlyList<PhrasePattern> phrases)
        {
            _byFirstWord = phrases.Where(p => p.IndexableByFirstWord && p.FirstPrefixes.Count == 0)
                .SelectMany(p => p.FirstWords.Distinct(StringComparer.Ordinal).Select(w => (Word: w, Phrase: p)))
                .GroupBy(x => x.Word, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Phrase).ToArray(), StringComparer.Ordinal);
            _unindexed = [.. phrases.Where(p => !p.IndexableByFirstWord || p.FirstPrefixes.Count > 0)];
        }

        /// <summary>
        /// True when a second-part phrase starts within <see cref="RuleDefinition.ThenWithin"/> words after the first
        /// part's last word (<paramref name="last"/> then moves to the second part's last word) or, for a rule with
        /// <see cref="RuleDefinition.ThenEitherSide"/>, starts within as many words before the first part, ending before
        /// it or running over it ("hide my partner's car keys": the first part is inside the second);
        /// <paramref name="first"/> then moves to its first word. Runs only after a first part matched.
        /// </summary>
        public bool TryMatch(RuleDefinition rule, IReadOnlyList<Token> tokens, ref int first, ref int last)
        {
            var end = Math.Min(tokens.Count - 1, last + rule.ThenWithin);
            for (var p = last + 1; p <= end; p++)
            {
                if (TryAt(tokens, p, out var thenLast))
                {
                    last = thenLast;
                    return true;
                }
            }

            if (!rule.ThenEitherSide)
            {
                return false;
            }

            for (var p = first - 1; p >= Math.Max(0, first - rule.ThenWithin); p--)
            {
                if (TryAt(tokens, p, out var thenLast))
                {
                    first = p;
                    last = Math.Max(last, thenLast);
                    return true;
                }
            }

            return false;
        }

        private bool TryAt(IReadOnlyList<Token> tokens, int position, out int thenLast)
        {
            if (_byFirstWord.TryGetValue(tokens[position].Value, out var phrases))
            {
                foreach (var phrase in phrases)
                {
                    if (phrase.TryMatchAt(tokens, position, out thenLast))
                    {
                        return true;
                    }
                }
            }

            foreach (var phrase in _unindexed)
            {
                if (phrase.TryMatchAt(tokens, position, out thenLast))
                {
                    return true;
                }
            }

            thenLast = -1;
            return false;
        }
    }
}
