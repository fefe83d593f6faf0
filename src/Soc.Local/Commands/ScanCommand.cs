using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Soc.Core;
using Soc.Core.Detection;

namespace Soc.Local.Commands;

/// <summary><c>soc scan</c>: screens a JSONL file, offline with the embedded engine or through the HTTP API.</summary>
public sealed class ScanCommand : ISocCommand
{
    public const string DefaultLocalKey = "soc-local-dev-key-not-for-production";

    public string Name => "scan";

    public string Summary => "screen every \"text\" of a JSONL file (offline, or through the API with --url)";

    public string Usage => """
        usage: soc scan --in FILE.jsonl --out OUT.jsonl [--url http://127.0.0.1:7071] [--api-key KEY] [--concurrency 4]
                [--evidence]

          Each input line is a JSON object with a "text" field. Each output line, in the same order, copies the input
          fields and adds "decision", "dangerScore" and "ruleIds". Without --url the engine runs in-process with its
          embedded defaults (no Azure, no storage); with --url every line goes to POST {url}/api/analyze.
          --api-key defaults to $SOC_API_KEY, else the local-only key of local.settings.sample.json.
          --evidence also writes "findings": for every finding its rule id, the view it was found in and the evidence
          span, to see why a line was flagged.
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var input = args.Required("in");
        var output = args.Required("out");
        var url = args.Option("url");
        var apiKey = args.Option("api-key") ?? Environment.GetEnvironmentVariable("SOC_API_KEY") ?? DefaultLocalKey;
        var concurrency = args.Int("concurrency", 4, 1, 64);
        var evidence = args.Flag("evidence");
        args.EnsureNoUnknown();
        if (!File.Exists(input))
        {
            throw new CommandArgsException($"input file {input} does not exist.");
        }

        var lines = await ReadLinesAsync(input, cancellationToken).ConfigureAwait(false);
        Func<string, CancellationToken, Task<ScanResult>> screen;
        HttpClient? http = null;
        if (url is null)
        {
            var analyzer = CreateOfflineAnalyzer();
            screen = (text, _) =>
            {
                var v = analyzer.Analyze(text);
                var findings = v.Findings.Select(f => new ScanFinding(f.RuleId, f.View, f.Evidence)).ToArray();
                return Task.FromResult(new ScanResult(v.Decision.ToString().ToLowerInvariant(), v.DangerScore, v.RuleIds, findings));
            };
        }
        else
        {
            http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            screen = (text, ct) => ScanOverHttpAsync(http, text, ct);
        }

        try
        {
            var results = new JsonObject?[lines.Count];
            var errors = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, lines.Count), new ParallelOptions { MaxDegreeOfParallelism = url is null ? 1 : concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                var (obj, error) = lines[i];
                if (obj is null)
                {
                    Console.Error.WriteLine($"line {i + 1}: {error}");
                    Interlocked.Increment(ref errors);
                    results[i] = new JsonObject { ["error"] = error };
                    return;
                }

                var r = await screen(obj["text"]!.GetValue<string>(), ct).ConfigureAwait(false);
                obj["decision"] = r.Decision;
                obj["dangerScore"] = r.DangerScore;
                obj["ruleIds"] = new JsonArray(r.RuleIds.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray());
                if (evidence)
                {
                    obj["findings"] = new JsonArray(r.Findings.Select(f => (JsonNode?)new JsonObject { ["ruleId"] = f.RuleId, ["view"] = f.View, ["evidence"] = f.Evidence }).ToArray());
                }
                results[i] = obj;
            }).ConfigureAwait(false);

            await using (var writer = new StreamWriter(output, append: false, new UTF8Encoding(false)))
            {
                foreach (var r in results)
                {
                    await writer.WriteLineAsync(r!.ToJsonString()).ConfigureAwait(false);
                }
            }

            var blocked = results.Count(r => r?["decision"]?.GetValue<string>() == "block");
            var flagged = results.Count(r => r?["decision"]?.GetValue<string>() == "flag");
            Console.WriteLine($"scanned {lines.Count} lines: {blocked} blocked, {flagged} flagged, {lines.Count - blocked - flagged - errors} allowed, {errors} invalid -> {output}");
            return errors > 0 ? 1 : 0;
        }
        finally
        {
            http?.Dispose();
        }
    }

    /// <summary>The engine with its embedded rules and no storage.</summary>
    public static IThreatAnalyzer CreateOfflineAnalyzer(IDictionary<string, string?>? settings = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging().AddSocCore(config).BuildServiceProvider();
        return services.GetRequiredService<IThreatAnalyzer>();
    }

    internal static async Task<List<(JsonObject? Obj, string? Error)>> ReadLinesAsync(string path, CancellationToken cancellationToken)
    {
        var result = new List<(JsonObject?, string?)>();
        var number = 0;
        await foreach (var line in File.ReadLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                var node = JsonNode.Parse(line);
                if (node is JsonObject obj && obj["text"] is JsonValue v && v.TryGetValue<string>(out _))
                {
                    result.Add((obj, null));
                }
                else
                {
                    result.Add((null, "expected a JSON object with a string \"text\" field"));
                }
            }
            catch (JsonException ex)
            {
                result.Add((null, "not valid JSON: " + ex.Message));
            }
        }

        return result;
    }

    private static async Task<ScanResult> ScanOverHttpAsync(HttpClient http, string text, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync("api/analyze", new { message = text }, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body is null)
        {
            throw new HttpRequestException($"POST api/analyze answered {(int)response.StatusCode}: {body?["detail"] ?? body?["title"]}");
        }

        var findings = body["findings"]!.AsArray()
            .Select(f => new ScanFinding(f!["ruleId"]!.GetValue<string>(), f["view"]?.GetValue<string>() ?? "", f["evidence"]?.GetValue<string>() ?? ""))
            .ToArray();
        return new ScanResult(
            body["decision"]!.GetValue<string>(),
            body["dangerScore"]!.GetValue<double>(),
            findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal).ToArray(),
            findings);
    }

    private sealed record ScanResult(string Decision, double DangerScore, IReadOnlyList<string> RuleIds, IReadOnlyList<ScanFinding> Findings);

    private sealed record ScanFinding(string RuleId, string View, string Evidence);
}
