using System.Collections.Frozen;
using Soc.Core.Normalization;

namespace Soc.Core.Patterns;

/// <summary>
/// An immutable, precompiled set of learned patterns at one pattern-set version. Built once per version, shared by
/// every screening call; matching does no allocation of pattern structures.
/// </summary>
public sealed class PatternSnapshot
{
    private readonly FrozenDictionary<string, LearnedPattern[]> _byFirstWord;

    public PatternSnapshot(long version, IEnumerable<LearnedPattern> patterns)
    {
        Version = version;
        Patterns = patterns
            .Where(p => p.Tokens.Count > 0 && p.Status is PatternStatus.Active or PatternStatus.Shadow)
            .ToArray();
        _byFirstWord = Patterns
            .GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Count).ToArray(), StringComparer.Ordinal);
    }

    public static PatternSnapshot Empty { get; } = new(0, []);

    /// <summary>The pattern-set version this snapshot was built from.</summary>
    public long Version { get; }

    /// <summary>The live patterns (active and shadow).</summary>
    public IReadOnlyList<LearnedPattern> Patterns { get; }

    public int Count => Patterns.Count;

    /// <summary>Calls <paramref name="onMatch"/> for each pattern that occurs as a contiguous word sequence.</summary>
    public void Match(IReadOnlyList<Token> tokens, Action<LearnedPattern, int, int> onMatch)
    {
        if (_byFirstWord.Count == 0)
        {
            return;
        }

        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_byFirstWord.TryGetValue(tokens[i].Value, out var candidates))
            {
                continue;
            }

            foreach (var pattern in candidates)
            {
                var words = pattern.Tokens;
                if (i + words.Count > tokens.Count)
                {
                    continue;
                }

                var all = true;
                for (var k = 1; k < words.Count; k++)
                {
                    if (!string.Equals(tokens[i + k].Value, words[k], StringComparison.Ordinal))
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    onMatch(pattern, i, i + words.Count - 1);
                }
            }
        }
    }
}
