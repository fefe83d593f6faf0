using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SocFunctions.Learning;

namespace Soc.Local.Commands;

/// <summary><c>soc report-miss</c>: sends a signed missed-attack (or false-positive) webhook and prints the report's status.</summary>
public sealed class ReportMissCommand : ISocCommand
{
    /// <summary>The local-only webhook secret of local.settings.sample.json (reporter <c>local</c>).</summary>
    public const string DefaultLocalSecret = "soc-local-webhook-secret-not-for-production";

    public string Name => "report-miss";

    public string Summary => "report a missed attack (signed webhook) and, with --wait, print what was learned";

    public string Usage => """
        usage: soc report-miss --url URL --text "..." [--reporter local] [--secret S] [--threat-type T] [--severity high]
                               [--tenant T] [--delivery ID] [--kind miss|false-positive] [--wait] [--timeout 60] [--api-key KEY]

          Signs {"message","reported_by","actual_threat_type","severity"} with HMAC-SHA256 over "<timestamp>.<body>"
          (headers X-Soc-Timestamp, X-Soc-Delivery, X-Soc-Signature) and posts it to
          URL/api/learning/report-missed-attack (or report-false-positive with --kind false-positive).
          --secret defaults to $SOC_WEBHOOK_SECRET, else the local-only secret of local.settings.sample.json.
          --delivery defaults to a new GUID; sending the same one again starts no second orchestration (409).
          --wait polls the status URL (API key: --api-key, $SOC_API_KEY or the local-only key) until the
          orchestration ends, then prints every step's result.
        """;

    public async Task<int> RunAsync(CommandArgs args, CancellationToken cancellationToken)
    {
        var url = args.Required("url").TrimEnd('/');
        var text = args.Required("text");
        var reporter = args.Option("reporter") ?? "local";
        var secret = args.Option("secret") ?? Environment.GetEnvironmentVariable("SOC_WEBHOOK_SECRET") ?? DefaultLocalSecret;
        var threatType = args.Option("threat-type");
        var severity = args.Option("severity") ?? "high";
        var tenant = args.Option("tenant");
        var delivery = args.Option("delivery") ?? Guid.NewGuid().ToString("n");
        var kind = args.Option("kind") ?? "miss";
        if (kind is not ("miss" or "false-positive"))
        {
            throw new CommandArgsException("--kind must be miss or false-positive.");
        }

        var falsePositive = kind == "false-positive";
        var wait = args.Flag("wait");
        var timeout = args.Int("timeout", 60, 1, 3600);
        var apiKey = args.Option("api-key") ?? Environment.GetEnvironmentVariable("SOC_API_KEY") ?? ScanCommand.DefaultLocalKey;
        args.EnsureNoUnknown();

        var body = new JsonObject
        {
            ["message"] = text,
            ["reported_by"] = reporter,
            ["actual_threat_type"] = threatType,
            ["severity"] = severity,
        };
        if (tenant is not null)
        {
            body["tenant_id"] = tenant;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var route = falsePositive ? "report-false-positive" : "report-missed-attack";
        using var response = await SendSignedAsync(http, $"{url}/api/learning/{route}", body.ToJsonString(), secret, delivery, cancellationToken).ConfigureAwait(false);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"{(int)response.StatusCode} {response.StatusCode}: {answer}");
        var statusUrl = response.Headers.Location?.ToString();
        if (response.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.Conflict) || statusUrl is null)
        {
            return 1;
        }

        if (!wait)
        {
            Console.WriteLine($"status: {statusUrl}");
            return 0;
        }

        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            var status = await http.GetStringAsync(statusUrl, cancellationToken).ConfigureAwait(false);
            var node = JsonNode.Parse(status);
            var runtime = node?["runtimeStatus"]?.GetValue<string>();
            if (runtime is "Completed" or "Failed" or "Terminated")
            {
                Console.WriteLine(node!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return runtime == "Completed" ? 0 : 1;
            }

            if (DateTime.UtcNow > deadline)
            {
                Console.Error.WriteLine($"soc report-miss: still {runtime} after {timeout} s; status: {statusUrl}");
                return 1;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Posts a body signed the way the report webhooks verify it.</summary>
    public static Task<HttpResponseMessage> SendSignedAsync(HttpClient http, string url, string body, string secret, string delivery, CancellationToken cancellationToken, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, new UTF8Encoding(false), "application/json") };
        request.Headers.Add(WebhookVerifier.TimestampHeader, timestamp);
        request.Headers.Add(WebhookVerifier.DeliveryHeader, delivery);
        request.Headers.Add(WebhookVerifier.SignatureHeader, WebhookVerifier.Sign(secret, timestamp, body));
        return http.SendAsync(request, cancellationToken);
    }
}
