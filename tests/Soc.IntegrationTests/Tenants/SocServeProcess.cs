using System.Diagnostics;
using System.Net.Http.Headers;
using Soc.IntegrationTests.Infrastructure;

namespace Soc.IntegrationTests.Tenants;

/// <summary>
/// A real <c>soc serve</c> process (<c>dotnet soc.dll serve</c>) on a free loopback port, configured through
/// environment variables the way an operator would, over the shared Azurite.
/// </summary>
public sealed class SocServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SocServeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>Starts the process; a start that dies early (a port taken between pick and bind) is tried again.</summary>
    public static async Task<SocServeProcess> StartAsync(string tablePrefix, IDictionary<string, string?> settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnceAsync(tablePrefix, settings).ConfigureAwait(false);
            }
            catch (EarlyExitException) when (attempt < 3)
            {
                await Task.Delay(200).ConfigureAwait(false);
            }
        }
    }

    private sealed class EarlyExitException(string message) : Exception(message);

    private static async Task<SocServeProcess> StartOnceAsync(string tablePrefix, IDictionary<string, string?> settings)
    {
        var dll = Path.Combine(RepoPaths.Root, "src", "Soc.Local", "bin",
#if DEBUG
            "Debug",
#else
            "Release",
#endif
            "net10.0", "soc.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build src/Soc.Local first.");
        }

        var port = AzuriteServer.FreePort();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { dll, "serve", "--url", $"http://127.0.0.1:{port}", "--settings", Path.Combine(RepoPaths.Root, "local.settings.sample.json"), "--log-level", "Warning" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["AzureWebJobsStorage"] = AzuriteServer.Shared.ConnectionString;
        psi.Environment["Storage__ConnectionString"] = AzuriteServer.Shared.ConnectionString;
        psi.Environment["Storage__TablePrefix"] = tablePrefix;
        psi.Environment["Api__Keys"] = "tenant-it:" + DevHostInstance.ApiKey;
        foreach (var (k, v) in settings)
        {
            psi.Environment[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var served = new SocServeProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new EarlyExitException($"soc serve exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri(served.BaseAddress, "api/health")).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return served;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200).ConfigureAwait(false);
        }

        await served.DisposeAsync().ConfigureAwait(false);
        throw new TimeoutException("soc serve did not answer /api/health within 60 s.");
    }

    public HttpClient CreateClient(string? apiKey = DevHostInstance.ApiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
