using System.Collections.Frozen;
using System.Text;

namespace Soc.Core.Normalization;

/// <summary>
/// Puts back the apostrophe people leave out of a possessive: "read my wifes texts" becomes "read my wife's texts", so
/// rules written for "wife's" read it. Only a word for a person (wife, husband, ex, boss, neighbour, roommate, ...)
/// followed by "s" (or "es" after an s: "bosses"), after an owner word ("my", "his", "her", "their", "your", "our",
/// "ur", "someones", or "ex", "new", "old", "former", "current" as in "my ex girlfriends"), and followed by another
/// word, is read as a possessive; "my neighbors are loud" becomes "my neighbor's are loud", which no rule reads as anything
/// else. Like the other derived views, only the first characters of a long message are read (the caller's bound).
/// </summary>
public static class Possessives
{
    private static readonly FrozenSet<string> People = new[]
    {
        "wife", "husband", "ex", "girlfriend", "boyfriend", "partner", "spouse", "fiance", "fiancee", "roommate",
        "flatmate", "housemate", "neighbor", "neighbour", "coworker", "colleague", "boss", "manager", "teacher",
        "classmate", "friend", "sister", "brother", "mom", "mum", "dad", "mother", "father", "daughter", "son",
        "stepdad", "stepmom", "landlord", "tenant", "employee", "employer", "student", "grandma", "grandpa", "cousin",
        "uncle", "aunt", "niece", "nephew", "crush",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PeopleLookup = People.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string> Owners = new[]
    {
        "my", "his", "her", "their", "your", "our", "ur", "someones", "somebodys", "ex", "new", "old", "former", "current",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The view's text (its first <paramref name="maxChars"/> characters) with the apostrophes put back, or null when none was left out.</summary>
    public static string? Restore(TextView view, int maxChars = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(view);
        var end = Math.Min(view.Text.Length, maxChars);
        var tokens = view.Tokens;
        StringBuilder? sb = null;
        var copied = 0;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (tokens[i + 1].Start + tokens[i + 1].Length > end)
            {
                break;
            }

            var word = token.Value;
            if (word.Length < 3 || word[^1] != 's' || !Owners.Contains(tokens[i - 1].Value)
                || !IsWordAfterSpace(view.Text, token, tokens[i + 1]))
            {
                continue;
            }

            // "wifes" is wife's; "bosses" is boss's (a word ending in s takes "es").
            var owner = word.AsSpan(0, word.Length - 1);
            if (!PeopleLookup.Contains(owner))
            {
                owner = word.EndsWith("ses", StringComparison.Ordinal) ? word.AsSpan(0, word.Length - 2) : [];
                if (owner.IsEmpty || !PeopleLookup.Contains(owner))
                {
                    continue;
                }
            }

            sb ??= new StringBuilder(view.Text.Length + 8);
            sb.Append(view.Text, copied, token.Start - copied).Append(owner).Append("'s");
            copied = token.Start + token.Length;
        }

        return sb?.Append(view.Text, copied, end - copied).ToString();
    }

    private static bool IsWordAfterSpace(string text, Token token, Token next) =>
        next.Start == token.Start + token.Length + 1 && text[token.Start + token.Length] == ' '
        && next.Value.AsSpan().IndexOfAnyInRange('a', 'z') >= 0;
}
