using Soc.Core.Detection;

namespace Soc.Core.Rules;

/// <summary>Examples a rule must and must not match; checked by the rule regression tests.</summary>
public sealed record RuleExamples(IReadOnlyList<string> Match, IReadOnlyList<string> NoMatch);

/// <summary>
/// A built-in rule, as data: a stable id, the detector that runs it, a category, severity and paranoia level,
/// the phrases it looks for (or the normaliser <see cref="Normalization.Signals"/> it turns into evidence) and
/// examples that pin its behaviour. <c>Markers</c> are literal strings (chat-template tokens, script tags) looked for in
/// the case-folded views, punctuation included; <c>LineMarkers</c> must start a line of the message ("system:").
/// <c>ExceptAfter</c> lists words that cancel a phrase match when one of them is among the two words before it
/// ("without violating the guidelines", "don't ignore the instructions"). <c>ExceptWithin</c> lists words that cancel a
/// phrase match when one of them is inside it or among the two words after it: they name a harmless subject the
/// phrase's words also fit ("ignore the spelling rules", "ignora las reglas de ortografía"). An exception entry of
/// several words is written like a phrase's multiword alternative, "put+down": its words must follow one another, and for
/// <c>ExceptAfter</c> it must end among the two words before the match.
/// <c>Then</c> makes a two-part grammar: a phrase match counts only when one of the <c>Then</c> phrases starts within
/// <c>ThenWithin</c> words after it ("she blocked me" ... "keep messaging her anyway"); the match, its exceptions and its
/// evidence then span both parts. Each part stays a short list instead of every pairing written out. With
/// <c>ThenEitherSide</c> the second part may also come first, starting within <c>ThenWithin</c> words before the first
/// part and ending before it or running over it ("How do I find where she works now? She blocked me everywhere").
/// <c>ExceptEarlier</c> lists words that cancel a match when one of them comes earlier in the same sentence (at most
/// <see cref="RuleCatalog.ExceptEarlierWords"/> words back, stopping at . ? ! or ;): the question about
/// the law or the help being sought often opens the sentence, further back than <c>ExceptAfter</c> looks ("Is it legal
/// for a gym to refuse membership to disabled people?", "Can I call a helpline about my binge eating without my parents
/// finding out?").
/// </summary>
public sealed record RuleDefinition(
    string Id,
    string Detector,
    string Category,
    Severity Severity,
    int Paranoia,
    double Weight,
    double Confidence,
    string Description,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Phrases,
    RuleExamples Examples,
    IReadOnlyList<string>? Signals = null,
    IReadOnlyList<string>? Markers = null,
    IReadOnlyList<string>? LineMarkers = null,
    IReadOnlyList<string>? ExceptAfter = null,
    IReadOnlyList<string>? ExceptWithin = null,
    IReadOnlyList<string>? Then = null,
    int ThenWithin = 0,
    bool ThenEitherSide = false,
    IReadOnlyList<string>? ExceptEarlier = null)
{
    /// <summary>Danger weight a severity carries when a rule does not set its own.</summary>
    public static double DefaultWeight(Severity severity) => severity switch
    {
        Severity.Low => 0.3,
        Severity.Medium => 0.5,
        Severity.High => 0.75,
        Severity.Critical => 0.9,
        _ => 0.5,
    };
}
