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
}
