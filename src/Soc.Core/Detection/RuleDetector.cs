using Soc.Core.Normalization;
using Soc.Core.Rules;

namespace Soc.Core.Detection;

/// <summary>
/// Base of the rule-driven detectors: runs the catalog's rules for <see cref="Name"/> over every view, indexed by
/// first word so the cost grows with the words of the message, not with the number of rules.
/// </summary>
public abstract class RuleDetector : IDetector
{
    private readonly CompiledRule[] _rules;
    private readonly Dictionary<string, List<(CompiledRule Rule, PhrasePattern Phrase)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly List<(CompiledRule Rule, PhrasePattern Phrase)> _unindexed = [];

    protected RuleDetector(RuleCatalog catalog)
    {
        _rules = catalog.ForDetector(Name).Select(r => new CompiledRule(r, catalog.Compiled[r.Id])).ToArray();
        foreach (var rule in _rules)
        {
            foreach (var phrase in rule.Phrases)
            {
                if (phrase.IndexableByFirstWord)
                {
                    foreach (var word in phrase.FirstWords)
                    {
                        if (!_byFirstWord.TryGetValue(word, out var list))
                        {
                            _byFirstWord[word] = list = [];
                        }

                        list.Add((rule, phrase));
                    }
                }
                else
                {
                    _unindexed.Add((rule, phrase));
                }
            }
        }
    }

    public abstract string Name { get; }

    /// <summary>The rules this detector runs.</summary>
    public IEnumerable<RuleDefinition> Rules => _rules.Select(r => r.Definition);

    public virtual void Detect(ScanInput input, List<Finding> findings)
    {
        var fired = new HashSet<string>(StringComparer.Ordinal);
        foreach (var view in input.Text.Views)
        {
            ScanView(view, input.ParanoiaLevel, fired, findings);
        }
    }

    protected void ScanView(TextView view, int paranoia, HashSet<string> fired, List<Finding> findings)
    {
        var tokens = view.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (_byFirstWord.TryGetValue(tokens[i].Value, out var candidates))
            {
                TryCandidates(candidates, view, i, paranoia, fired, findings);
            }

            if (_unindexed.Count > 0)
            {
                TryCandidates(_unindexed, view, i, paranoia, fired, findings);
            }
        }
    }

    private static void TryCandidates(
        List<(CompiledRule Rule, PhrasePattern Phrase)> candidates, TextView view, int start, int paranoia,
        HashSet<string> fired, List<Finding> findings)
    {
        foreach (var (rule, phrase) in candidates)
        {
            var def = rule.Definition;
            if (def.Paranoia > paranoia || fired.Contains(def.Id))
            {
                continue;
            }

            if (phrase.TryMatchAt(view.Tokens, start, out var last))
            {
                fired.Add(def.Id);
                var s = view.Tokens[start].Start;
                var e = view.Tokens[last].Start + view.Tokens[last].Length;
                findings.Add(new Finding(def.Id, def.Category, def.Severity, view.Name, s, e - s,
                    Finding.TrimEvidence(view.Slice(s, e - s)), def.Weight));
            }
        }
    }

    private sealed record CompiledRule(RuleDefinition Definition, IReadOnlyList<PhrasePattern> Phrases);
}
