using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// The default normaliser: a canonical view (NFKC, case-folded, white space collapsed) and the raw view.
/// Obfuscation-undoing views (confusables, leet, spacing, decoded layers) are added by the detection engine work.
/// </summary>
public sealed class TextNormalizer : ITextNormalizer
{
    public const string RawView = "raw";
    public const string CanonicalView = "canonical";

    public NormalizedText Normalize(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var canonical = Canonicalize(message);
        var views = new List<TextView>(2) { new(CanonicalView, canonical, Tokenizer.Tokenize(canonical)) };
        if (!string.Equals(canonical, message, StringComparison.Ordinal))
        {
            views.Add(new TextView(RawView, message, Tokenizer.Tokenize(message.ToLowerInvariant())));
        }

        return new NormalizedText(message, views, []);
    }

    /// <summary>NFKC, lower case (invariant), every run of white space as one space.</summary>
    public static string Canonicalize(string text)
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

        var sb = new StringBuilder(nfkc.Length);
        var lastWasSpace = false;
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        if (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        return sb.ToString();
    }
}
