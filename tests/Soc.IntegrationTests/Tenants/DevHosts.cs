using Soc.IntegrationTests.Infrastructure;

namespace Soc.IntegrationTests.Tenants;

/// <summary>
/// Starts a <see cref="DevHostInstance"/>, trying again when the in-process Durable sidecar's port was taken by
/// another process between its pick and its bind (other test runs share this machine).
/// </summary>
internal static class DevHosts
{
    public static async Task<DevHostInstance> StartAsync(string? tablePrefix = null, IDictionary<string, string?>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DevHostInstance.StartAsync(tablePrefix, settings);
            }
            catch (IOException ex) when (attempt < 4 && ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
