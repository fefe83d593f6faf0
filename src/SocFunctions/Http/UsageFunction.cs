using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Soc.Core.Security;

namespace SocFunctions.Http;

/// <summary>
/// <c>GET /api/usage</c>: the calling tenant's metered calls per UTC day. <c>GET /api/usage/export</c> (admin key):
/// every tenant's usage as CSV or JSON for billing.
/// </summary>
public sealed class UsageFunction(
    ApiKeyGuard keys,
    AdminKeyGuard admin,
    IUsageStore usage,
    IOptions<TenantOptions> options,
    TimeProvider clock)
{
    public const int MaxDays = 366;

    [Function(nameof(GetUsage))]
    public async Task<IActionResult> GetUsage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "usage")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (caller, authError) = await keys.AuthenticateAsync(request, cancellationToken).ConfigureAwait(false);
        if (authError is not null)
        {
            return authError;
        }

        var (from, to, rangeError) = Range(request);
        if (rangeError is not null)
        {
            return rangeError;
        }

        var days = await usage.GetAsync(caller!.TenantId, from, to, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(new UsageResponse(
            caller.TenantId,
            caller.Plan,
            options.Value.DailyQuotaOf(caller.Plan),
            from,
            to,
            days.Sum(d => d.Calls),
            days.OrderBy(d => d.Date).Select(d => new UsageDayDto(d.TenantId, d.Date, d.Calls)).ToArray()));
    }

    [Function(nameof(ExportUsage))]
    public async Task<IActionResult> ExportUsage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "usage/export")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (admin.Check(request) is { } denied)
        {
            return denied;
        }

        var (from, to, rangeError) = Range(request);
        if (rangeError is not null)
        {
            return rangeError;
        }

        var format = request.Query["format"].FirstOrDefault()?.ToLowerInvariant() ?? "json";
        if (format is not ("json" or "csv"))
        {
            return ApiResults.BadRequest("format must be csv or json.", new Dictionary<string, string[]> { ["format"] = ["csv or json"] });
        }

        var rows = await usage.ExportAsync(from, to, cancellationToken).ConfigureAwait(false);
        if (format == "json")
        {
            return ApiResults.Ok(new UsageExport(from, to, rows.Sum(r => r.Calls), rows.Select(d => new UsageDayDto(d.TenantId, d.Date, d.Calls)).ToArray()));
        }

        var csv = new StringBuilder("tenantId,date,calls\n");
        foreach (var r in rows)
        {
            // Tenant ids are [a-z0-9-] (or configured bootstrap names): quote anyway so a CSV reader never splits one.
            csv.Append('"').Append(r.TenantId.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",")
                .Append(r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(r.Calls.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return new TextResult(csv.ToString(), "text/csv; charset=utf-8", $"usage-{from:yyyyMMdd}-{to:yyyyMMdd}.csv");
    }

    private (DateOnly From, DateOnly To, ApiResult? Error) Range(HttpRequest request)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = ParseDate(request.Query["to"].FirstOrDefault(), today, "to", errors);
        var from = ParseDate(request.Query["from"].FirstOrDefault(), to.AddDays(-29), "from", errors);
        if (errors.Count == 0 && from > to)
        {
            errors["from"] = ["from must not be after to."];
        }
        else if (errors.Count == 0 && to.DayNumber - from.DayNumber >= MaxDays)
        {
            errors["from"] = [$"At most {MaxDays} days per request."];
        }

        return errors.Count > 0 ? (from, to, ApiResults.BadRequest("The date range is not valid (yyyy-MM-dd).", errors)) : (from, to, null);
    }

    private static DateOnly ParseDate(string? raw, DateOnly fallback, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors[name] = ["Expected a date as yyyy-MM-dd."];
        return fallback;
    }
}

/// <summary>A text download (CSV) that writes itself, like <see cref="ApiResult"/>.</summary>
public sealed class TextResult(string text, string contentType, string fileName) : IActionResult
{
    public string Text { get; } = text;

    public string ContentType { get; } = contentType;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        await response.WriteAsync(Text, Encoding.UTF8, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
