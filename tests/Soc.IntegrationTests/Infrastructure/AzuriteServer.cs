using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Soc.IntegrationTests.Infrastructure;

/// <summary>
/// One Azurite (table service, in memory) per test process, on a free loopback port, started from the pinned copy in
/// tools/azurite (installed by scripts/test.sh). Set SOC_TEST_TABLE_CONNECTION to use an emulator you started yourself.
/// Tests isolate themselves with a table prefix of their own.
/// </summary>
public sealed class AzuriteServer
{
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly Lazy<AzuriteServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly Process? _process;

    private AzuriteServer(string connectionString, Process? process, int port)
    {
        ConnectionString = connectionString;
        _process = process;
        Port = port;
    }

    public static AzuriteServer Shared => Instance.Value;

    public string ConnectionString { get; }

    public int Port { get; }

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>A table prefix no other test uses (letters and digits, as table names require).</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("n")[..10];

    private static AzuriteServer Start()
    {
        var external = Environment.GetEnvironmentVariable("SOC_TEST_TABLE_CONNECTION");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new AzuriteServer(external, null, 0);
        }

        var root = RepoPaths.Root;
        var script = Path.Combine(root, "tools", "azurite", "node_modules", "azurite", "dist", "src", "table", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {script}. Run scripts/test.sh (it runs 'npm ci' in tools/azurite), or set SOC_TEST_TABLE_CONNECTION.");
        }

        var port = FreePort();
        var workDir = Directory.CreateTempSubdirectory("soc-azurite-").FullName;
        var psi = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { script, "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry" })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("node could not be started.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        };

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening.");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return new AzuriteServer(ConnectionStringFor(port), process, port);
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException("Azurite did not listen within 30 s.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Paths in the checkout the tests run from.</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SocFunctions.sln) was not found above the test output.");
    }
}
