using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Chat;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Infrastructure.Sessions;

namespace SocFunctions.Http;

/// <summary>Answer of <c>POST /api/chat</c>.</summary>
public sealed record ChatResponse(bool Blocked, string Response, AnalyzeResponse Verdict, bool LeakDetected, string? Responder, IReadOnlyList<string>? LeakForms);

/// <summary>
/// <c>POST /api/chat</c>: the seed's protected chatbot. The message is screened like <c>/api/analyze</c> (key, rate
/// limits, quota, session); a blocked message gets no answer; otherwise the bot answers with the secret flag and a
/// session canary in its system prompt, and the answer is scanned for both before it is returned.
/// </summary>
public sealed partial class ChatFunction(
    ScreeningGate gate,
    ProtectedChat chat,
    ApiKeyGuard guard,
    RequestBodyReader reader,
    IEventPublisher events,
    IOptions<DetectionOptions> detection,
    IOptions<ChatOptions> chatOptions,
    ILogger<ChatFunction> logger)
{
    [Function(nameof(Chat))]
    public async Task<IActionResult> Chat(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "chat")] HttpRequest request,
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
        var errors = AnalyzeFunction.Validate(input, detection.Value.MaxMessageChars);
        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more fields are not valid.", errors);
        }

        var screened = await gate.ScreenAsync(caller!, input.Message!, input.SessionId, input.History, cancellationToken).ConfigureAwait(false);
        if (screened.Verdict is not { } verdict)
        {
            return ProtectionResults.Refused(screened);
        }

        if (verdict.Decision == Decision.Block)
        {
            LogBlocked(logger, caller!.TenantId, string.Join(',', verdict.RuleIds));
            await PublishAsync("chat.blocked", new JsonObject
            {
                ["tenantId"] = caller.TenantId,
                ["sessionId"] = input.SessionId,
                ["dangerScore"] = verdict.DangerScore,
                ["ruleIds"] = new JsonArray(verdict.RuleIds.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()),
                ["message"] = Finding.TrimEvidence(input.Message!),
            }, cancellationToken).ConfigureAwait(false);
            return ApiResults.Ok(new ChatResponse(true, chatOptions.Value.BlockedAnswer, AnalyzeResponse.From(verdict), false, null, null));
        }

        var answer = await chat.AnswerAsync(caller!.TenantId, input.SessionId, input.Message!, input.History ?? [], cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new ChatResponse(false, answer.Response, AnalyzeResponse.From(verdict), answer.Leak.Leaked, answer.Responder, answer.Leak.Leaked ? answer.Leak.Forms : null));
    }

    private async Task PublishAsync(string type, JsonObject data, CancellationToken cancellationToken)
    {
        try
        {
            await events.PublishAsync(SocEvent.Create(type, data), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPublishFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Chat message blocked for tenant {TenantId}: rules {RuleIds}")]
    private static partial void LogBlocked(ILogger logger, string tenantId, string ruleIds);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Publishing a chat event failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
