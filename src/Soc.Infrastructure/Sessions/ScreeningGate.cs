using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Core.Security;
using Soc.Core.Sessions;

namespace Soc.Infrastructure.Sessions;

/// <summary>Why a call was refused before screening.</summary>
public enum Rejection
{
    None,
    KeyRateLimit,
    SessionRateLimit,
    Quota,
}

/// <summary>The verdict of a screened call, or why it was refused and when to retry.</summary>
public sealed record ScreeningOutcome(Verdict? Verdict, Rejection Rejection, TimeSpan RetryAfter, IReadOnlyList<Finding> SessionFindings)
{
    public static ScreeningOutcome Refused(Rejection rejection, TimeSpan retryAfter) => new(null, rejection, retryAfter, []);
}

/// <summary>
/// Everything a paid call goes through, in order: rate limit per API key, rate limit per session, daily quota (the
/// metered count), then screening in its session. All state is in Table Storage, so every instance enforces the same
/// limits. Storage cost per call: key window 1 read + 1 write, session window 1+1 (with a session id), usage 1+1,
/// session state 1+1 (with a session id); a refused call stops at the first limit it hits and is not metered.
/// </summary>
public sealed partial class ScreeningGate(
    IRateLimitStore limits,
    IUsageStore usage,
    ISessionStore sessions,
    SessionAnalyzer analyzer,
    IEventPublisher events,
    IOptions<RateLimitOptions> rateOptions,
    IOptions<TenantOptions> tenantOptions,
    TimeProvider clock,
    ILogger<ScreeningGate> logger)
{
    private const int MaxSessionWriteAttempts = 20;
    private static readonly TimeSpan DegradedFor = TimeSpan.FromSeconds(5);
    private long _degradedUntilTicks;

    /// <summary>
    /// Screens the call. When Table Storage is unreachable, screening goes on without limits, metering or session
    /// state (protection first; event 5004 says so) and storage is tried again after a few seconds.
    /// </summary>
    public async Task<ScreeningOutcome> ScreenAsync(ApiCaller caller, string message, string? sessionId, IReadOnlyList<string>? history, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _degradedUntilTicks))
        {
            try
            {
                return await ScreenWithStorageAsync(caller, message, sessionId, history, now, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsStorageFailure(ex, cancellationToken))
            {
                Interlocked.Exchange(ref _degradedUntilTicks, (now + DegradedFor).UtcTicks);
                LogDegraded(logger, ex);
            }
        }

        var degraded = analyzer.Analyze(message, new AnalysisContext(sessionId, history, caller.TenantId), null, now);
        return new ScreeningOutcome(degraded.Verdict, Rejection.None, TimeSpan.Zero, degraded.SessionFindings);
    }

    private static bool IsStorageFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is Azure.RequestFailedException or HttpRequestException or AggregateException or TimeoutException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private async Task<ScreeningOutcome> ScreenWithStorageAsync(ApiCaller caller, string message, string? sessionId, IReadOnlyList<string>? history, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var r = rateOptions.Value;
        var key = await limits.TryAcquireAsync("key|" + caller.TenantId + "|" + caller.KeyId, r.KeyMessages, TimeSpan.FromSeconds(r.KeyWindowSeconds), now, cancellationToken).ConfigureAwait(false);
        if (!key.Allowed)
        {
            return await RefuseAsync(caller, sessionId, Rejection.KeyRateLimit, key.RetryAfter, cancellationToken).ConfigureAwait(false);
        }

        if (sessionId is not null)
        {
            var session = await limits.TryAcquireAsync("session|" + caller.TenantId + "|" + sessionId, r.SessionMessages, TimeSpan.FromSeconds(r.SessionWindowSeconds), now, cancellationToken).ConfigureAwait(false);
            if (!session.Allowed)
            {
                return await RefuseAsync(caller, sessionId, Rejection.SessionRateLimit, session.RetryAfter, cancellationToken).ConfigureAwait(false);
            }
        }

        var quota = await usage.TryConsumeAsync(caller.TenantId, DateOnly.FromDateTime(now.UtcDateTime), tenantOptions.Value.DailyQuotaOf(caller.Plan), now, cancellationToken).ConfigureAwait(false);
        if (!quota.Allowed)
        {
            return await RefuseAsync(caller, sessionId, Rejection.Quota, quota.RetryAfter, cancellationToken).ConfigureAwait(false);
        }

        var context = new AnalysisContext(sessionId, history, caller.TenantId);
        if (sessionId is null)
        {
            var stateless = analyzer.Analyze(message, context, null, now);
            return new ScreeningOutcome(stateless.Verdict, Rejection.None, TimeSpan.Zero, stateless.SessionFindings);
        }

        SessionOutcome outcome;
        var attempt = 0;
        while (true)
        {
            attempt++;
            var (state, etag) = await sessions.GetAsync(caller.TenantId, sessionId, cancellationToken).ConfigureAwait(false);
            outcome = analyzer.Analyze(message, context, state, now);
            if (await sessions.TrySaveAsync(caller.TenantId, sessionId, outcome.State, etag, cancellationToken).ConfigureAwait(false))
            {
                break;
            }

            if (attempt >= MaxSessionWriteAttempts)
            {
                // The verdict stands; only this turn's contribution to the session is lost.
                LogSessionContention(logger, caller.TenantId, attempt);
                break;
            }

            await Task.Delay(Random.Shared.Next(1, 10), cancellationToken).ConfigureAwait(false);
        }

        return new ScreeningOutcome(outcome.Verdict, Rejection.None, TimeSpan.Zero, outcome.SessionFindings);
    }

    private async Task<ScreeningOutcome> RefuseAsync(ApiCaller caller, string? sessionId, Rejection rejection, TimeSpan retryAfter, CancellationToken cancellationToken)
    {
        LogRefused(logger, rejection, caller.TenantId, caller.KeyId, (long)retryAfter.TotalSeconds);
        try
        {
            await events.PublishAsync(SocEvent.Create(rejection == Rejection.Quota ? "quota.exceeded" : "ratelimit.exceeded", new JsonObject
            {
                ["tenantId"] = caller.TenantId,
                ["keyId"] = caller.KeyId,
                ["sessionId"] = sessionId,
                ["limit"] = rejection.ToString(),
                ["retryAfterSeconds"] = (long)retryAfter.TotalSeconds,
            }), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex);
        }

        return ScreeningOutcome.Refused(rejection, retryAfter);
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Call refused by {Rejection} for tenant {TenantId} key {KeyId}; retry after {RetryAfterSeconds} s")]
    private static partial void LogRefused(ILogger logger, Rejection rejection, string tenantId, string keyId, long retryAfterSeconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Session state of tenant {TenantId} not saved after {Attempts} conflicting writes")]
    private static partial void LogSessionContention(ILogger logger, string tenantId, int attempts);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Table Storage unreachable: screening without rate limits, metering or session state for a few seconds")]
    private static partial void LogDegraded(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Publishing a rate-limit event failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
