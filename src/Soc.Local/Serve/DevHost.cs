using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Soc.Local.Serve.Dashboard;
using Soc.Local.Serve.WebPubSub;
using SocFunctions;
using SocFunctions.Middleware;

namespace Soc.Local.Serve;

/// <summary>What <c>soc serve</c> (or a test) asks of the dev host.</summary>
public sealed class DevHostOptions
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Where to listen; port 0 picks a free port (tests).</summary>
    public string Url { get; set; } = DefaultUrl;

    /// <summary>A Functions <c>local.settings.json</c> whose <c>Values</c> become configuration (null: none).</summary>
    public string? SettingsFile { get; set; }

    /// <summary>Settings that win over the file and the environment (tests use it for Azurite's port).</summary>
    public IDictionary<string, string?> Overrides { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Minimum log level on the console.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Information;
}

/// <summary>
/// The local dev host: the function app's HTTP functions on Kestrel (from their own attributes), its orchestrators and
/// activities under the in-process Durable Task host, Table Storage through Azurite.
/// </summary>
public static class DevHost
{
    public static WebApplication Build(DevHostOptions options)
    {
        var root = LocalSettings.FindRepositoryRoot();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = "Development",
            ContentRootPath = root ?? Directory.GetCurrentDirectory(),
        });

        // Settings file first, then the environment, then explicit overrides: the same precedence as func start.
        builder.Configuration.Sources.Clear();
        if (options.SettingsFile is not null)
        {
            builder.Configuration.AddInMemoryCollection(LocalSettings.Load(options.SettingsFile));
        }

        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddInMemoryCollection(options.Overrides);
        WebPubSubEmulator.PointAtDevHost(builder.Configuration, options);

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.SetMinimumLevel(options.LogLevel);
        // The in-process Durable host logs every gRPC call at Information.
        builder.Logging.AddFilter("Microsoft.DurableTask", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        builder.WebHost.UseUrls(options.Url);
        builder.Services.AddSocFunctionApp(builder.Configuration);
        builder.Services.AddSocCors(builder.Configuration);
        builder.Services.AddInMemoryDurableTask(RegisterDurableTasks);

        var app = builder.Build();
        app.UseProblemDetailsForErrors();
        app.UseSocCors();
        app.UseWebSockets();
        app.MapWebPubSubEmulator();
        app.MapDashboard();
        app.MapFunctionApp();
        return app;
    }

    /// <summary>Registers every class-based orchestrator and activity of the function app, by class name.</summary>
    internal static void RegisterDurableTasks(DurableTaskRegistry registry)
    {
        foreach (var type in DurableTaskTypes(FunctionCatalog.FunctionAssembly))
        {
            if (IsSubclassOfGeneric(type, typeof(TaskOrchestrator<,>)))
            {
                registry.AddOrchestrator(type);
            }
            else
            {
                registry.AddActivity(type);
            }
        }
    }

    public static IEnumerable<Type> DurableTaskTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }
            && (IsSubclassOfGeneric(t, typeof(TaskOrchestrator<,>)) || IsSubclassOfGeneric(t, typeof(TaskActivity<,>))));

    private static bool IsSubclassOfGeneric(Type type, Type generic)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == generic)
            {
                return true;
            }
        }

        return false;
    }
}
