using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Detection;
using Soc.Infrastructure.Learning;
using SocFunctions.Http;

namespace SocFunctions.Learning;

/// <summary>Body of <c>POST /api/learning/benign-samples</c>.</summary>
public sealed record BenignSamplesRequest(IReadOnlyList<string?>? Samples);

/// <summary>Answer of a benign-sample upload.</summary>
public sealed record BenignSamplesResponse(string TenantId, int Received, int Added, int Total);

/// <summary>
/// <c>POST /api/learning/benign-samples</c> (API key): the caller's tenant uploads texts its users send that must
/// never be blocked; the promotion gate checks every candidate of that tenant's reports against them.
/// </summary>
public sealed partial class BenignSamplesFunction(
    IBenignSampleStore store,
    ApiKeyGuard guard,
    RequestBodyReader reader,
    IOptions<DetectionOptions> detection,
    ILogger<BenignSamplesFunction> logger)
{
    public const int MaxSamplesPerRequest = 500;

    [Function(nameof(UploadBenignSamples))]
    public async Task<IActionResult> UploadBenignSamples(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/benign-samples")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var body = await reader.ReadJsonAsync<BenignSamplesRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var samples = body.Value!.Samples;
        if (samples is null || samples.Count == 0 || samples.Count > MaxSamplesPerRequest)
        {
            return ApiResults.BadRequest($"samples must hold 1 to {MaxSamplesPerRequest} texts.");
        }

        var max = detection.Value.MaxMessageChars;
        var bad = Enumerable.Range(0, samples.Count).Where(i => string.IsNullOrWhiteSpace(samples[i]) || samples[i]!.Length > max).ToArray();
        if (bad.Length > 0)
        {
            return ApiResults.BadRequest("Some samples are not valid; nothing was stored.",
                bad.Take(20).ToDictionary(i => $"samples[{i}]", _ => new[] { $"A sample must be a non-empty string of at most {max} characters." }));
        }

        var added = await store.AddAsync(caller!.TenantId, samples.Select(s => s!).ToArray(), cancellationToken).ConfigureAwait(false);
        var total = (await store.GetAsync(caller.TenantId, cancellationToken).ConfigureAwait(false)).Count;
        LogUploaded(logger, caller.TenantId, added, total);
        return ApiResults.Ok(new BenignSamplesResponse(caller.TenantId, samples.Count, added, total));
    }

    [LoggerMessage(EventId = 2060, Level = LogLevel.Information, Message = "Tenant {TenantId} uploaded {Added} new benign samples ({Total} in all)")]
    private static partial void LogUploaded(ILogger logger, string tenantId, int added, int total);
}
