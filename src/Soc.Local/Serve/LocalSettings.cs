using System.Text.Json;

namespace Soc.Local.Serve;

/// <summary>
/// Reads the <c>Values</c> of a Functions <c>local.settings.json</c> into configuration keys
/// (<c>Detection__BlockThreshold</c> becomes <c>Detection:BlockThreshold</c>), so <c>soc serve</c> and
/// <c>func start</c> read the same file.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    public static Dictionary<string, string?> Load(string path)
    {
        using var stream = File.OpenRead(path);
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (doc.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in values.EnumerateObject())
            {
                result[p.Name.Replace("__", ":", StringComparison.Ordinal)] = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => p.Value.GetRawText(),
                };
            }
        }

        return result;
    }

    /// <summary>
    /// The settings file <c>soc serve</c> uses when none is named: the function project's <c>local.settings.json</c>,
    /// else the repository's <c>local.settings.sample.json</c>, searched upwards from the working folder and the tool's folder.
    /// </summary>
    public static string? FindDefault()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var own = Path.Combine(dir.FullName, "src", "SocFunctions", FileName);
                if (File.Exists(own))
                {
                    return own;
                }

                var sample = Path.Combine(dir.FullName, SampleFileName);
                if (File.Exists(sample))
                {
                    return sample;
                }
            }
        }

        return null;
    }

    /// <summary>The repository root (the folder holding SocFunctions.sln), searched upwards; null outside a checkout.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SocFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}
