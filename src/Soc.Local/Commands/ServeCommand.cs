using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soc.Local.Serve;

namespace Soc.Local.Commands;

/// <summary><c>soc serve</c>: runs the function app locally, like <c>func start</c>.</summary>
public sealed class ServeCommand : ISocCommand
{
    public string Name => "serve";

    public string Summary => "run the function app locally (HTTP functions, Durable orchestrations, Azurite)";

    public string Usage => """
        usage: soc serve [--url http://127.0.0.1:7071] [--settings local.settings.json] [--log-level Information]

          --url        where to listen (default http://127.0.0.1:7071, like func start; port 0 picks a free port)
          --settings   a Functions local.settings.json; default: src/SocFunctions/local.settings.json, else
                       local.settings.sample.json, found upwards from the working folder
          --log-level  Trace, Debug, Information, Warning or Error (default Information)

        Storage comes from the settings (AzureWebJobsStorage=UseDevelopmentStorage=true reaches Azurite on 127.0.0.1:10002).
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var options = new DevHostOptions
        {
            Url = args.Option("url") ?? DevHostOptions.DefaultUrl,
            SettingsFile = args.Option("settings") ?? LocalSettings.FindDefault(),
            LogLevel = Enum.TryParse<LogLevel>(args.Option("log-level") ?? "Information", ignoreCase: true, out var level)
                ? level
                : throw new CommandArgsException("--log-level must be Trace, Debug, Information, Warning or Error."),
        };
        args.EnsureNoUnknown();
        if (options.SettingsFile is not null && !File.Exists(options.SettingsFile))
        {
            throw new CommandArgsException($"settings file {options.SettingsFile} does not exist.");
        }

        await using var app = DevHost.Build(options);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? options.Url;
        PrintBanner(address.TrimEnd('/'), options.SettingsFile);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping.");
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static void PrintBanner(string baseUrl, string? settings)
    {
        Console.WriteLine();
        Console.WriteLine($"SOC Guard dev host listening on {baseUrl}");
        Console.WriteLine($"Dashboard: {baseUrl}/   (asks once for an API key: the Api__Keys value of the settings)");
        Console.WriteLine($"Settings: {settings ?? "(none: environment only)"}");
        Console.WriteLine();
        Console.WriteLine("Functions:");
        foreach (var f in FunctionCatalog.HttpFunctions())
        {
            Console.WriteLine($"  {f.Name,-28} [{string.Join(",", f.Methods)}] {baseUrl}/{FunctionEndpoints.RoutePrefix}/{f.Route}");
        }

        foreach (var f in FunctionCatalog.DurableFunctions())
        {
            Console.WriteLine($"  {f.Name,-28} {f.Trigger}");
        }

        Console.WriteLine();
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
