using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Soc.Core.Security;

namespace SocFunctions.Http;

/// <summary>
/// The management API (<c>X-Admin-Key</c>): tenants, issuing and revoking API keys. Under <c>/api/manage</c> because
/// the Functions host reserves routes starting with <c>admin</c>.
/// </summary>
public sealed partial class TenantAdminFunction(
    AdminKeyGuard guard,
    ITenantStore store,
    TenantApiKeyValidator validator,
    RequestBodyReader reader,
    IOptions<TenantOptions> options,
    TimeProvider clock,
    ILogger<TenantAdminFunction> logger)
{
    [Function(nameof(CreateTenant))]
    public async Task<IActionResult> CreateTenant(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/tenants")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) is { } denied)
        {
            return denied;
        }

        var body = await reader.ReadJsonAsync<CreateTenantRequest>(request, cancellationToken).ConfigureAwait(false);
        if (body.Error is not null)
        {
            return body.Error;
        }

        var input = body.Value!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!ApiKeyFormat.IsValidTenantId(input.TenantId))
        {
            errors["tenantId"] = ["3-40 characters: lower-case letters, digits and dashes, starting with a letter or digit."];
        }

        var plan = string.IsNullOrWhiteSpace(input.Plan) ? "free" : input.Plan.Trim();
        if (!options.Value.Plans.ContainsKey(plan))
        {
            errors["plan"] = ["Unknown plan; configured plans: " + string.Join(", ", options.Value.Plans.Keys.Order(StringComparer.Ordinal)) + "."];
        }

        if (input.Name is { Length: > 200 })
        {
            errors["name"] = ["At most 200 characters."];
        }

        if (errors.Count > 0)
        {
            return ApiResults.BadRequest("One or more fields are not valid.", errors);
        }

        var tenant = new Tenant(input.TenantId!, string.IsNullOrWhiteSpace(input.Name) ? input.TenantId! : input.Name.Trim(), plan.ToLowerInvariant(), clock.GetUtcNow());
        if (!await store.CreateTenantAsync(tenant, cancellationToken).ConfigureAwait(false))
        {
            return ApiResults.Problem(StatusCodes.Status409Conflict, "The tenant exists.", $"A tenant with id {tenant.Id} exists already.");
        }

        LogTenantCreated(logger, tenant.Id, tenant.Plan);
        return new ApiResult(StatusCodes.Status201Created, ToDto(tenant)).WithHeader("Location", "/api/manage/tenants/" + tenant.Id);
    }

    [Function(nameof(ListTenants))]
    public async Task<IActionResult> ListTenants(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/tenants")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) is { } denied)
        {
            return denied;
        }

        var tenants = await store.ListTenantsAsync(cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(tenants.Select(ToDto).ToArray());
    }

    [Function(nameof(IssueApiKey))]
    public async Task<IActionResult> IssueApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "manage/tenants/{tenantId}/keys")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) is { } denied)
        {
            return denied;
        }

        if (!ApiKeyFormat.IsValidTenantId(tenantId) || await store.GetTenantAsync(tenantId, cancellationToken).ConfigureAwait(false) is null)
        {
            return ApiResults.NotFound($"No tenant {tenantId}.");
        }

        var (keyId, apiKey) = ApiKeyFormat.NewKey();
        var now = clock.GetUtcNow();
        await store.AddKeyAsync(new StoredApiKey(keyId, tenantId, ApiKeyFormat.Digest(apiKey, options.Value.KeyPepper), now, null), cancellationToken).ConfigureAwait(false);
        LogKeyIssued(logger, tenantId, keyId);
        return new ApiResult(StatusCodes.Status201Created, new IssuedKeyDto(keyId, tenantId, apiKey, now));
    }

    [Function(nameof(ListApiKeys))]
    public async Task<IActionResult> ListApiKeys(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "manage/tenants/{tenantId}/keys")] HttpRequest request,
        string tenantId,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) is { } denied)
        {
            return denied;
        }

        if (!ApiKeyFormat.IsValidTenantId(tenantId))
        {
            return ApiResults.NotFound($"No tenant {tenantId}.");
        }

        var keys = await store.ListKeysAsync(tenantId, cancellationToken).ConfigureAwait(false);
        return ApiResults.Ok(keys.Select(k => new ApiKeyDto(k.KeyId, k.TenantId, k.CreatedAt, k.RevokedAt, k.Revoked)).ToArray());
    }

    [Function(nameof(RevokeApiKey))]
    public async Task<IActionResult> RevokeApiKey(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "manage/tenants/{tenantId}/keys/{keyId}")] HttpRequest request,
        string tenantId,
        string keyId,
        CancellationToken cancellationToken)
    {
        if (guard.Check(request) is { } denied)
        {
            return denied;
        }

        if (!ApiKeyFormat.IsValidTenantId(tenantId) || keyId.Length != 12 || !keyId.All(char.IsAsciiHexDigitLower)
            || !await store.RevokeKeyAsync(tenantId, keyId, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            return ApiResults.NotFound($"No key {keyId} of tenant {tenantId}.");
        }

        // Effective at once here; other instances stop accepting it within Tenants__KeyCacheSeconds.
        validator.Evict(keyId);
        LogKeyRevoked(logger, tenantId, keyId);
        return new ApiResult(StatusCodes.Status204NoContent, null);
    }

    private TenantDto ToDto(Tenant t) => new(t.Id, t.Name, t.Plan, options.Value.DailyQuotaOf(t.Plan), t.CreatedAt);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Tenant {TenantId} created on plan {Plan}")]
    private static partial void LogTenantCreated(ILogger logger, string tenantId, string plan);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "API key {KeyId} issued to tenant {TenantId}")]
    private static partial void LogKeyIssued(ILogger logger, string tenantId, string keyId);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "API key {KeyId} of tenant {TenantId} revoked")]
    private static partial void LogKeyRevoked(ILogger logger, string tenantId, string keyId);
}
