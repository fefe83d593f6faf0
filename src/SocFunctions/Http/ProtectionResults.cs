using System.Globalization;
using Microsoft.AspNetCore.Http;
using Soc.Infrastructure.Sessions;

namespace SocFunctions.Http;

/// <summary>The problem+json answers of the pay-per-call protection (429 with Retry-After, 403).</summary>
public static class ProtectionResults
{
    public static ApiResult Refused(ScreeningOutcome outcome)
    {
        var (title, detail) = outcome.Rejection switch
        {
            Rejection.Quota => ("The daily quota of your plan is used up.", "The quota resets at 00:00 UTC."),
            Rejection.SessionRateLimit => ("Too many messages in this session.", "The session's rate limit is reached; wait before sending more."),
            _ => ("Too many requests for this API key.", "The API key's rate limit is reached; wait before sending more."),
        };
        return TooManyRequests(title, detail, outcome.RetryAfter);
    }

    public static ApiResult TooManyRequests(string title, string detail, TimeSpan retryAfter) =>
        ApiResults.Problem(StatusCodes.Status429TooManyRequests, title, detail)
            .WithHeader("Retry-After", Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    public static ApiResult Forbidden(string detail) =>
        ApiResults.Problem(StatusCodes.Status403Forbidden, "Not allowed.", detail);
}
