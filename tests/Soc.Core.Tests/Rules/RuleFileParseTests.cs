using System.Text;
using Soc.Core.Rules;

namespace Soc.Core.Tests.Rules;

public sealed class RuleFileParseTests
{
    private static IReadOnlyList<RuleDefinition> Parse(string json) =>
        RuleCatalog.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    private const string RuleStart = """
        { "rules": [ { "id": "HR-9999", "detector": "harmful-request", "category": "harmful_request", "severity": "medium",
          "description": "test", "phrases": ["pick ~2 lock"],
        """;

    [Fact]
    public void Parse_ExceptionListsWrittenOnce_AreRead()
    {
        var rules = Parse(RuleStart + """ "exceptAfter": ["legal", "why"] } ] }""");

        Assert.Equal(["legal", "why"], rules.Single().ExceptAfter);
    }

    [Fact]
    public void Parse_AKeyWrittenTwiceInOneRule_IsRejectedNamingTheFile()
    {
        // Without this check the second list silently replaced the first, so words added to the first did nothing.
        var ex = Assert.Throws<InvalidDataException>(() => Parse(RuleStart + """ "exceptAfter": ["legal"], "exceptAfter": ["why"] } ] }"""));

        Assert.Contains("test.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exceptWithn")]
    [InlineData("how+do+i ~8 examples")]
    public void Parse_AKeyTheLoaderDoesNotKnow_IsRejectedNamingTheFileAndTheKey(string key)
    {
        // Without this check a misspelled key, or a phrase pasted over a key's name, was ignored: its list did nothing.
        var ex = Assert.Throws<InvalidDataException>(() => Parse(RuleStart + $$""" "{{key}}": ["legal"] } ] }"""));

        Assert.Contains("test.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("put+down")]
    [InlineData("mother+in+law")]
    [InlineData("café")]
    public void Catalog_ExceptionOfWordsJoinedByPlus_IsAccepted(string entry)
    {
        var rules = Parse(RuleStart + $$""" "exceptWithin": ["{{entry}}"] } ] }""");

        Assert.Single(new RuleCatalog(rules).Rules);
    }

    [Theory]
    [InlineData("玩具", "玩+具")] // a CJK run is one-letter words, as the tokenizer splits it
    [InlineData("给+我+发", "给+我+发")]
    [InlineData("スマホ", "ス+マ+ホ")]
    [InlineData("sms轰炸", "sms+轰+炸")]
    [InlineData("Put+Down", "put+down")]
    public void Parse_ExceptionEntry_IsReadWordByWord(string entry, string expected)
    {
        var rules = Parse(RuleStart + $$""" "exceptWithin": ["{{entry}}"], "exceptAfter": ["{{entry}}"], "exceptEarlier": ["{{entry}}"] } ] }""");

        var rule = rules.Single();
        Assert.Equal([expected], rule.ExceptWithin);
        Assert.Equal([expected], rule.ExceptAfter);
        Assert.Equal([expected], rule.ExceptEarlier);
    }

    [Theory]
    [InlineData("exceptWithin", "add-in")]
    [InlineData("exceptAfter", "don't")]
    [InlineData("exceptEarlier", "news report")]
    [InlineData("exceptWithin", "put++down")]
    public void Catalog_ExceptionThatCanNeverMatchAWord_IsRejected(string key, string entry)
    {
        // The text's words never hold a space, hyphen or apostrophe: such an entry would silently never cancel anything.
        var rules = Parse(RuleStart + $$""" "{{key}}": ["{{entry}}"] } ] }""");

        var ex = Assert.Throws<InvalidDataException>(() => new RuleCatalog(rules));

        Assert.Contains("HR-9999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_AlternativeListedTwiceInOneElement_IsRejected()
    {
        var rules = Parse("""
            { "rules": [ { "id": "HR-9999", "detector": "harmful-request", "category": "harmful_request", "severity": "medium",
              "description": "test", "phrases": ["pick|open|pick ~2 lock"] } ] }
            """);

        var ex = Assert.Throws<InvalidDataException>(() => new RuleCatalog(rules));

        Assert.Contains("listed twice", ex.Message + ex.InnerException?.Message, StringComparison.Ordinal);
    }
}
