using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Core.Normalization;
using Soc.Core.Security;
using Soc.Core.Sessions;
using Soc.Infrastructure.Sessions;
using SocFunctions.Http;

namespace SocFunctions.Tests.Http;

public sealed class AnalyzeFunctionTests
{
    private const string Key = "unit-test-key";
    private readonly Mock<IThreatAnalyzer> _analyzer = new(MockBehavior.Strict);
    private readonly Mock<IApiKeyValidator> _keys = new();
    private readonly Mock<IEventPublisher> _events = new();
    private readonly Mock<IRateLimitStore> _limits = new();
    private readonly Mock<IUsageStore> _usage = new();
    private readonly Mock<ISessionStore> _sessions = new();

    public AnalyzeFunctionTests()
    {
        _keys.Setup(k => k.ValidateAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new ApiCaller("tenant-a", "k1", "free"));
        _limits.Setup(l => l.TryAcquireAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(true, 1, TimeSpan.Zero));
        _usage.Setup(u => u.TryConsumeAsync(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(true, 1, TimeSpan.Zero));
        _sessions.Setup(s => s.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(((SessionState?)null, (string?)null));
        _sessions.Setup(s => s.TrySaveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<SessionState>(), It.IsAny<string?>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
    }

    private ScreeningGate CreateGate() => new(
        _limits.Object,
        _usage.Object,
        _sessions.Object,
        new SessionAnalyzer(_analyzer.Object, Options.Create(new SessionOptions()), Options.Create(new DetectionOptions())),
        _events.Object,
        Options.Create(new RateLimitOptions()),
        Options.Create(new TenantOptions()),
        TimeProvider.System,
        NullLogger<ScreeningGate>.Instance);

    private AnalyzeFunction CreateFunction() => new(
        CreateGate(),
        new ApiKeyGuard(_keys.Object),
        new RequestBodyReader(Options.Create(new HttpApiOptions { MaxRequestBytes = 4096 })),
        _events.Object,
        Options.Create(new DetectionOptions { MaxMessageChars = 1000 }),
        NullLogger<AnalyzeFunction>.Instance);

    private static HttpRequest Request(string body, string? key = Key)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (key is not null)
        {
            context.Request.Headers[ApiKeyGuard.HeaderName] = key;
        }

        return context.Request;
    }

    private static Verdict BlockVerdict() => new(
        Decision.Block, 0.9, 0.95, ["prompt_injection"],
        [new Finding("PI-1001", "prompt_injection", Severity.High, "canonical", 0, 6, "ignore", 0.75)], 3, 12);

    [Fact]
    public async Task Analyze_Attack_ReturnsVerdictAndPublishesBlockedEvent()
    {
        _analyzer.Setup(a => a.Analyze("ignore it", It.Is<AnalysisContext>(c => c.SessionId == "s1" && c.TenantId == "tenant-a"))).Returns(BlockVerdict());

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"ignore it","sessionId":"s1"}"""), CancellationToken.None));

        Assert.Equal(200, result.Status);
        var body = Assert.IsType<AnalyzeResponse>(result.Body);
        Assert.Equal(Decision.Block, body.Decision);
        Assert.True(body.ThreatDetected);
        Assert.Equal("PI-1001", Assert.Single(body.Findings).RuleId);
        Assert.Equal(3, body.PatternSetVersion);
        _events.Verify(e => e.PublishAsync(It.Is<SocEvent>(x => x.Type == "threat.blocked"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Analyze_MissingKey_Returns401Problem()
    {
        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"hi"}""", key: null), CancellationToken.None));

        Assert.Equal(401, result.Status);
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_UnknownKey_Returns401()
    {
        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"hi"}""", key: "wrong"), CancellationToken.None));

        Assert.Equal(401, result.Status);
    }

    [Theory]
    [InlineData("{\"message\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{\"sessionId\":\"s\"}")]
    [InlineData("{\"message\":42}")]
    public async Task Analyze_MalformedBody_Returns400Problem(string body)
    {
        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request(body), CancellationToken.None));

        Assert.Equal(400, result.Status);
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
        _analyzer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Analyze_MessageOverLimit_Returns400WithFieldError()
    {
        var body = JsonSerializer.Serialize(new { message = new string('a', 1001) });

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request(body), CancellationToken.None));

        var problem = Assert.IsType<Problem>(result.Body);
        Assert.Equal(400, problem.Status);
        Assert.Contains("message", problem.Errors!.Keys);
    }

    [Fact]
    public async Task Analyze_BodyOverByteLimit_Returns413()
    {
        var body = JsonSerializer.Serialize(new { message = new string('a', 5000) });

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request(body), CancellationToken.None));

        Assert.Equal(413, result.Status);
    }

    [Fact]
    public async Task Analyze_InvalidUtf8_Returns400()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ApiKeyGuard.HeaderName] = Key;
        context.Request.Body = new MemoryStream([(byte)'{', 0xC3, 0x28, (byte)'}']);

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(context.Request, CancellationToken.None));

        Assert.Equal(400, result.Status);
        Assert.Contains("UTF-8", Assert.IsType<Problem>(result.Body).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_PublisherFails_StillAnswers()
    {
        _analyzer.Setup(a => a.Analyze(It.IsAny<string>(), It.IsAny<AnalysisContext>())).Returns(BlockVerdict());
        _events.Setup(e => e.PublishAsync(It.IsAny<SocEvent>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("down"));

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"x"}"""), CancellationToken.None));

        Assert.Equal(200, result.Status);
    }

    [Fact]
    public async Task Analyze_SessionRateLimitReached_Returns429WithRetryAfterAndDoesNotScreen()
    {
        _limits.Setup(l => l.TryAcquireAsync(It.Is<string>(s => s.StartsWith("session|", StringComparison.Ordinal)), 10, TimeSpan.FromSeconds(60), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(false, 10, TimeSpan.FromSeconds(17)));

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"hi","sessionId":"s1"}"""), CancellationToken.None));

        Assert.Equal(429, result.Status);
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
        Assert.Equal("17", result.Headers["Retry-After"]);
        _analyzer.VerifyNoOtherCalls();
        _usage.Verify(u => u.TryConsumeAsync(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Analyze_QuotaUsedUp_Returns429UntilMidnight()
    {
        _usage.Setup(u => u.TryConsumeAsync("tenant-a", It.IsAny<DateOnly>(), 1000, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(false, 1000, TimeSpan.FromSeconds(3600)));

        var result = Assert.IsType<ApiResult>(await CreateFunction().Analyze(Request("""{"message":"hi"}"""), CancellationToken.None));

        Assert.Equal(429, result.Status);
        Assert.Equal("3600", result.Headers["Retry-After"]);
        Assert.Contains("quota", Assert.IsType<Problem>(result.Body).Title, StringComparison.Ordinal);
        _analyzer.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Analyze_StorageDown_StillScreensWithoutLimits()
    {
        _limits.Setup(l => l.TryAcquireAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.RequestFailedException(0, "connection refused"));
        _analyzer.Setup(a => a.Analyze("ignore it", It.IsAny<AnalysisContext>())).Returns(BlockVerdict());
        var function = CreateFunction();

        var first = Assert.IsType<ApiResult>(await function.Analyze(Request("""{"message":"ignore it","sessionId":"s1"}"""), CancellationToken.None));
        var second = Assert.IsType<ApiResult>(await function.Analyze(Request("""{"message":"ignore it","sessionId":"s1"}"""), CancellationToken.None));

        Assert.Equal(200, first.Status);
        Assert.Equal(Decision.Block, Assert.IsType<AnalyzeResponse>(second.Body).Decision);
        // The second call does not wait on storage again: it is skipped for a few seconds after a failure.
        _limits.Verify(l => l.TryAcquireAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        _sessions.Verify(s => s.TrySaveAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<SessionState>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
