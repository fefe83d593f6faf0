using System.Collections.Frozen;
using Soc.Core.Normalization;

namespace Soc.Core.Learning.Extraction;

/// <summary>
/// Function words (English plus the commonest of German, French, Spanish, Portuguese and Italian): a learned pattern
/// made only of these would match ordinary language, so the extractor never proposes one.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> Words = (
        "a an the and or but if then else so than that this these those there here of to in on at by for with from into onto " +
        "about above below over under again further once up down out off through during before after between both each few " +
        "more most other some such no nor not only own same too very can will just should would could might must shall may " +
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it " +
        "its itself they them their theirs themselves what which who whom whose when where why how all any is are was were " +
        "be been being have has had having do does did doing am s t d ll m o re ve y don doesn didn isn aren wasn weren won " +
        "wouldn shouldn couldn can't cannot as also because until while let get got like one please ok okay yes hi hello " +
        "der die das und oder ist ein eine nicht ich du sie er es wir mit von zu auf für den dem im le la les un une des et " +
        "est pas je tu il elle nous vous de du en que qui el los las y es no yo tú con por para se lo o um uma os e não eu " +
        "com il lo gli e non io che di per").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => Words.Contains(word);

    /// <summary>
    /// Characters in the words that carry meaning: stop words and bare numbers count nothing; an ideograph counts 3
    /// (one CJK character carries about as much as a short English word).
    /// </summary>
    public static int ContentChars(IReadOnlyList<string> tokens)
    {
        var total = 0;
        foreach (var t in tokens)
        {
            if (Words.Contains(t) || t.All(char.IsDigit))
            {
                continue;
            }

            total += t.Length == 1 && Tokenizer.IsIdeograph(t[0]) ? 3 : t.Length;
        }

        return total;
    }

    /// <summary>Distinct words that are neither stop words nor bare numbers.</summary>
    public static int ContentWords(IReadOnlyList<string> tokens) =>
        tokens.Where(t => !Words.Contains(t) && !t.All(char.IsDigit)).Distinct(StringComparer.Ordinal).Count();

    /// <summary>True when every word is a stop word or a bare number.</summary>
    public static bool OnlyStopWords(IReadOnlyList<string> tokens) =>
        tokens.All(t => Words.Contains(t) || t.All(char.IsDigit));
}
