using System.Security.Cryptography;
using System.Text;

namespace SocFunctions.Learning;

/// <summary>Stable ids and categories for learned patterns: the same words learned twice have one id.</summary>
public static class LearnedPatternIds
{
    public const string AllowListCategory = "allow_list";
    public const string DefaultCategory = "prompt_injection";

    public static string For(IReadOnlyList<string> tokens, bool allowList)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes((allowList ? "allow\u0001" : "block\u0001") + string.Join('\u0001', tokens)));
        return (allowList ? "LA-" : "LP-") + Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }

    /// <summary>The reporter's threat type as a category: lower-case letters, digits and underscores, at most 64.</summary>
    public static string Category(string? threatType, bool allowList)
    {
        if (allowList)
        {
            return AllowListCategory;
        }

        var sb = new StringBuilder();
        foreach (var c in (threatType ?? string.Empty).Trim().ToLowerInvariant())
        {
            if (sb.Length == 64)
            {
                break;
            }

            sb.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var category = sb.ToString().Trim('_');
        return category.Length == 0 ? DefaultCategory : category;
    }
}
