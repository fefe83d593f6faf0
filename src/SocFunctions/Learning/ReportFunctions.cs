using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Learning;
using Soc.Infrastructure.Learning;
using SocFunctions.Http;

namespace SocFunctions.Learning;

/// <summary>
/// The signed report webhooks and the report status. A delivery is identified by reporter + <c>X-Soc-Delivery</c>:
/// the report id (and orchestration instance id) is derived from them, so the same delivery never starts a second
/// orchestration; a repeated delivery answers 409 with the existing report's status URL in <c>Location</c>.
/// </summary>
public sealed partial class ReportFunctions(
    WebhookVerifier verifier,
    RequestBodyReader reader,
    ApiKeyGuard guard,
    ILearningReportStore reports,
    LearningEvents events,
    IOptions<LearningOptions> learning,
    IOptions<DetectionOptions> detection,
    TimeProvider clock,
    ILogger<ReportFunctions> logger)
{
    public const string StatusRoute = "learning/reports";

    [Function(nameof(ReportMissedAttack))]
    public Task<IActionResult> ReportMissedAttack(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/report-missed-attack")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ReceiveAsync(request, client, falsePositive: false, cancellationToken);

    [Function(nameof(ReportFalsePositive))]
    public Task<IActionResult> ReportFalsePositive(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/report-false-positive")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ReceiveAsync(request, client, falsePositive: true, cancellationToken);

    [Function(nameof(GetLearningReport))]
    public async Task<IActionResult> GetLearningReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = StatusRoute + "/{id}")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        string id,
        CancellationToken cancellationToken)
    {
        var (_, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        if (string.IsNullOrEmpty(id) || id.Length > 80 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return ApiResults.NotFound("No report has that id.");
        }

        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return ApiResults.NotFound("No report has that id.");
        }

        var failure = instance.FailureDetails is { } f ? new ReportFailure(f.ErrorType, f.ErrorMessage) : null;
        var report = instance.ReadOutputAs<LearningLoopOutcome>() ?? instance.ReadCustomStatusAs<LearningLoopOutcome>();
        var body = new LearningReportStatus(
            instance.InstanceId,
            instance.RuntimeStatus.ToString(),
            instance.CreatedAt,
            instance.LastUpdatedAt,
            report,
            failure,
            LearningReportStatus.StepsOf(report, instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed),
            report?.Decisions ?? []);
        return ApiResults.Ok(body);
    }

    private async Task<IActionResult> ReceiveAsync(HttpRequest request, DurableTaskClient client, bool falsePositive, CancellationToken cancellationToken)
    {
        var raw = await reader.ReadRawAsync(request, cancellationToken).ConfigureAwait(false);
        if (raw.Error is not null)
        {
            return raw.Error;
        }

        // Signed webhooks for reporters; callers holding an API key (the dashboard, a tenant's operators) may report
        // without a signature: the report is then attributed to their tenant.
        WebhookCheck check;
        string? apiTenant = null;
        if (!request.Headers.ContainsKey(WebhookVerifier.SignatureHeader) && request.Headers.ContainsKey(ApiKeyGuard.HeaderName))
        {
            var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
            if (authError is not null)
            {
                return authError;
            }

            var delivery = request.Headers[WebhookVerifier.DeliveryHeader].ToString();
            if (delivery.Length > WebhookVerifier.MaxDeliveryIdLength || delivery.Any(c => c < 0x21 || c > 0x7e))
            {
                return ApiResults.BadRequest($"{WebhookVerifier.DeliveryHeader} must be 1 to {WebhookVerifier.MaxDeliveryIdLength} visible ASCII characters.");
            }

            apiTenant = caller!.TenantId;
            check = new WebhookCheck("tenant:" + caller.TenantId, delivery.Length > 0 ? delivery : Guid.NewGuid().ToString("n"), null);
        }
        else
        {
            check = verifier.Verify(request.Headers, raw.Text);
        }

        if (!check.IsValid)
        {
            LogRejectedSignature(logger, check.Error!);
            return ApiResults.Problem(StatusCodes.Status401Unauthorized, "The webhook signature is not valid.", check.Error)
                .WithHeader("WWW-Authenticate", "SocSignature header=\"" + WebhookVerifier.SignatureHeader + "\"");
        }

        ReportRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<ReportRequest>(raw.Text, ApiJson.Options);
        }
        catch (JsonException)
        {
            return ApiResults.BadRequest("The request body is not valid JSON for this endpoint.");
        }

        if (body is null)
        {
            return ApiResults.BadRequest("The request body must be a JSON object, not null.");
        }

        var errors = Validate(body, apiTenant is null ? check.Reporter! : null, detection.Value.MaxMessageChars, out var severity);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more fields are not valid.", errors);
        }

        if (!learning.Value.EnableIncrementalLearning)
        {
            return ApiResults.Problem(StatusCodes.Status503ServiceUnavailable, "Incremental learning is turned off.",
                "Set Learning__EnableIncrementalLearning=true to accept reports.");
        }

        var id = ReportId(check.Reporter!, check.DeliveryId!, falsePositive);
        var tenant = apiTenant ?? body.TenantId;
        var reportedBy = apiTenant is null || body.ReportedBy is null ? check.Reporter! : Label(check.Reporter! + ":" + body.ReportedBy);
        var statusUrl = StatusUrl(request, id);
        var now = clock.GetUtcNow();
        var report = new MissReport(id, body.Message!, reportedBy, body.ActualThreatType, severity, now, tenant, falsePositive);
        var isNew = await reports.TryAddAsync(
            new LearningReportRecord(id, reportedBy, check.DeliveryId!, tenant, falsePositive, body.Message!, now),
            cancellationToken).ConfigureAwait(false);
        if (!isNew)
        {
            // A redelivery: never a second orchestration. If the first attempt stored the report but failed to start
            // its orchestration, start it now (the instance id makes this idempotent too).
            var existing = await client.GetInstanceAsync(id, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                var stored = await reports.GetAsync(id, cancellationToken).ConfigureAwait(false);
                await StartAsync(client, report with { ReportedAt = stored?.ReceivedAt ?? now }, cancellationToken).ConfigureAwait(false);
            }

            LogDuplicate(logger, id);
            return ApiResults.Problem(StatusCodes.Status409Conflict, "This delivery was already received.",
                    $"Report {id} exists; its status is at {statusUrl}.")
                .WithHeader("Location", statusUrl);
        }

        await StartAsync(client, report, cancellationToken).ConfigureAwait(false);
        LogAccepted(logger, id, reportedBy, falsePositive);
        await events.PublishAsync(LearningEvents.Reported, id, new JsonObject
        {
            ["reportedBy"] = reportedBy,
            ["falsePositive"] = falsePositive,
            ["threatType"] = body.ActualThreatType,
            ["severity"] = severity.ToString().ToLowerInvariant(),
            ["message"] = Finding.TrimEvidence(body.Message!),
            ["tenantId"] = tenant,
        }, cancellationToken).ConfigureAwait(false);
        return ApiResults.Accepted(new ReportAccepted(id, statusUrl), statusUrl);
    }

    private static Task StartAsync(DurableTaskClient client, MissReport report, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(nameof(LearnFromMissOrchestrator), report, new StartOrchestrationOptions(report.ReportId), cancellationToken);

    /// <summary>The report and orchestration instance id of a delivery: <c>miss-</c> or <c>fp-</c> + 32 hex of SHA-256(reporter, delivery).</summary>
    public static string ReportId(string reporter, string deliveryId, bool falsePositive)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(reporter + "\n" + deliveryId));
        return (falsePositive ? "fp-" : "miss-") + Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }

    internal static string StatusUrl(HttpRequest request, string id) =>
        $"{request.Scheme}://{request.Host}/api/{StatusRoute}/{id}";

    /// <summary>A reporter label: at most 64 characters, control characters dropped.</summary>
    private static string Label(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length <= 64 ? clean : clean[..64];
    }

    /// <param name="reporter">The signing reporter, which <c>reported_by</c> must name; null for API-key callers (a free label).</param>
    internal static Dictionary<string, string[]> Validate(ReportRequest body, string? reporter, int maxChars, out Severity severity)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        severity = Severity.High;
        if (string.IsNullOrWhiteSpace(body.Message))
        {
            errors["message"] = ["The message field is required."];
        }
        else if (body.Message.Length > maxChars)
        {
            errors["message"] = [$"The message is longer than {maxChars} characters."];
        }

        if (reporter is not null && body.ReportedBy is { } claimed && !string.Equals(claimed, reporter, StringComparison.Ordinal))
        {
            errors["reported_by"] = ["reported_by must be the reporter whose secret signed the request (or be left out)."];
        }

        if (body.ActualThreatType is { Length: > 64 })
        {
            errors["actual_threat_type"] = ["actual_threat_type is longer than 64 characters."];
        }

        if (body.Severity is { } s && (!Enum.TryParse(s, ignoreCase: true, out severity) || !Enum.IsDefined(severity) || int.TryParse(s, out _)))
        {
            errors["severity"] = ["severity must be low, medium, high or critical."];
            severity = Severity.High;
        }

        if (body.TenantId is { } tenant && (tenant.Length is 0 or > 64 || !tenant.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            errors["tenant_id"] = ["tenant_id must be 1 to 64 letters, digits, '-' or '_'."];
        }

        return errors;
    }

    [LoggerMessage(EventId = 2040, Level = LogLevel.Information, Message = "Report {ReportId} accepted from {Reporter} (false positive: {FalsePositive})")]
    private static partial void LogAccepted(ILogger logger, string reportId, string reporter, bool falsePositive);

    [LoggerMessage(EventId = 2041, Level = LogLevel.Information, Message = "Report {ReportId} delivered again; no second orchestration")]
    private static partial void LogDuplicate(ILogger logger, string reportId);

    [LoggerMessage(EventId = 2042, Level = LogLevel.Warning, Message = "Webhook rejected: {Reason}")]
    private static partial void LogRejectedSignature(ILogger logger, string reason);
}
