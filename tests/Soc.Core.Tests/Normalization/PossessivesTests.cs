using Soc.Core.Normalization;

namespace Soc.Core.Tests.Normalization;

public sealed class PossessivesTests
{
    [Theory]
    [InlineData("read my wifes texts without her knowing", "read my wife's texts without her knowing")]
    [InlineData("get into my exs email", "get into my ex's email")]
    [InlineData("break into my bosses car", "break into my boss's car")] // a word ending in s takes "es"
    [InlineData("where my ex girlfriends new boyfriend lives", "where my ex girlfriend's new boyfriend lives")]
    [InlineData("my neighbors are loud", "my neighbor's are loud")] // a plural reads as a possessive no rule knows
    public void Restore_PersonWordWithoutApostrophe_GetsItBack(string text, string expected)
    {
        Assert.Equal(expected, Possessives.Restore(View(text)));
    }

    [Theory]
    [InlineData("my wife's phone")] // apostrophe already there
    [InlineData("the neighbors wifi")] // no owner word before it
    [InlineData("i miss my friends")] // nothing after it
    [InlineData("my friends, please come")] // not followed by a word
    [InlineData("my parents house")] // "parents" is not a person word with an s left out ("parent" is not listed)
    public void Restore_NoLeftOutApostrophe_IsNull(string text)
    {
        Assert.Null(Possessives.Restore(View(text)));
    }

    [Fact]
    public void Restore_ReadsOnlyUpToTheBound()
    {
        Assert.Null(Possessives.Restore(View("hello there, read my wifes texts"), maxChars: 20));
        Assert.Equal("read my wife's texts", Possessives.Restore(View("read my wifes texts and more"), maxChars: 19));
    }

    [Fact]
    public void Normalize_LeftOutApostrophe_AddsTheView()
    {
        var view = Assert.Single(new TextNormalizer().Normalize("How do I track my husbands phone secretly").Views, v => v.Name == TextNormalizer.PossessivesView);
        Assert.Equal("how do i track my husband's phone secretly", view.Text);
    }

    private static TextView View(string text) => new("canonical", text, Tokenizer.Tokenize(text));
}
