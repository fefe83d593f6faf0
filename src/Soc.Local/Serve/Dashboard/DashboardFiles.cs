using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Soc.Local.Serve.Dashboard;

/// <summary>
/// Serves the static dashboard (<c>src/dashboard/app</c>) at <c>/</c>, with the global headers (CSP and friends) of
/// its <c>staticwebapp.config.json</c>, so the page runs under the same policy locally as on Static Web Apps.
/// </summary>
public static class DashboardFiles
{
    public const string ConfigFile = "staticwebapp.config.json";

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var folder = app.Configuration["Dashboard:Path"];
        if (string.IsNullOrWhiteSpace(folder))
        {
            var root = LocalSettings.FindRepositoryRoot();
            folder = root is null ? null : Path.Combine(root, "src", "dashboard", "app");
        }

        if (folder is null || !Directory.Exists(folder))
        {
            return app;
        }

        var headers = GlobalHeaders(Path.Combine(folder, ConfigFile));
        var files = new PhysicalFileProvider(Path.GetFullPath(folder));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = ctx =>
            {
                foreach (var (name, value) in headers)
                {
                    ctx.Context.Response.Headers[name] = value;
                }

                ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        // Static Web Apps never serves its own configuration file.
        app.MapGet("/" + ConfigFile, () => Microsoft.AspNetCore.Http.Results.NotFound());
        return app;
    }

    private static Dictionary<string, string> GlobalHeaders(string configPath)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(configPath))
        {
            return result;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
        if (doc.RootElement.TryGetProperty("globalHeaders", out var h) && h.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in h.EnumerateObject())
            {
                result[p.Name] = p.Value.GetString() ?? string.Empty;
            }
        }

        return result;
    }
}
