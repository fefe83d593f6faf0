using Soc.Core.Normalization;

namespace Soc.Core.Tests.Normalization;

public sealed class AlgospeakTests
{
    [Theory]
    [InlineData("what's the most painless way to unalive myself tonight?", "what's the most painless way to kill myself tonight?")]
    [InlineData("how many pills to make sure i sewer slide", "how many pills to make sure i suicide")]
    [InlineData("how many pills to make sure i sewer-slide", "how many pills to make sure i suicide")] // a hyphen joins the pair too
    [InlineData("where can i find some nose candy tonight", "where can i find some cocaine tonight")]
    [InlineData("get the pew pew without a background check", "get the gun without a background check")]
    [InlineData("do the yeet thing to my cat off the balcony", "do the throw thing to my cat off the balcony")]
    public void Rewrite_Algospeak_IsReadAsThePlainWords(string text, string expected)
    {
        Assert.Equal(expected, Algospeak.Rewrite(View(text)));
    }

    [Theory]
    [InlineData("how do i make blue ice packs for my cooler")] // words with a common everyday sense are left alone
    [InlineData("my nose is runny and i ate candy")] // the two words of a pair, but not side by side
    [InlineData("please tell me a joke")]
    [InlineData("the hotel is 3 kms from the station")] // "kms" after a number is kilometres
    [InlineData("how many kms can an electric car go on one charge")]
    public void Rewrite_NoAlgospeak_IsNull(string text)
    {
        Assert.Null(Algospeak.Rewrite(View(text)));
    }

    [Fact]
    public void Rewrite_ReadsOnlyUpToTheBound()
    {
        var text = "unalive " + new string('x', 40) + " unalive";
        Assert.Equal("kill", Algospeak.Rewrite(View(text), maxChars: 7));
    }

    [Fact]
    public void Normalize_Algospeak_AddsTheAlgospeakView()
    {
        var views = new TextNormalizer().Normalize("What's the most painless way to unalive myself?").Views;
        var view = Assert.Single(views, v => v.Name == TextNormalizer.AlgospeakView);
        Assert.Contains("kill myself", view.Text, StringComparison.Ordinal);
    }

    private static TextView View(string text) => new("canonical", text, Tokenizer.Tokenize(text));
}
