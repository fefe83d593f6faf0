using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SocFunctions.Events;

/// <summary>Parses and validates the query strings of the event and history endpoints.</summary>
internal static class EventsQuery
{
    public static DateTimeOffset? Time(HttpRequest request, string name, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        errors[name] = [$"{name} must be an ISO 8601 time."];
        return null;
    }

    public static int Int(HttpRequest request, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return fallback;
        }

        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }

    public static string? Text(HttpRequest request, string name, int maxLength, Dictionary<string, string[]> errors)
    {
        var raw = request.Query[name].ToString();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (raw.Length > maxLength)
        {
            errors[name] = [$"{name} is longer than {maxLength} characters."];
            return null;
        }

        return raw;
    }

    /// <summary>Event ids are the publisher's: letters, digits and dashes.</summary>
    public static bool IsEventId(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
