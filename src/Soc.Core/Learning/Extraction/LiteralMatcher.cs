using Soc.Core.Normalization;
using Soc.Core.Patterns;

namespace Soc.Core.Learning.Extraction;

/// <summary>
/// Finds which of many word sequences occur in a text, with exactly the matching the screening path uses
/// (<see cref="PatternSnapshot.Match"/> over every normalised view), so what the gate measures is what will fire.
/// </summary>
public sealed class LiteralMatcher
{
    private static readonly PatternProvenance Probe = new("probe", "gate", DateTimeOffset.UnixEpoch, 0, 0);

    private readonly PatternSnapshot _snapshot;
    private readonly Dictionary<LearnedPattern, int> _index = new(ReferenceEqualityComparer.Instance);

    public LiteralMatcher(IReadOnlyList<IReadOnlyList<string>> sequences)
    {
        var patterns = new List<LearnedPattern>(sequences.Count);
        for (var i = 0; i < sequences.Count; i++)
        {
            var p = new LearnedPattern(i.ToString(System.Globalization.CultureInfo.InvariantCulture), sequences[i], "probe",
                Detection.Severity.Low, PatternStatus.Active, Probe);
            patterns.Add(p);
            _index[p] = i;
        }

        _snapshot = new PatternSnapshot(0, patterns);
        Count = sequences.Count;
    }

    public int Count { get; }

    /// <summary>Sets <c>hits[i]</c> for each sequence i that occurs in any view of <paramref name="text"/>.</summary>
    public void MatchInto(NormalizedText text, bool[] hits)
    {
        foreach (var view in text.Views)
        {
            _snapshot.Match(view.Tokens, (pattern, _, _) => hits[_index[pattern]] = true);
        }
    }

    /// <summary>The indexes of the sequences that occur in <paramref name="text"/>.</summary>
    public bool[] Match(NormalizedText text)
    {
        var hits = new bool[Count];
        MatchInto(text, hits);
        return hits;
    }
}
