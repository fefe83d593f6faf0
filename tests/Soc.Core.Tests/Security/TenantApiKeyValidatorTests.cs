using Microsoft.Extensions.Options;
using Soc.Core.Security;

namespace Soc.Core.Tests.Security;

public sealed class TenantApiKeyValidatorTests
{
    private sealed class MemoryTenantStore : ITenantStore
    {
        public Dictionary<string, Tenant> Tenants { get; } = [];

        public Dictionary<string, StoredApiKey> Keys { get; } = [];

        public int KeyReads { get; private set; }

        public bool Down { get; set; }

        public Task<Tenant?> GetTenantAsync(string tenantId, CancellationToken cancellationToken) => Task.FromResult(Tenants.GetValueOrDefault(tenantId));

        public Task<IReadOnlyList<Tenant>> ListTenantsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Tenant>>(Tenants.Values.ToArray());

        public Task<bool> CreateTenantAsync(Tenant tenant, CancellationToken cancellationToken) => Task.FromResult(Tenants.TryAdd(tenant.Id, tenant));

        public Task AddKeyAsync(StoredApiKey key, CancellationToken cancellationToken)
        {
            Keys.Add(key.KeyId, key);
            return Task.CompletedTask;
        }

        public Task<StoredApiKey?> GetKeyAsync(string keyId, CancellationToken cancellationToken)
        {
            KeyReads++;
            return Down ? throw new HttpRequestException("storage down") : Task.FromResult(Keys.GetValueOrDefault(keyId));
        }

        public Task<IReadOnlyList<StoredApiKey>> ListKeysAsync(string tenantId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StoredApiKey>>(Keys.Values.Where(k => k.TenantId == tenantId).ToArray());

        public Task<bool> RevokeKeyAsync(string tenantId, string keyId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Keys[keyId] = Keys[keyId] with { RevokedAt = at };
            return Task.FromResult(true);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private readonly MemoryTenantStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));

    private TenantApiKeyValidator Create(double cacheSeconds = 5) =>
        new(_store, Options.Create(new TenantOptions { KeyPepper = "pepper", KeyCacheSeconds = cacheSeconds }), _clock);

    private string Issue(string tenant = "acme", string plan = "pro")
    {
        _store.Tenants[tenant] = new Tenant(tenant, tenant, plan, _clock.GetUtcNow());
        var (keyId, apiKey) = ApiKeyFormat.NewKey();
        _store.Keys[keyId] = new StoredApiKey(keyId, tenant, ApiKeyFormat.Digest(apiKey, "pepper"), _clock.GetUtcNow(), null);
        return apiKey;
    }

    [Fact]
    public async Task Validate_IssuedKey_GivesTenantAndPlan()
    {
        var key = Issue();

        var caller = await Create().ValidateAsync(key, CancellationToken.None);

        Assert.Equal("acme", caller!.TenantId);
        Assert.Equal("pro", caller.Plan);
        Assert.Equal(ApiKeyFormat.KeyIdOf(key), caller.KeyId);
    }

    [Fact]
    public void Digest_IsAnHmacNotTheKey()
    {
        var key = Issue();
        var digest = _store.Keys.Values.Single().Digest;

        Assert.DoesNotContain(key[4..], digest, StringComparison.Ordinal);
        Assert.Equal(64, digest.Length);
        Assert.NotEqual(digest, ApiKeyFormat.Digest(key, "other-pepper"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("soc_")]
    [InlineData("soc_0123456789ab")]
    [InlineData("soc_0123456789ab_wrong")]
    [InlineData("soc_ZZZZZZZZZZZZ_x")]
    [InlineData("not-a-key")]
    public async Task Validate_UnknownOrMalformedKey_IsRejected(string key)
    {
        Issue();

        Assert.Null(await Create().ValidateAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_RightIdWrongSecret_IsRejected()
    {
        var key = Issue();

        Assert.Null(await Create().ValidateAsync(key[..^2] + "zz", CancellationToken.None));
    }

    [Fact]
    public async Task Validate_RevokedAndEvicted_IsRejectedAtOnce()
    {
        var key = Issue();
        var validator = Create();
        Assert.NotNull(await validator.ValidateAsync(key, CancellationToken.None));

        await _store.RevokeKeyAsync("acme", ApiKeyFormat.KeyIdOf(key)!, _clock.GetUtcNow(), CancellationToken.None);
        validator.Evict(ApiKeyFormat.KeyIdOf(key)!);

        Assert.Null(await validator.ValidateAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Validate_RevokedElsewhere_IsRejectedOnceTheCacheExpires()
    {
        var key = Issue();
        var validator = Create(cacheSeconds: 5);
        Assert.NotNull(await validator.ValidateAsync(key, CancellationToken.None));
        await _store.RevokeKeyAsync("acme", ApiKeyFormat.KeyIdOf(key)!, _clock.GetUtcNow(), CancellationToken.None);

        var withinCache = await validator.ValidateAsync(key, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(6));
        var afterCache = await validator.ValidateAsync(key, CancellationToken.None);

        Assert.NotNull(withinCache);
        Assert.Null(afterCache);
    }

    [Fact]
    public async Task Validate_StoreDown_KnownKeyKeepsWorking_UnknownKeyFails()
    {
        var key = Issue();
        var validator = Create(cacheSeconds: 1);
        Assert.NotNull(await validator.ValidateAsync(key, CancellationToken.None));
        _clock.Advance(TimeSpan.FromSeconds(2));
        _store.Down = true;

        Assert.NotNull(await validator.ValidateAsync(key, CancellationToken.None));
        await Assert.ThrowsAsync<HttpRequestException>(async () => await validator.ValidateAsync(Issue("other"), CancellationToken.None));
    }

    [Fact]
    public async Task Validate_CacheZero_ReadsEveryTime()
    {
        var key = Issue();
        var validator = Create(cacheSeconds: 0);

        await validator.ValidateAsync(key, CancellationToken.None);
        await validator.ValidateAsync(key, CancellationToken.None);

        Assert.Equal(2, _store.KeyReads);
    }

    [Fact]
    public async Task Composite_ConfiguredKeyAndTableKey_BothWork()
    {
        var key = Issue();
        var composite = new CompositeApiKeyValidator(
            new ConfiguredApiKeyValidator(Options.Create(new ApiKeyOptions { Keys = "boot:bootstrap-key" })),
            Create());

        Assert.Equal("boot", (await composite.ValidateAsync("bootstrap-key", CancellationToken.None))!.TenantId);
        Assert.Equal("acme", (await composite.ValidateAsync(key, CancellationToken.None))!.TenantId);
        Assert.Null(await composite.ValidateAsync("nope", CancellationToken.None));
    }

    [Theory]
    [InlineData("free", 1_000)]
    [InlineData("pro", 100_000)]
    [InlineData("config", 0)]
    [InlineData("unknown-plan", 1_000)]
    public void Plans_DefaultQuotas(string plan, long quota)
    {
        Assert.Equal(quota, new TenantOptions().DailyQuotaOf(plan));
    }
}
