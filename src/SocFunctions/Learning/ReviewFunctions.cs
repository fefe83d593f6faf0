using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Soc.Core.Detection;
using Soc.Core.Learning;
using Soc.Core.Normalization;
using Soc.Core.Patterns;
using SocFunctions.Http;

namespace SocFunctions.Learning;

/// <summary>A learned pattern as the review API shows, exports and imports it.</summary>
public sealed record PatternDto(
    string Id,
    string Text,
    IReadOnlyList<string> Tokens,
    string Category,
    Severity Severity,
    PatternStatus Status,
    bool AllowList,
    PatternProvenance Provenance)
{
    public static PatternDto From(LearnedPattern p) => new(p.Id, p.Text, p.Tokens, p.Category, p.Severity, p.Status, p.AllowList, p.Provenance);
}

/// <summary>Answer of the pattern list and of the export.</summary>
public sealed record PatternListResponse(long PatternSetVersion, int Count, IReadOnlyList<PatternDto> Patterns, DateTimeOffset? ExportedAt = null);

/// <summary>Answer of a review action.</summary>
public sealed record ReviewResponse(PatternDto Pattern, long PatternSetVersion);

/// <summary>One pattern to import: words (or text), category, severity, status, allow-list flag.</summary>
public sealed record ImportPattern(string? Id, string? Text, IReadOnlyList<string>? Tokens, string? Category, Severity? Severity, PatternStatus? Status, bool? AllowList, PatternProvenance? Provenance);

/// <summary>Body of <c>POST /api/learning/import-patterns</c> (the export's shape is accepted as is).</summary>
public sealed record ImportRequest(IReadOnlyList<ImportPattern?>? Patterns);

/// <summary>Answer of an import.</summary>
public sealed record ImportResponse(int Imported, long PatternSetVersion, IReadOnlyList<PatternDto> Patterns);

