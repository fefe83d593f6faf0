using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;
using Soc.Infrastructure.WebPubSub;

namespace SocFunctions.Tests.Events;

/// <summary>Token claims and REST requests against the documented Web PubSub data-plane protocol.</summary>
public sealed class WebPubSubTokenTests
{
    private const string Key = "unit-test-access-key-0123456789-abcdefghij";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static JsonWebToken Read(string token) => new(token);

    private static async Task<bool> SignatureValidAsync(string token, string key) =>
        (await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        })).IsValid;

    [Fact]
    public async Task ClientToken_HasHubAudienceExpirySubjectAndGroups()
    {
        var token = WebPubSubTokens.ForClient("https://x.webpubsub.azure.com/client/hubs/soc", Key, Now, TimeSpan.FromMinutes(60), "dashboard:t1", [], ["dashboard"]);
        var jwt = Read(token);

        Assert.Equal("HS256", jwt.Alg);
        Assert.Equal(["https://x.webpubsub.azure.com/client/hubs/soc"], jwt.Audiences);
        Assert.Equal(Now.AddMinutes(60).UtcDateTime, jwt.ValidTo);
        Assert.Equal("dashboard:t1", jwt.Subject);
        Assert.Equal(["dashboard"], jwt.Claims.Where(c => c.Type == "webpubsub.group").Select(c => c.Value));
        Assert.True(await SignatureValidAsync(token, Key));
        Assert.False(await SignatureValidAsync(token, Key + "x"));
    }

    [Fact]
    public void ClientToken_ReceiveOnly_HasNoRoleClaim()
    {
        var jwt = Read(WebPubSubTokens.ForClient("https://h/client/hubs/soc", Key, Now, TimeSpan.FromMinutes(5), "u", [], ["dashboard"]));

        Assert.DoesNotContain(jwt.Claims, c => c.Type == "role");
    }

    [Fact]
    public void ClientToken_WithRoles_ListsEveryRole()
    {
        var jwt = Read(WebPubSubTokens.ForClient("https://h/client/hubs/soc", Key, Now, TimeSpan.FromMinutes(5), "u", ["webpubsub.joinLeaveGroup.ops", "webpubsub.sendToGroup.ops"], []));

        Assert.Equal(["webpubsub.joinLeaveGroup.ops", "webpubsub.sendToGroup.ops"], jwt.Claims.Where(c => c.Type == "role").Select(c => c.Value));
        Assert.DoesNotContain(jwt.Claims, c => c.Type == "webpubsub.group");
    }

    [Fact]
    public void RequestToken_AudienceIsFullUrlWithQuery()
    {
        var url = new Uri("https://x.webpubsub.azure.com/api/hubs/soc/groups/dashboard/:send?api-version=2024-12-01");
        var jwt = Read(WebPubSubTokens.ForRequest(url, Key, Now, TimeSpan.FromMinutes(5)));

        Assert.Equal([url.AbsoluteUri], jwt.Audiences);
        Assert.Equal(Now.AddMinutes(5).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public void SigningKey_ShorterThan32Bytes_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => WebPubSubTokens.SigningKey("short-key"));
    }

    [Fact]
    public void Connection_ParsesEndpointKeyAndPort()
    {
        var connection = WebPubSubConnection.Parse("Endpoint=https://x.webpubsub.azure.com;AccessKey=abc;Version=1.0;Port=8443");

        Assert.Equal(new Uri("https://x.webpubsub.azure.com:8443"), connection.Endpoint);
        Assert.Equal("abc", connection.AccessKey);
        Assert.Equal(new Uri("wss://x.webpubsub.azure.com:8443/client/hubs/soc"), connection.ClientEndpoint("soc"));
    }

    [Fact]
    public void Connection_WithoutEndpoint_IsRefused()
    {
        Assert.Throws<FormatException>(() => WebPubSubConnection.Parse("AccessKey=abc"));
    }

    private sealed class CapturingHandler(HttpStatusCode status, string body = "") : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add((request, request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task SendToGroup_WithKey_PostsJsonWithBearerForThatUrl()
    {
        var handler = new CapturingHandler(HttpStatusCode.Accepted);
        var options = new WebPubSubOptions { ConnectionString = $"Endpoint=https://x.webpubsub.azure.com;AccessKey={Key};Version=1.0" };
        using var client = new WebPubSubServiceClient(options, new HttpClient(handler), new FixedTime(DateTimeOffset.UtcNow), credential: null);

        await client.SendToGroupAsync("dashboard", new JsonObject { ["a"] = 1 }, CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://x.webpubsub.azure.com/api/hubs/soc/groups/dashboard/:send?api-version=2024-12-01", request.RequestUri!.AbsoluteUri);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("{\"a\":1}", body);
        Assert.Equal("Bearer", request.Headers.Authorization!.Scheme);
        Assert.Equal([request.RequestUri.AbsoluteUri], Read(request.Headers.Authorization.Parameter!).Audiences);
    }

    [Fact]
    public async Task SendToAll_ServiceError_Throws()
    {
        var handler = new CapturingHandler(HttpStatusCode.Forbidden, "{\"code\":\"Forbidden\"}");
        var options = new WebPubSubOptions { ConnectionString = $"Endpoint=https://x.webpubsub.azure.com;AccessKey={Key};Version=1.0" };
        using var client = new WebPubSubServiceClient(options, new HttpClient(handler), TimeProvider.System, credential: null);

        var ex = await Assert.ThrowsAsync<WebPubSubRequestException>(() => client.SendToAllAsync(new JsonObject(), CancellationToken.None));

        Assert.Equal(403, ex.Status);
        Assert.Equal("https://x.webpubsub.azure.com/api/hubs/soc/:send?api-version=2024-12-01", handler.Requests[0].Request.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task ClientAccessUri_WithKey_IsWssUrlWithSignedToken()
    {
        var options = new WebPubSubOptions { ConnectionString = $"Endpoint=https://x.webpubsub.azure.com;AccessKey={Key};Version=1.0", ClientTokenMinutes = 30 };
        using var client = new WebPubSubServiceClient(options, new HttpClient(new CapturingHandler(HttpStatusCode.OK)), new FixedTime(Now), credential: null);

        var uri = await client.GetClientAccessUriAsync("u1", [], ["dashboard"], CancellationToken.None);
        var jwt = Read(Uri.UnescapeDataString(uri.Query["?access_token=".Length..]));

        Assert.Equal("wss://x.webpubsub.azure.com/client/hubs/soc", uri.GetLeftPart(UriPartial.Path));
        Assert.Equal(["https://x.webpubsub.azure.com/client/hubs/soc"], jwt.Audiences);
        Assert.Equal(Now.AddMinutes(30).UtcDateTime, jwt.ValidTo);
    }

    [Fact]
    public async Task EntraId_WithoutKey_UsesCredentialAndServiceIssuedClientToken()
    {
        var credential = new Mock<TokenCredential>();
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(t => t.Scopes.SequenceEqual(new[] { "https://webpubsub.azure.com/.default" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("entra-token", DateTimeOffset.UtcNow.AddHours(1)));
        var handler = new CapturingHandler(HttpStatusCode.OK, "{\"token\":\"service.issued.token\"}");
        var options = new WebPubSubOptions { Endpoint = "https://x.webpubsub.azure.com" };
        using var client = new WebPubSubServiceClient(options, new HttpClient(handler), TimeProvider.System, credential.Object);

        var uri = await client.GetClientAccessUriAsync("u1", [], ["dashboard"], CancellationToken.None);

        var (request, _) = Assert.Single(handler.Requests);
        Assert.Equal("Bearer entra-token", request.Headers.Authorization!.ToString());
        Assert.Equal("/api/hubs/soc/:generateToken", request.RequestUri!.AbsolutePath);
        Assert.Contains("userId=u1", request.RequestUri.Query, StringComparison.Ordinal);
        Assert.Contains("group=dashboard", request.RequestUri.Query, StringComparison.Ordinal);
        Assert.Contains("minutesToExpire=60", request.RequestUri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("role=", request.RequestUri.Query, StringComparison.Ordinal);
        Assert.Equal(new Uri("wss://x.webpubsub.azure.com/client/hubs/soc?access_token=service.issued.token"), uri);
    }
}

public sealed class WebPubSubGroupTests
{
    [Fact]
    public void GroupFor_TenantEvents_GoToDistinctStableSubgroups()
    {
        var options = new WebPubSubOptions { DashboardGroup = "dashboard" };

        Assert.Equal("dashboard", options.GroupFor(null));
        Assert.Equal(options.TenantGroup("a.b"), options.GroupFor("a.b"));
        Assert.NotEqual(options.TenantGroup("a.b"), options.TenantGroup("a_b"));
        Assert.Matches("^dashboard\\.t-[0-9a-f]{32}$", options.TenantGroup("tenant-it"));
    }
}
