using System.Text.Json;

namespace SocFunctions.Tests.Metadata;

/// <summary>
/// Reads the functions.metadata the Functions SDK builds (what the Functions host indexes in Azure) and checks every
/// function, route, method and trigger the app exposes.
/// </summary>
public sealed class FunctionsMetadataTests
{
    /// <summary>Name, trigger type, methods (HTTP only), route (HTTP only).</summary>
    public static TheoryData<string, string, string, string> ExpectedFunctions => new()
    {
        { "Analyze", "httpTrigger", "post", "analyze" },
        { "Health", "httpTrigger", "get", "health" },
        { "Negotiate", "httpTrigger", "get", "negotiate" },
        { "Events", "httpTrigger", "get", "events" },
        { "Threats", "httpTrigger", "get", "threats" },
        { "DashboardMetrics", "httpTrigger", "get", "dashboard/metrics" },
        { "Chat", "httpTrigger", "post", "chat" },
        { "GetUsage", "httpTrigger", "get", "usage" },
        { "ExportUsage", "httpTrigger", "get", "usage/export" },
        { "CreateTenant", "httpTrigger", "post", "manage/tenants" },
        { "ListTenants", "httpTrigger", "get", "manage/tenants" },
        { "IssueApiKey", "httpTrigger", "post", "manage/tenants/{tenantId}/keys" },
        { "ListApiKeys", "httpTrigger", "get", "manage/tenants/{tenantId}/keys" },
        { "RevokeApiKey", "httpTrigger", "delete", "manage/tenants/{tenantId}/keys/{keyId}" },
        { "ReportMissedAttack", "httpTrigger", "post", "learning/report-missed-attack" },
        { "ReportFalsePositive", "httpTrigger", "post", "learning/report-false-positive" },
        { "GetLearningReport", "httpTrigger", "get", "learning/reports/{id}" },
        { "ListLearnedPatterns", "httpTrigger", "get", "learning/patterns" },
        { "ReviewLearnedPattern", "httpTrigger", "post", "learning/patterns/{id}/{decision}" },
        { "RollbackLearningReport", "httpTrigger", "post", "learning/reports/{id}/rollback" },
        { "ExportPatterns", "httpTrigger", "get", "learning/export-patterns" },
        { "ImportPatterns", "httpTrigger", "post", "learning/import-patterns" },
        { "UploadBenignSamples", "httpTrigger", "post", "learning/benign-samples" },
        { "GetLearningMetrics", "httpTrigger", "get", "learning/metrics" },
        { "LearnFromMissOrchestrator", "orchestrationTrigger", "", "" },
        { "GenerateVariations", "activityTrigger", "", "" },
        { "ExtractPatterns", "activityTrigger", "", "" },
        { "AutoUpdate", "activityTrigger", "", "" },
    };

    public static IReadOnlyList<JsonElement> LoadMetadata()
    {
        var path = MetadataPath();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    public static string MetadataPath()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "SocFunctions", "bin", configuration, "net10.0", "functions.metadata");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("functions.metadata not found: build src/SocFunctions first.");
    }

    private static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ExpectedFunctions))]
    public void Metadata_DeclaresFunction(string name, string triggerType, string methods, string route)
    {
        var function = Assert.Single(LoadMetadata(), f => f.GetProperty("name").GetString() == name);
        var trigger = Trigger(function);

        Assert.Equal(triggerType, trigger.GetProperty("type").GetString());
        if (triggerType == "httpTrigger")
        {
            Assert.Equal(route, trigger.GetProperty("route").GetString());
            Assert.Equal(methods.Split(','), trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
            Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
        }
    }

    [Fact]
    public void Metadata_HasNoFunctionBeyondTheExpectedOnes()
    {
        var expected = ExpectedFunctions.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        var actual = LoadMetadata().Select(f => f.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(expected, actual);
    }
}
