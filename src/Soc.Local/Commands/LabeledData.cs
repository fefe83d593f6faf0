using System.Text.Json;
using Soc.Core.Classifier;

namespace Soc.Local.Commands;

/// <summary>A labelled example and the file it came from (the file name, without extension, is its source).</summary>
internal sealed record LabeledLine(LabeledExample Example, string File);

/// <summary>Reads labelled JSONL: one <c>{"text", "label": "attack"|"benign", "category", "source"}</c> per line.</summary>
internal static class LabeledData
{
    /// <summary>Where the dev data lives by default: <c>../shared/datasets/dev</c> next to the repository.</summary>
    public static string DefaultDevDirectory()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "datasets", "dev");
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return Path.GetFullPath(Path.Combine("..", "shared", "datasets", "dev"));
    }

    /// <summary>Files as given, and every <c>*.jsonl</c> of a directory, in name order.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.jsonl").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CommandArgsException($"{path} is neither a file nor a directory.");
            }
        }

        if (files.Count == 0)
        {
            throw new CommandArgsException("no .jsonl files found.");
        }

        return files;
    }

    public static string SourceName(string file) => Path.GetFileNameWithoutExtension(file);

    /// <summary>Reads every valid line; invalid lines are reported on stderr and counted.</summary>
    public static async Task<(List<LabeledLine> Lines, int Invalid)> LoadAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var lines = new List<LabeledLine>();
        var invalid = 0;
        foreach (var file in files)
        {
            var number = 0;
            await foreach (var line in File.ReadLinesAsync(file, cancellationToken).ConfigureAwait(false))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var parsed = Parse(line);
                if (parsed is null)
                {
                    invalid++;
                    Console.Error.WriteLine($"{file}:{number}: expected a JSON object with \"text\" and \"label\" (attack or benign).");
                    continue;
                }

                lines.Add(new LabeledLine(parsed, SourceName(file)));
            }
        }

        return (lines, invalid);
    }

    internal static LabeledExample? Parse(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            bool isAttack;
            switch (label.GetString())
            {
                case "attack":
                    isAttack = true;
                    break;
                case "benign":
                    isAttack = false;
                    break;
                default:
                    return null;
            }

            var category = root.TryGetProperty("category", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            return new LabeledExample(text.GetString()!, isAttack, category, source);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
