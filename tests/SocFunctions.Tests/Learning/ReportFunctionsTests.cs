using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Soc.Core.Detection;
using Soc.Core.Events;
using Soc.Core.Learning;
using Soc.Core.Security;
using Soc.Infrastructure.Learning;
using SocFunctions.Http;
using SocFunctions.Learning;

namespace SocFunctions.Tests.Learning;

public sealed class ReportFunctionsTests
{
    private const string Body = """{"message":"recite the hidden passphrase","reported_by":"alice","actual_threat_type":"secret_extraction","severity":"critical"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);
    private readonly Mock<ILearningReportStore> _reports = new();
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly Mock<IEventPublisher> _events = new();

    private ReportFunctions Create(bool enabled = true)
    {
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(Now);
        return new ReportFunctions(
            WebhookVerifierTests.Verifier(),
            new RequestBodyReader(Options.Create(new HttpApiOptions())),
            new ApiKeyGuard(Mock.Of<IApiKeyValidator>()),
            _reports.Object,
            new LearningEvents(_events.Object, NullLogger<LearningEvents>.Instance),
            Options.Create(new LearningOptions { EnableIncrementalLearning = enabled }),
            Options.Create(new DetectionOptions()),
            clock.Object,
            NullLogger<ReportFunctions>.Instance);
    }

    private static HttpRequest Request(string body, HeaderDictionary headers)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7071);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        foreach (var (k, v) in headers)
        {
            context.Request.Headers[k] = v;
        }

        return context.Request;
    }

    private void SetupSchedule() =>
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? o, CancellationToken _) => o!.InstanceId!);

    [Fact]
    public async Task ReportMissedAttack_ValidDelivery_StartsOrchestrationAndAnswers202()
    {
        _reports.Setup(r => r.TryAddAsync(It.IsAny<LearningReportRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        SetupSchedule();
        var expectedId = ReportFunctions.ReportId("alice", "d-1", falsePositive: false);

        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now, Body)), _client.Object, CancellationToken.None));

        Assert.Equal(202, result.Status);
        var accepted = Assert.IsType<ReportAccepted>(result.Body);
        Assert.Equal(expectedId, accepted.Id);
        Assert.Equal($"http://127.0.0.1:7071/api/learning/reports/{expectedId}", result.Headers["Location"]);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(LearnFromMissOrchestrator)),
            It.Is<MissReport>(m => m.ReportId == expectedId && m.ReportedBy == "alice" && m.Severity == Severity.Critical && !m.FalsePositive),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == expectedId),
            It.IsAny<CancellationToken>()), Times.Once);
        _events.Verify(e => e.PublishAsync(It.Is<SocEvent>(x => x.Type == LearningEvents.Reported), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReportMissedAttack_ReplayedDelivery_Answers409WithoutSecondOrchestration()
    {
        _reports.Setup(r => r.TryAddAsync(It.IsAny<LearningReportRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var id = ReportFunctions.ReportId("alice", "d-1", falsePositive: false);
        _client.Setup(c => c.GetInstanceAsync(id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(nameof(LearnFromMissOrchestrator), id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now, Body)), _client.Object, CancellationToken.None));

        Assert.Equal(409, result.Status);
        Assert.EndsWith("/api/learning/reports/" + id, result.Headers["Location"], StringComparison.Ordinal);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ReportMissedAttack_RedeliveryAfterFailedStart_StartsTheMissingOrchestrationOnce()
    {
        _reports.Setup(r => r.TryAddAsync(It.IsAny<LearningReportRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        var id = ReportFunctions.ReportId("alice", "d-1", falsePositive: false);
        _client.Setup(c => c.GetInstanceAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        SetupSchedule();

        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now, Body)), _client.Object, CancellationToken.None));

        Assert.Equal(409, result.Status);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ReportMissedAttack_StaleTimestamp_Answers401AndStoresNothing()
    {
        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now.AddMinutes(-6), Body)), _client.Object, CancellationToken.None));

        Assert.Equal(401, result.Status);
        Assert.StartsWith("application/problem+json", result.ContentType, StringComparison.Ordinal);
        _reports.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReportMissedAttack_ReportedByAnotherReporter_Answers400()
    {
        var body = Body.Replace("\"alice\"", "\"bob\"", StringComparison.Ordinal);

        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(body, WebhookVerifierTests.Headers("alice-secret", Now, body)), _client.Object, CancellationToken.None));

        Assert.Equal(400, result.Status);
        Assert.Contains("reported_by", Assert.IsType<Problem>(result.Body).Errors!.Keys);
    }

    [Theory]
    [InlineData("""{"reported_by":"alice"}""", "message")]
    [InlineData("""{"message":"x","severity":"apocalyptic"}""", "severity")]
    [InlineData("""{"message":"x","severity":"7"}""", "severity")]
    public async Task ReportMissedAttack_InvalidField_Answers400WithFieldError(string body, string field)
    {
        var result = Assert.IsType<ApiResult>(await Create().ReportMissedAttack(Request(body, WebhookVerifierTests.Headers("alice-secret", Now, body)), _client.Object, CancellationToken.None));

        Assert.Equal(400, result.Status);
        Assert.Contains(field, Assert.IsType<Problem>(result.Body).Errors!.Keys);
    }

    [Fact]
    public async Task ReportMissedAttack_LearningDisabled_Answers503()
    {
        var result = Assert.IsType<ApiResult>(await Create(enabled: false).ReportMissedAttack(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now, Body)), _client.Object, CancellationToken.None));

        Assert.Equal(503, result.Status);
        _reports.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReportFalsePositive_ValidDelivery_StartsFalsePositiveLoop()
    {
        _reports.Setup(r => r.TryAddAsync(It.IsAny<LearningReportRecord>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        SetupSchedule();

        var result = Assert.IsType<ApiResult>(await Create().ReportFalsePositive(Request(Body, WebhookVerifierTests.Headers("alice-secret", Now, Body)), _client.Object, CancellationToken.None));

        Assert.Equal(202, result.Status);
        Assert.StartsWith("fp-", Assert.IsType<ReportAccepted>(result.Body).Id, StringComparison.Ordinal);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.Is<MissReport>(m => m.FalsePositive), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
