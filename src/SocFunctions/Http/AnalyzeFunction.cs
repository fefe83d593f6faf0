using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Infrastructure.Sessions;

namespace SocFunctions.Http;

/// <summary><c>POST /api/analyze</c>: screens one chatbot message.</summary>
public sealed partial class AnalyzeFunction(
    ScreeningGate gate,
    ApiKeyGuard guard,
    RequestBodyReader reader,
    IEventPublisher events,
    IOptions<DetectionOptions> detection,
    ILogger<AnalyzeFunction> logger)
{
    public const int MaxHistoryTurns = 50;

    [Function(nameof(Analyze))]
    public async Task<IActionResult> Analyze(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "analyze")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var body = await reader.ReadJsonAsync<AnalyzeRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var input = body.Value!;
        var errors = Validate(input, detection.Value.MaxMessageChars);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more fields are not valid.", errors);
        }

        // Rate limits, quota (metering) and the session: see ScreeningGate.
        var screened = await gate.ScreenAsync(caller!, input.Message!, input.SessionId, input.History, cancellationToken).ConfigureAwait(false);
        if (screened.Verdict is not { } verdict)
        {
            return ProtectionResults.Refused(screened);
        }

        LogVerdict(logger, verdict.Decision, verdict.DangerScore, string.Join(',', verdict.RuleIds), verdict.PatternSetVersion, verdict.ElapsedMicros);
        await PublishAsync(verdict, input, caller!.TenantId, cancellationToken).ConfigureAwait(false);
        Observability.DecisionRecordLog.LogDecisionRecord(logger, verdict, caller.TenantId);
        return ApiResults.Ok(AnalyzeResponse.From(verdict));
    }

    internal static Dictionary<string, string[]> Validate(AnalyzeRequest input, int maxChars)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (input.Message is null)
        {
            errors["message"] = ["The message field is required."];
        }
        else if (input.Message.Length > maxChars)
        {
            errors["message"] = [$"The message is longer than {maxChars} characters."];
        }

        if (input.SessionId is { Length: > 128 })
        {
            errors["sessionId"] = ["The sessionId is longer than 128 characters."];
        }

        if (input.History is { } history)
        {
            if (history.Count > MaxHistoryTurns)
            {
                errors["history"] = [$"At most {MaxHistoryTurns} earlier turns are accepted."];
            }
            else if (history.Any(h => h is null || h.Length > maxChars))
            {
                errors["history"] = [$"Every history entry must be a string of at most {maxChars} characters."];
            }
        }

        return errors;
    }

    private async Task PublishAsync(Verdict verdict, AnalyzeRequest input, string tenantId, CancellationToken cancellationToken)
    {
        var data = new JsonObject
        {
            ["decision"] = verdict.Decision.ToString().ToLowerInvariant(),
            ["dangerScore"] = verdict.DangerScore,
            ["certainty"] = verdict.Certainty,
            ["categories"] = new JsonArray(verdict.Categories.Select(c => (JsonNode?)JsonValue.Create(c)).ToArray()),
            ["ruleIds"] = new JsonArray(verdict.RuleIds.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
            ["findings"] = new JsonArray(verdict.Findings.Select(f => (JsonNode?)new JsonObject
            {
                ["ruleId"] = f.RuleId,
                ["category"] = f.Category,
                ["severity"] = f.Severity.ToString().ToLowerInvariant(),
                ["view"] = f.View,
                ["evidence"] = f.Evidence,
            }).ToArray()),
            ["message"] = Soc.Core.Detection.Finding.TrimEvidence(input.Message ?? string.Empty),
            ["sessionId"] = input.SessionId,
            ["tenantId"] = tenantId,
            ["patternSetVersion"] = verdict.PatternSetVersion,
            ["elapsedMicros"] = verdict.ElapsedMicros,
        };
        var type = verdict.Decision switch
        {
            Decision.Block => "threat.blocked",
            Decision.Flag => "threat.flagged",
            _ => "message.allowed",
        };
        try
        {
            await events.PublishAsync(SocEvent.Create(type, data), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Screening must answer even when the event pipeline is down; the publisher keeps its own retries.
            LogPublishFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Screened message: {Decision} danger={DangerScore} rules={RuleIds} patternSet={PatternSetVersion} in {ElapsedMicros} µs")]
    private static partial void LogVerdict(ILogger logger, Decision decision, double dangerScore, string ruleIds, long patternSetVersion, long elapsedMicros);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Publishing a screening event failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
