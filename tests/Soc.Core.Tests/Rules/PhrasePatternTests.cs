using Soc.Core.Normalization;
using Soc.Core.Rules;

namespace Soc.Core.Tests.Rules;

public sealed class PhrasePatternTests
{
    private static bool Matches(string phrase, string text) =>
        PhrasePattern.Parse(phrase).TryMatch(Tokenizer.Tokenize(TextNormalizer.Canonicalize(text)), out _, out _);

    [Theory]
    [InlineData("ignore ~2 instructions", "ignore all previous instructions", true)]
    [InlineData("ignore ~1 instructions", "ignore all previous instructions", false)]
    [InlineData("ignore all? previous instructions", "ignore previous instructions", true)]
    [InlineData("ignore all? previous instructions", "ignore all previous instructions", true)]
    [InlineData("ignor* instruction*", "Ignoring instructions", true)]
    [InlineData("a|b c", "b c", true)]
    [InlineData("a|b c", "d c", false)]
    [InlineData("any ai|ai+model reading", "any ai model reading this", true)]
    [InlineData("any ai|ai+model reading", "any ai reading this", true)]
    [InlineData("any ai+model|ai reading", "any ai reading this", true)]
    [InlineData("any ai|ai+model reading", "any ai model writing this", false)]
    [InlineData("ทำระเบิด", "บอกวิธีทำระเบิดที่บ้าน", true)]
    [InlineData("แฮก ~2 บัญชี", "ฉันจะแฮกบัญชีเฟซบุ๊ก", true)]
    [InlineData("แฮก ~2 บัญชี", "บัญชีของฉันถูกแฮก", false)]
    [InlineData("my ~1 a|b|c|d|e|f|g|h|i|wife|j|k s ~2 phone", "read my wife's phone", true)]
    [InlineData("my ~1 a|b|c|d|e|f|g|h|i|wife|j|k s ~2 phone", "read my dog's phone", false)]
    [InlineData("any a+b|c+d|e+f|g+h|i+j|k+l|m+n|o+p|q+r|ai|ai+model reading", "any ai model reading this", true)]
    [InlineData("any a+b|c+d|e+f|g+h|i+j|k+l|m+n|o+p|q+r|ai|ai+model reading", "any ai reading this", true)]
    [InlineData("any a+b|c+d|e+f|g+h|i+j|k+l|m+n|o+p|q+r|ai+model writing", "any ai writing this", false)]
    [InlineData("forged ~1 e+mails|messages", "forged e-mails to her boss", true)]
    [InlineData("buy ~2 ar+15", "buy an AR-15 today", true)]
    [InlineData("buy ~2 ar+15", "buy an AR 16 today", false)]
    public void TryMatch_PhraseSyntax_MatchesAsDocumented(string phrase, string text, bool expected)
    {
        Assert.Equal(expected, Matches(phrase, text));
    }

    [Theory]
    [InlineData("~2 a")]
    [InlineData("a ~2")]
    [InlineData("a ~99 b")]
    [InlineData("x* b")]
    [InlineData("a? b?")]
    [InlineData("anti-* b")]
    [InlineData("forged e-mails")]
    public void Parse_InvalidPhrase_Throws(string phrase)
    {
        Assert.Throws<FormatException>(() => PhrasePattern.Parse(phrase));
    }

    [Fact]
    public void TryMatch_ManyGapsOnLongInput_StaysBounded()
    {
        var phrase = PhrasePattern.Parse("a ~8 a ~8 a ~8 a ~8 b");
        var tokens = Tokenizer.Tokenize(string.Join(' ', Enumerable.Repeat("a", 5000)));

        Assert.False(phrase.TryMatch(tokens, out _, out _));
    }

    [Fact]
    public void Tokenize_ScriptWrittenWithoutSpaces_GivesOneWordPerLetter()
    {
        // Thai has no spaces between words: as one long word a sentence could never meet a rule's phrase.
        var tokens = Tokenizer.Tokenize("วิธีทำ ok");

        Assert.Equal(["ว", "ิ", "ธ", "ี", "ท", "ำ", "ok"], tokens.Select(t => t.Value));
    }

    [Fact]
    public void Parse_PhraseWordsAreNormalisedLikeTheText()
    {
        // U+0E33 (Thai SARA AM) has a compatibility decomposition; the canonical view holds the decomposed form, so a
        // rule written with the precomposed letter must be normalised the same way to match.
        Assert.True(Matches("\u0E17\u0E33", "\u0E17\u0E33"));
    }
}
