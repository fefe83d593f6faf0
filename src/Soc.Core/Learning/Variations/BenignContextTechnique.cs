namespace Soc.Core.Learning.Variations;

/// <summary>
/// Rewrites a benign text the ways ordinary users vary it (greetings, thanks, lower case, punctuation, a short
/// lead-in): the variations a false-positive report's allow-list entry must keep matching.
/// </summary>
public sealed class BenignContextTechnique : IVariationTechnique
{
    public const string TechniqueName = "benign-context";

    private static readonly string[] Frames =
    [
        "Hi! {0}",
        "{0} Thanks in advance.",
        "Quick question: {0}",
        "hello, {0}",
        "{0}?",
        "Sorry if this is obvious, but {0}",
        "Can you help me? {0}",
        "{0} Please keep it short.",
        "I was wondering: {0}",
        "{0} (asking for a work project)",
        "Good morning. {0}",
        "One more thing: {0}",
    ];

    public string Name => TechniqueName;

    public Variation? Next(string text, Random random, int round)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var body = (round % 3) switch
        {
            0 => text,
            1 => text.ToLowerInvariant(),
            _ => text.TrimEnd('.', '?', '!', ' '),
        };
        var frame = Frames[(random.Next(Frames.Length) + round) % Frames.Length];
        return new Variation(string.Format(System.Globalization.CultureInfo.InvariantCulture, frame, body), TechniqueName);
    }
}
