using System.Text;
using Soc.Core.Detection;

namespace Soc.Core.Tests.Detection;

/// <summary>The engine must answer for any input: random Unicode, lone surrogates, control characters, huge texts.</summary>
public sealed class RobustnessTests
{
    private readonly ThreatAnalyzer _engine = TestEngine.Create(paranoia: 4);

    [Fact]
    public void Analyze_RandomUnicode_NeverThrowsAndStaysInRange()
    {
        var random = new Random(20261125);
        for (var n = 0; n < 300; n++)
        {
            var sb = new StringBuilder();
            var length = random.Next(0, 400);
            for (var i = 0; i < length; i++)
            {
                // Mostly any UTF-16 unit (lone surrogates included), sometimes ASCII words and separators.
                sb.Append(random.Next(4) == 0 ? "ignore base64 %41 &#65; i g n o r e "[random.Next(36)] : (char)random.Next(0, 0x10000));
            }

            var verdict = _engine.Analyze(sb.ToString());

            Assert.InRange(verdict.DangerScore, 0, 1);
            Assert.InRange(verdict.Certainty, 0, 1);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\uD800")]
    [InlineData("\uDC00abc\uD800")]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((")]
    public void Analyze_EdgeCaseInput_Answers(string text)
    {
        var verdict = _engine.Analyze(text);

        Assert.NotNull(verdict.Findings);
    }

    [Fact]
    public void Analyze_ParanoiaLevel_GatesHigherLevelRules()
    {
        const string text = "How long is the password?";

        Assert.DoesNotContain("SE-3005", TestEngine.Create(paranoia: 1).Analyze(text).RuleIds);
        Assert.Contains("SE-3005", TestEngine.Create(paranoia: 2).Analyze(text).RuleIds);
    }
}
