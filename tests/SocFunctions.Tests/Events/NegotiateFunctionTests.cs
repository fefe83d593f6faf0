using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Moq;
using Soc.Core.Security;
using Soc.Infrastructure.WebPubSub;
using SocFunctions.Events;
using SocFunctions.Http;

namespace SocFunctions.Tests.Events;

public sealed class NegotiateFunctionTests
{
    private const string Key = "k-1";
    private readonly Mock<IApiKeyValidator> _keys = new();
    private readonly Mock<IWebPubSubService> _service = new(MockBehavior.Strict);

    public NegotiateFunctionTests() =>
        _keys.Setup(k => k.ValidateAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new ApiCaller("tenant-a", "k1", "free"));

    private NegotiateFunction Function(WebPubSubOptions options) => new(new ApiKeyGuard(_keys.Object), _service.Object, Options.Create(options));

    private static HttpRequest Request(string? key)
    {
        var context = new DefaultHttpContext();
        if (key is not null)
        {
            context.Request.Headers[ApiKeyGuard.HeaderName] = key;
        }

        return context.Request;
    }

    [Fact]
    public async Task Negotiate_DashboardUser_GetsReceiveOnlyUrlForDashboardAndTenantGroups()
    {
        var options = new WebPubSubOptions { ConnectionString = "Endpoint=https://x.webpubsub.azure.com;AccessKey=k;Version=1.0" };
        var url = new Uri("wss://x.webpubsub.azure.com/client/hubs/soc?access_token=t");
        _service.Setup(s => s.GetClientAccessUriAsync("dashboard:tenant-a",
                It.Is<IReadOnlyCollection<string>>(r => r.Count == 0),
                It.Is<IReadOnlyCollection<string>>(g => g.SequenceEqual(new[] { "dashboard", options.TenantGroup("tenant-a") })),
                It.IsAny<CancellationToken>()))
            .ReturnsAsync(url);

        var result = Assert.IsType<ApiResult>(await Function(options).Negotiate(Request(Key), CancellationToken.None));

        Assert.Equal(200, result.Status);
        Assert.Equal(url, Assert.IsType<NegotiateResponse>(result.Body).Url);
    }

    [Fact]
    public async Task Negotiate_WithoutKey_Returns401()
    {
        var result = Assert.IsType<ApiResult>(await Function(new WebPubSubOptions { Endpoint = "https://x" }).Negotiate(Request(null), CancellationToken.None));

        Assert.Equal(401, result.Status);
    }

    [Fact]
    public async Task Negotiate_WebPubSubNotConfigured_Returns503Problem()
    {
        var result = Assert.IsType<ApiResult>(await Function(new WebPubSubOptions()).Negotiate(Request(Key), CancellationToken.None));

        Assert.Equal(503, result.Status);
        Assert.Equal(ApiResults.ProblemContentType, result.ContentType);
    }
}
