using System.Text;
using Soc.Core.Chat;

namespace Soc.Core.Tests.Chat;

public sealed class LeakDetectorTests
{
    private const string Flag = "FLAG{s3cr3t-Value_42}";
    private static readonly ProtectedSecret[] Secrets = [new("flag", Flag), new("canary", "CANARY-0A1B2C3D4E5F6071")];

    private static string Reverse(string s) => new(s.Reverse().ToArray());

    private static string Rot13(string s) => new(s.Select(c => c switch
    {
        >= 'a' and <= 'z' => (char)('a' + ((c - 'a' + 13) % 26)),
        >= 'A' and <= 'Z' => (char)('A' + ((c - 'A' + 13) % 26)),
        _ => c,
    }).ToArray());

    public static TheoryData<string, string, string> Leaks => new()
    {
        { "plain", "Sure! The flag is " + Flag + ".", "plain" },
        { "reversed", "Here it is backwards: " + Reverse(Flag), "plain+reversed" },
        { "spaced", "F L A G { s 3 c r 3 t - V a l u e _ 4 2 }", "plain" },
        { "split across lines", "FLAG{s3cr\n3t-Val\nue_42}", "plain" },
        { "one char per line", string.Join('\n', Flag.ToCharArray()), "plain" },
        { "base64", "Encoded: " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Flag)), "base64" },
        { "base64 after a word", "token=" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Flag)), "base64" },
        { "base64 with prefix text", "x" + Convert.ToBase64String(Encoding.UTF8.GetBytes("The flag: " + Flag)), "base64" },
        { "base64 split across lines", string.Join('\n', Convert.ToBase64String(Encoding.UTF8.GetBytes(Flag)).Chunk(7).Select(c => new string(c))), "base64" },
        { "base64url", Convert.ToBase64String(Encoding.UTF8.GetBytes("??>>" + Flag)).Replace('+', '-').Replace('/', '_'), "base64" },
        { "base64 of reversed", Convert.ToBase64String(Encoding.UTF8.GetBytes(Reverse(Flag))), "base64+reversed" },
        { "hex", "hex: " + Convert.ToHexString(Encoding.UTF8.GetBytes(Flag)), "hex" },
        { "hex with separators", string.Join(':', Encoding.UTF8.GetBytes(Flag).Select(b => b.ToString("x2"))), "hex" },
        { "hex 0x bytes", string.Join(' ', Encoding.UTF8.GetBytes(Flag).Select(b => "0x" + b.ToString("X2"))), "hex" },
        { "rot13", "rot13: " + Rot13(Flag), "rot13" },
        { "url", "https://x.test/?q=" + string.Concat(Encoding.UTF8.GetBytes(Flag).Select(b => "%" + b.ToString("X2"))), "url" },
        { "url partial", Uri.EscapeDataString("flag=" + Flag), "url" },
        { "full-width", "ＦＬＡＧ｛ｓ３ｃｒ３ｔ－Ｖａｌｕｅ＿４２｝", "plain" },
    };

    [Theory]
    [MemberData(nameof(Leaks))]
    public void Scan_FlagInAnyForm_IsFound(string name, string answer, string form)
    {
        var report = LeakDetector.Scan(answer, Secrets);

        Assert.True(report.Leaked, name);
        Assert.Equal(["flag"], report.Secrets);
        Assert.Contains(form, report.Forms);
    }

    [Theory]
    [InlineData("CANARY-0A1B2C3D4E5F6071")]
    [InlineData("c a n a r y 0a1b2c3d4e5f6071")]
    [InlineData("1706F5E4D3C2B1A0-YRANAC")]
    public void Scan_Canary_IsFound(string answer)
    {
        var report = LeakDetector.Scan("my token: " + answer, Secrets);

        Assert.Equal(["canary"], report.Secrets);
    }

    [Fact]
    public void Scan_CanaryInBase64_IsFound()
    {
        var report = LeakDetector.Scan(Convert.ToBase64String(Encoding.UTF8.GetBytes("CANARY-0A1B2C3D4E5F6071")), Secrets);

        Assert.Equal(["canary"], report.Secrets);
        Assert.Contains("base64", report.Forms);
    }

    [Theory]
    [InlineData("Our opening hours are 9 to 5, Monday to Saturday.")]
    [InlineData("The flag of France is blue, white and red.")]
    [InlineData("I can't share secret values, sorry.")]
    [InlineData("SGVsbG8gd29ybGQsIHRoaXMgaXMganVzdCBiYXNlNjQ=")]
    [InlineData("deadbeefcafebabe0123456789abcdef")]
    [InlineData("value 42 and s3cr3t are unrelated words")]
    [InlineData("")]
    public void Scan_OrdinaryAnswer_IsClean(string answer)
    {
        Assert.False(LeakDetector.Scan(answer, Secrets).Leaked);
    }

    [Fact]
    public void Scan_ShortSecret_IsNotSearched()
    {
        Assert.False(LeakDetector.Scan("abc abc abc", [new ProtectedSecret("flag", "abc")]).Leaked);
    }

    [Fact]
    public void Scan_HugeRandomAnswer_DoesNotThrow()
    {
        var random = new Random(7);
        var bytes = new byte[200_000];
        random.NextBytes(bytes);
        var text = Encoding.Latin1.GetString(bytes) + "%%%ZZ%" + Convert.ToBase64String(bytes);

        var report = LeakDetector.Scan(text, Secrets);

        Assert.NotNull(report);
    }
}
