using Soc.Core.Normalization;

namespace Soc.Core.Classifier;

/// <summary>
/// Turns the canonical view of a message into hashed features: word unigrams, word bigrams and character 3-5-grams
/// (letters and digits, every other run of characters as one space). Hashing is FNV-1a over UTF-16 code units with a
/// different basis per feature kind, so the same text always gives the same buckets on every machine and run.
/// Work is bounded: at most <see cref="MaxTokens"/> words and <see cref="MaxChars"/> characters are read.
/// </summary>
public static class FeatureHasher
{
    /// <summary>Words read per message: bounds the work on a message of any size.</summary>
    public const int MaxTokens = 512;

    /// <summary>Characters read for character n-grams.</summary>
    public const int MaxChars = 2048;

    public const int MinCharGram = 3;
    public const int MaxCharGram = 5;

    private const uint FnvPrime = 16777619;
    private const uint UnigramBasis = 2166136261;
    internal const uint BigramBasis = 0x9747B28C;
    private const uint CharGramBasis = 0x5BD1E995;

    /// <summary>The most features <see cref="Extract"/> can produce, for sizing a buffer.</summary>
    public static int MaxFeatures => (2 * MaxTokens) + ((MaxCharGram - MinCharGram + 1) * MaxChars);

    /// <summary>FNV-1a, 32 bits, over UTF-16 code units, from the given basis.</summary>
    public static uint Fnv1a(ReadOnlySpan<char> text, uint basis = UnigramBasis)
    {
        var h = basis;
        foreach (var c in text)
        {
            h = (h ^ (byte)c) * FnvPrime;
            h = (h ^ (byte)(c >> 8)) * FnvPrime;
        }

        return h;
    }

    /// <summary>Final avalanche so that close hashes land in distant buckets.</summary>
    internal static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6B;
        h ^= h >> 13;
        h *= 0xC2B2AE35;
        h ^= h >> 16;
        return h;
    }

    /// <summary>
    /// Writes the bucket of every feature occurrence into <paramref name="buckets"/> (repeats allowed) and returns how
    /// many were written. <paramref name="mask"/> is the table size minus one (a power of two).
    /// </summary>
    public static int Extract(TextView view, Span<int> buckets, int mask)
    {
        var count = 0;
        var tokens = view.Tokens;
        var tokenCount = Math.Min(tokens.Count, MaxTokens);
        uint previous = 0;
        for (var i = 0; i < tokenCount && count + 2 <= buckets.Length; i++)
        {
            var h = Fnv1a(tokens[i].Value.AsSpan(), UnigramBasis);
            buckets[count++] = (int)(Mix(h) & (uint)mask);
            if (i > 0)
            {
                buckets[count++] = (int)(Mix((previous * 0x9E3779B1) ^ h ^ BigramBasis) & (uint)mask);
            }

            previous = h;
        }

        count += ExtractCharGrams(view.Text.AsSpan(), buckets[count..], mask);
        return count;
    }

    private static int ExtractCharGrams(ReadOnlySpan<char> text, Span<int> buckets, int mask)
    {
        Span<char> folded = stackalloc char[MaxChars + 2];
        var n = 0;
        folded[n++] = ' ';
        var lastSpace = true;
        for (var i = 0; i < text.Length && n < MaxChars + 1; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                folded[n++] = char.ToLowerInvariant(c);
                lastSpace = false;
            }
            else if (!lastSpace)
            {
                folded[n++] = ' ';
                lastSpace = true;
            }
        }

        if (!lastSpace)
        {
            folded[n++] = ' ';
        }

        var count = 0;
        for (var start = 0; start + MinCharGram <= n; start++)
        {
            var h = CharGramBasis;
            var end = Math.Min(n, start + MaxCharGram);
            for (var k = start; k < end; k++)
            {
                var c = folded[k];
                h = (h ^ (byte)c) * FnvPrime;
                h = (h ^ (byte)(c >> 8)) * FnvPrime;
                if (k - start + 1 >= MinCharGram)
                {
                    if (count >= buckets.Length)
                    {
                        return count;
                    }

                    buckets[count++] = (int)(Mix(h + (uint)(k - start)) & (uint)mask);
                }
            }
        }

        return count;
    }
}
