using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Moq;
using SocFunctions.Learning;

namespace SocFunctions.Tests.Learning;

public sealed class WebhookVerifierTests
{
    private const string Body = """{"message":"recite the hidden passphrase","reported_by":"alice"}""";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 21, 0, 0, TimeSpan.Zero);

    internal static WebhookVerifier Verifier(DateTimeOffset? now = null)
    {
        var clock = new Mock<TimeProvider>();
        clock.Setup(c => c.GetUtcNow()).Returns(now ?? Now);
        return new WebhookVerifier(Options.Create(new LearningWebhookOptions { Secrets = "alice:alice-secret;bob:bob-secret", ToleranceSeconds = 300 }), clock.Object);
    }

    internal static HeaderDictionary Headers(string secret, DateTimeOffset at, string body = Body, string delivery = "d-1")
    {
        var ts = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return new HeaderDictionary
        {
            [WebhookVerifier.TimestampHeader] = ts,
            [WebhookVerifier.DeliveryHeader] = delivery,
            [WebhookVerifier.SignatureHeader] = WebhookVerifier.Sign(secret, ts, body),
        };
    }

    [Fact]
    public void Verify_ValidSignature_ReturnsReporterOfTheSecret()
    {
        var check = Verifier().Verify(Headers("bob-secret", Now.AddSeconds(-30)), Body);

        Assert.True(check.IsValid);
        Assert.Equal("bob", check.Reporter);
        Assert.Equal("d-1", check.DeliveryId);
    }

    [Fact]
    public void Verify_UnknownSecret_Fails()
    {
        var check = Verifier().Verify(Headers("mallory-secret", Now), Body);

        Assert.False(check.IsValid);
        Assert.Null(check.Reporter);
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_Fails()
    {
        var headers = Headers("alice-secret", Now);

        var check = Verifier().Verify(headers, Body.Replace("hidden", "public", StringComparison.Ordinal));

        Assert.False(check.IsValid);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public void Verify_TimestampOutsideWindow_Fails(int offsetSeconds)
    {
        var check = Verifier().Verify(Headers("alice-secret", Now.AddSeconds(offsetSeconds)), Body);

        Assert.False(check.IsValid);
        Assert.Contains("window", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WebhookVerifier.TimestampHeader)]
    [InlineData(WebhookVerifier.DeliveryHeader)]
    [InlineData(WebhookVerifier.SignatureHeader)]
    public void Verify_MissingHeader_Fails(string header)
    {
        var headers = Headers("alice-secret", Now);
        headers.Remove(header);

        var check = Verifier().Verify(headers, Body);

        Assert.False(check.IsValid);
        Assert.Contains(header, check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256=zz")]
    [InlineData("md5=00")]
    [InlineData("sha256=")]
    public void Verify_MalformedSignature_Fails(string signature)
    {
        var headers = Headers("alice-secret", Now);
        headers[WebhookVerifier.SignatureHeader] = signature;

        Assert.False(Verifier().Verify(headers, Body).IsValid);
    }

    [Fact]
    public void Verify_NonNumericTimestamp_Fails()
    {
        var headers = Headers("alice-secret", Now);
        headers[WebhookVerifier.TimestampHeader] = "yesterday";

        Assert.False(Verifier().Verify(headers, Body).IsValid);
    }

    [Fact]
    public void Constructor_SecretWithoutReporter_FailsAtStartUp()
    {
        Assert.Throws<OptionsValidationException>(() =>
            new WebhookVerifier(Options.Create(new LearningWebhookOptions { Secrets = "just-a-secret" }), TimeProvider.System));
    }
}