/// <summary>
/// The review API (API key): list learned patterns, approve, reject, disable or roll back one, export and import.
/// Every change bumps the pattern-set version, so every instance serves it within <c>Patterns__RefreshSeconds</c>.
/// </summary>
public sealed partial class ReviewFunctions(
    IPatternRepository patterns,
    ApiKeyGuard guard,
    RequestBodyReader reader,
    ITextNormalizer normalizer,
    IBenignCorpus benign,
    LearningEvents events,
    TimeProvider clock,
    ILogger<ReviewFunctions> logger)
{
    public const int MaxImport = 1000;
    public const int MaxPatternWords = 12;

    [Function(nameof(ListLearnedPatterns))]
    public async Task<IActionResult> ListLearnedPatterns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "learning/patterns")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        PatternStatus? status = null;
        var raw = request.Query["status"].ToString();
        if (raw.Length > 0)
        {
            if (!Enum.TryParse<PatternStatus>(raw, ignoreCase: true, out var parsed) || int.TryParse(raw, out _))
            {
                return ApiResults.BadRequest("status must be active, shadow, pendingReview, rejected or disabled.");
            }

            status = parsed;
        }

        var set = await patterns.LoadAsync(cancellationToken).ConfigureAwait(false);
        var list = set.Patterns.Where(p => status is null || p.Status == status).OrderByDescending(p => p.Provenance.CreatedAt).Select(PatternDto.From).ToArray();
        return ApiResults.Ok(new PatternListResponse(set.Version, list.Length, list));
    }

    [Function(nameof(ReviewLearnedPattern))]
    public async Task<IActionResult> ReviewLearnedPattern(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/patterns/{id}/{decision}")] HttpRequest request,
        string id,
        string decision,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        PatternStatus? target = decision switch
        {
            "approve" => PatternStatus.Active,
            "shadow" => PatternStatus.Shadow,
            "reject" => PatternStatus.Rejected,
            "disable" => PatternStatus.Disabled,
            "rollback" => PatternStatus.Disabled,
            _ => null,
        };
        if (target is null)
        {
            return ApiResults.NotFound("The action must be approve, shadow, reject, disable or rollback.");
        }

        var pattern = await patterns.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (pattern is null)
        {
            return ApiResults.NotFound("No learned pattern has that id.");
        }

        var reason = $"{AutoUpdate.ReviewReasonPrefix} {decision} by {caller!.TenantId}/{caller.KeyId} at {clock.GetUtcNow():O} (was {pattern.Status}; gate said: {pattern.Provenance.Reason})";
        var updated = pattern with { Status = target.Value, Provenance = pattern.Provenance with { Reason = Trim(reason) } };
        var version = await patterns.SaveAsync([updated], cancellationToken).ConfigureAwait(false);
        LogReviewed(logger, id, decision, version);
        await events.PublishAsync(LearningEvents.DetectorUpdated, pattern.Provenance.ReportId, new System.Text.Json.Nodes.JsonObject
        {
            ["patternSetVersion"] = version,
            ["patternId"] = id,
            ["review"] = decision,
            ["status"] = target.Value.ToString(),
        }, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new ReviewResponse(PatternDto.From(updated), version));
    }

    /// <summary>Rolls back everything one report taught: its live patterns become disabled in one version bump.</summary>
    [Function(nameof(RollbackLearningReport))]
    public async Task<IActionResult> RollbackLearningReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/reports/{id}/rollback")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var set = await patterns.LoadAsync(cancellationToken).ConfigureAwait(false);
        var fromReport = set.Patterns.Where(p => string.Equals(p.Provenance.ReportId, id, StringComparison.Ordinal)).ToArray();
        if (fromReport.Length == 0)
        {
            return ApiResults.NotFound("No learned pattern comes from that report.");
        }

        var reason = $"{AutoUpdate.ReviewReasonPrefix} rollback of report {id} by {caller!.TenantId}/{caller.KeyId} at {clock.GetUtcNow():O}";
        var rolledBack = fromReport
            .Where(p => p.Status is PatternStatus.Active or PatternStatus.Shadow or PatternStatus.PendingReview)
            .Select(p => p with { Status = PatternStatus.Disabled, Provenance = p.Provenance with { Reason = Trim($"{reason} (was {p.Status}; gate said: {p.Provenance.Reason})") } })
            .ToArray();
        var version = rolledBack.Length > 0 ? await patterns.SaveAsync(rolledBack, cancellationToken).ConfigureAwait(false) : set.Version;
        LogReviewed(logger, id, "rollback-report", version);
        if (rolledBack.Length > 0)
        {
            await events.PublishAsync(LearningEvents.DetectorUpdated, id, new System.Text.Json.Nodes.JsonObject
            {
                ["patternSetVersion"] = version,
                ["review"] = "rollback-report",
                ["patternIds"] = LearningEvents.Array(rolledBack.Select(p => p.Id)),
            }, cancellationToken).ConfigureAwait(false);
        }

        var list = rolledBack.Select(PatternDto.From).ToArray();
        return ApiResults.Ok(new PatternListResponse(version, list.Length, list));
    }

    [Function(nameof(ExportPatterns))]
    public async Task<IActionResult> ExportPatterns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "learning/export-patterns")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (_, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var set = await patterns.LoadAsync(cancellationToken).ConfigureAwait(false);
        var list = set.Patterns.OrderBy(p => p.Id, StringComparer.Ordinal).Select(PatternDto.From).ToArray();
        return ApiResults.Ok(new PatternListResponse(set.Version, list.Length, list, clock.GetUtcNow()))
            .WithHeader("Content-Disposition", "attachment; filename=\"learned-patterns.json\"");
    }

    [Function(nameof(ImportPatterns))]
    public async Task<IActionResult> ImportPatterns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "learning/import-patterns")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await guard.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var body = await reader.ReadJsonAsync<ImportRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var items = body.Value!.Patterns;
        if (items is null || items.Count == 0 || items.Count > MaxImport)
        {
            return ApiResults.BadRequest($"patterns must hold 1 to {MaxImport} patterns.");
        }

        var benignTexts = await benign.GetAsync(caller!.TenantId, cancellationToken).ConfigureAwait(false);
        var benignViews = benignTexts.Select(t => normalizer.Normalize(t).Views.Select(v => v.Tokens.Select(x => x.Value).ToArray()).ToArray()).ToArray();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var imported = new List<LearnedPattern>();
        var now = clock.GetUtcNow();
        for (var i = 0; i < items.Count; i++)
        {
            var (pattern, error) = ToPattern(items[i], caller, now);
            if (error is not null)
            {
                errors[$"patterns[{i}]"] = [error];
                continue;
            }

            // An imported blocking pattern that fires on benign reference text does not go live: it waits for review.
            var matches = pattern!.AllowList ? 0 : benignViews.Count(views => views.Any(v => LiteralMatch.Contains(v, pattern.Tokens)));
            if (matches > 0 && pattern.Status is PatternStatus.Active or PatternStatus.Shadow)
            {
                pattern = pattern with
                {
                    Status = PatternStatus.PendingReview,
                    Provenance = pattern.Provenance with { Reason = Trim($"import: matches {matches} benign reference texts; waits for review. {pattern.Provenance.Reason}") },
                };
            }

            imported.Add(pattern);
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("Some patterns are not valid; nothing was imported.", errors);
        }

        var version = await patterns.SaveAsync(imported, cancellationToken).ConfigureAwait(false);
        LogImported(logger, imported.Count, version);
        return ApiResults.Ok(new ImportResponse(imported.Count, version, imported.Select(PatternDto.From).ToArray()));
    }

    /// <summary>
    /// Validates one imported pattern: literal words only (each word must be exactly what the tokenizer makes of it
    /// after normalisation, so no regex, wildcard or punctuation gets in), 2 to 12 words.
    /// </summary>
    internal (LearnedPattern? Pattern, string? Error) ToPattern(ImportPattern? item, Soc.Core.Security.ApiCaller caller, DateTimeOffset now)
    {
        if (item is null)
        {
            return (null, "A pattern must be an object.");
        }

        var words = item.Tokens ?? item.Text?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is null || words.Count < 2 || words.Count > MaxPatternWords)
        {
            return (null, $"A pattern needs 2 to {MaxPatternWords} words (tokens or text).");
        }

        foreach (var w in words)
        {
            var tokens = w is null ? [] : normalizer.Normalize(w).Canonical.Tokens;
            if (tokens.Count != 1 || !string.Equals(tokens[0].Value, w, StringComparison.Ordinal))
            {
                return (null, $"'{Trim(w ?? "null", 40)}' is not a single normalised word (lower case letters or digits only).");
            }
        }

        var allowList = item.AllowList ?? false;
        var id = LearnedPatternIds.For(words, allowList);
        if (item.Id is { } given && !string.Equals(given, id, StringComparison.Ordinal))
        {
            return (null, $"id {Trim(given, 40)} does not belong to these words (expected {id}); leave it out to have it computed.");
        }

        var category = LearnedPatternIds.Category(item.Category, allowList);
        var provenance = item.Provenance is { } p
            ? p with { Reason = Trim($"imported by {caller.TenantId}/{caller.KeyId} at {now:O}; {p.Reason}") }
            : new PatternProvenance("import", caller.TenantId + "/" + caller.KeyId, now, 0, 0, Trim($"imported by {caller.TenantId}/{caller.KeyId} at {now:O}"));
        return (new LearnedPattern(id, words.ToArray(), category, item.Severity ?? Severity.High, item.Status ?? PatternStatus.PendingReview, provenance, allowList), null);
    }

    private static string Trim(string text, int max = 1000) => text.Length <= max ? text : text[..max];

    [LoggerMessage(EventId = 2050, Level = LogLevel.Information, Message = "Pattern {PatternId}: {Decision}; pattern set {Version}")]
    private static partial void LogReviewed(ILogger logger, string patternId, string decision, long version);

    [LoggerMessage(EventId = 2051, Level = LogLevel.Information, Message = "Imported {Count} patterns; pattern set {Version}")]
    private static partial void LogImported(ILogger logger, int count, long version);
}
