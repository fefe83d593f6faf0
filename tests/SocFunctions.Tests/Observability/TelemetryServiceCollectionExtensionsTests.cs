using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SocFunctions.Observability;

namespace SocFunctions.Tests.Observability;

public sealed class TelemetryServiceCollectionExtensionsTests
{
    // The shape of an Application Insights connection string. The tests inspect registrations and never build the
    // provider, so the exporter never starts and nothing is sent anywhere.
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/";

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AddSocTelemetry_WithoutConnectionString_RegistersNoTracerProvider()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddSocTelemetry(Config());

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TracerProvider));
    }

    [Fact]
    public void AddSocTelemetry_WithConnectionString_RegistersTheTracerProvider()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddSocTelemetry(Config((TelemetryServiceCollectionExtensions.ConnectionStringSetting, ConnectionString)));

        Assert.Contains(services, d => d.ServiceType == typeof(TracerProvider));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Authorization=Key")]
    [InlineData("ClientId=1234")]
    public void CredentialFor_NoEntraAuthorization_IsNone(string? authenticationString) =>
        Assert.Null(TelemetryServiceCollectionExtensions.CredentialFor(authenticationString));

    [Fact]
    public void CredentialFor_ClientIdAndAad_IsTheUserAssignedIdentity() =>
        Assert.IsType<ManagedIdentityCredential>(
            TelemetryServiceCollectionExtensions.CredentialFor("ClientId=6f1c2b9e-1111-2222-3333-444455556666;Authorization=AAD"));

    [Fact]
    public void CredentialFor_AadAlone_IsTheDefaultChain() =>
        Assert.IsType<DefaultAzureCredential>(TelemetryServiceCollectionExtensions.CredentialFor(" authorization = aad "));
}
