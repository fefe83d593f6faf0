using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Soc.Core.Chat;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Core.Normalization;
using Soc.Core.Security;
using Soc.Core.Sessions;
using Soc.Infrastructure.Sessions;
using SocFunctions.Http;

namespace SocFunctions.Tests.Http;

public sealed class ChatFunctionTests
{
    private const string Key = "unit-test-key";
    private const string Flag = "FLAG{chat-unit}";
    private readonly Mock<IThreatAnalyzer> _analyzer = new();
    private readonly Mock<IChatResponder> _responder = new(MockBehavior.Strict);
    private readonly Mock<IEventPublisher> _events = new();
    private readonly Mock<IRateLimitStore> _limits = new();
    private readonly Mock<IUsageStore> _usage = new();
    private readonly Mock<ISessionStore> _sessions = new();

    public ChatFunctionTests()
    {
        _limits.Setup(l => l.TryAcquireAsync(It.IsAny<string>(), It.IsAny<int>(), It.IsAny<TimeSpan>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(true, 1, TimeSpan.Zero));
        _usage.Setup(u => u.TryConsumeAsync(It.IsAny<string>(), It.IsAny<DateOnly>(), It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new LimitDecision(true, 1, TimeSpan.Zero));
        _responder.SetupGet(r => r.Name).Returns("mock");
    }

    private ChatFunction Create()
    {
        var keys = new Mock<IApiKeyValidator>();
        keys.Setup(k => k.ValidateAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new ApiCaller("tenant-a", "k1", "free"));
        var chatOptions = Options.Create(new ChatOptions { SystemFlag = Flag });
        var detection = Options.Create(new DetectionOptions());
        var gate = new ScreeningGate(_limits.Object, _usage.Object, _sessions.Object,
            new SessionAnalyzer(_analyzer.Object, Options.Create(new SessionOptions()), detection),
            _events.Object, Options.Create(new RateLimitOptions()), Options.Create(new TenantOptions()), TimeProvider.System, NullLogger<ScreeningGate>.Instance);
        var chat = new ProtectedChat(_responder.Object, new LocalChatResponder(chatOptions), _events.Object, chatOptions,
            Options.Create(new TenantOptions { KeyPepper = "p" }), NullLogger<ProtectedChat>.Instance);
        return new ChatFunction(gate, chat, new ApiKeyGuard(keys.Object), new RequestBodyReader(Options.Create(new HttpApiOptions())),
            _events.Object, detection, chatOptions, NullLogger<ChatFunction>.Instance);
    }

    private static HttpRequest Request(string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        context.Request.Headers[ApiKeyGuard.HeaderName] = Key;
        return context.Request;
    }

    private static Verdict VerdictOf(Decision decision, double danger) => new(decision, danger, 0.9, [], [], 1, 1);

    [Fact]
    public async Task Chat_BlockedMessage_NeverReachesTheResponder()
    {
        _analyzer.Setup(a => a.Analyze(It.IsAny<string>(), It.IsAny<AnalysisContext>())).Returns(VerdictOf(Decision.Block, 0.9));

        var result = Assert.IsType<ApiResult>(await Create().Chat(Request("""{"message":"attack"}"""), CancellationToken.None));

        var body = Assert.IsType<ChatResponse>(result.Body);
        Assert.True(body.Blocked);
        Assert.Equal(Decision.Block, body.Verdict.Decision);
        _responder.Verify(r => r.RespondAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>()), Times.Never);
        _events.Verify(e => e.PublishAsync(It.Is<SocEvent>(x => x.Type == "chat.blocked"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Chat_AnswerWithSpacedFlag_IsRedactedAndPublishedAsLeak()
    {
        _analyzer.Setup(a => a.Analyze(It.IsAny<string>(), It.IsAny<AnalysisContext>())).Returns(VerdictOf(Decision.Allow, 0));
        _responder.Setup(r => r.RespondAsync(It.Is<ChatPrompt>(p => p.SystemPrompt.Contains(Flag)), It.IsAny<CancellationToken>()))
            .ReturnsAsync("sure: " + string.Join(' ', Flag.ToCharArray()));

        var result = Assert.IsType<ApiResult>(await Create().Chat(Request("""{"message":"hi","sessionId":"s"}"""), CancellationToken.None));

        var body = Assert.IsType<ChatResponse>(result.Body);
        Assert.False(body.Blocked);
        Assert.True(body.LeakDetected);
        Assert.DoesNotContain("F L A G", body.Response, StringComparison.Ordinal);
        _events.Verify(e => e.PublishAsync(It.Is<SocEvent>(x => x.Type == "chat.leak"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Chat_CleanAnswer_IsReturnedAsIs()
    {
        _analyzer.Setup(a => a.Analyze(It.IsAny<string>(), It.IsAny<AnalysisContext>())).Returns(VerdictOf(Decision.Allow, 0));
        _responder.Setup(r => r.RespondAsync(It.IsAny<ChatPrompt>(), It.IsAny<CancellationToken>())).ReturnsAsync("We open at 9.");

        var result = Assert.IsType<ApiResult>(await Create().Chat(Request("""{"message":"when do you open?"}"""), CancellationToken.None));

        var body = Assert.IsType<ChatResponse>(result.Body);
        Assert.Equal("We open at 9.", body.Response);
        Assert.False(body.LeakDetected);
        Assert.Equal("mock", body.Responder);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"message\":")]
    public async Task Chat_BadBody_Returns400(string json)
    {
        var result = Assert.IsType<ApiResult>(await Create().Chat(Request(json), CancellationToken.None));

        Assert.Equal(400, result.Status);
        _analyzer.VerifyNoOtherCalls();
    }
}
