using static SocFunctions.Tests.Infra.AppSettingsCatalog;

namespace SocFunctions.Tests.Infra;

/// <summary>
/// Every setting the deployed code reads is either set by infra/app/api.bicep or documented as optional in
/// infra/optional-settings.md, and neither list names a setting the code does not have.
/// </summary>
public sealed class SettingsCoverageTests
{
    private static readonly IReadOnlyDictionary<string, Type> Sections = OptionsSections(AppAssemblies);
    private static readonly SortedSet<string> Bound = BoundSettings(Sections);
    private static readonly SortedSet<string> Direct = DirectKeys(RepositoryFiles.Root, AppSourceFolders);
    private static readonly SortedSet<string> Bicep = BicepAppSettings(RepositoryFiles.Root);
    private static readonly SortedSet<string> Optional = DocumentedOptional(RepositoryFiles.Root);

    [Fact]
    public void EverySettingTheCodeReads_IsSetByBicepOrDocumentedOptional()
    {
        var missing = Bound.Concat(Direct)
            .Where(setting => !Covers(Bicep, setting) && !Covers(Optional, setting))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        Assert.True(
            missing.Length == 0,
            "Settings the code reads that infra/app/api.bicep does not set and infra/optional-settings.md does not list: "
            + string.Join(", ", missing));
    }

    [Fact]
    public void EveryBicepSettingOfAnOptionsSection_NamesARealProperty()
    {
        var unknown = Bicep.Where(s => IsUnknownSettingOfKnownSection(s)).ToArray();

        Assert.True(unknown.Length == 0, "infra/app/api.bicep sets settings no options class has: " + string.Join(", ", unknown));
    }

    [Fact]
    public void EveryDocumentedOptionalSettingOfAnOptionsSection_IsStillRead()
    {
        var stale = Optional
            .Where(s => IsUnknownSettingOfKnownSection(s) || (SectionOf(s) is null && !Direct.Contains(s)))
            .ToArray();

        Assert.True(stale.Length == 0, "infra/optional-settings.md lists settings the code no longer reads: " + string.Join(", ", stale));
    }

    [Fact]
    public void Catalog_FindsBoundDirectAndBicepSettings()
    {
        // The lists above are only as good as the readers: each must see settings known to exist.
        Assert.Contains("Detection__BlockThreshold", Bound);
        Assert.Contains("Detection__Detectors", Bound);
        Assert.Contains("Storage__TableServiceUri", Bound);
        Assert.Contains("Http__MaxRequestBytes", Bound);
        Assert.Contains("AzureWebJobsStorage", Direct);
        Assert.Contains("DurableTaskHubName", Direct);
        Assert.Contains("APPLICATIONINSIGHTS_CONNECTION_STRING", Direct);
        Assert.Contains("AzureWebJobsStorage__accountName", Bicep);
        Assert.Contains("Storage__TableServiceUri", Bicep);
        Assert.Contains("Detection__BlockThreshold", Optional);
    }

    [Fact]
    public void DirectKeysInSource_ReadsLiteralsConstantsAndEnvironmentVariables()
    {
        const string source = """
            public const string Setting = "Chat__Flag";
            var a = configuration["AzureWebJobsStorage"];
            var b = _config[Setting];
            var c = Environment.GetEnvironmentVariable("WEBSITE_HOSTNAME");
            var d = builder.Configuration["Section:Key"];
            var e = dictionary["not-a-setting"];
            """;

        Assert.Equal(["AzureWebJobsStorage", "Chat__Flag", "WEBSITE_HOSTNAME", "Section__Key"], DirectKeysInSource(source).ToArray());
    }

    [Fact]
    public void AppSettingsInBicep_ReadsTopLevelKeysOfTheAppSettingsResourceOnly()
    {
        const string bicep = """
            resource site 'Microsoft.Web/sites@2024-04-01' = {
              name: 'x'
              properties: {
                httpsOnly: true
              }
            }
            resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
              parent: site
              name: 'appsettings'
              properties: {
                // a comment
                First__Key: 'a'
                'Quoted_Key': empty(x) ? '' : '@Microsoft.KeyVault(SecretUri=${x})'
                Nested: {
                  Inner: 'no'
                }
                Last: 'z'
              }
            }
            resource logs 'Microsoft.Web/sites/config@2024-04-01' = {
              parent: site
              name: 'logs'
              properties: {
                NotASetting: true
              }
            }
            """;

        Assert.Equal(["First__Key", "Quoted_Key", "Nested", "Last"], AppSettingsInBicep(bicep).ToArray());
    }

    [Fact]
    public void BoundSettings_ExpandsNestedOptionsAndSkipsReadOnlyProperties()
    {
        var settings = BoundSettings(new Dictionary<string, Type> { ["Sample"] = typeof(SampleOptions) });

        Assert.Equal(["Sample__Inner__Depth", "Sample__Items", "Sample__Name"], settings.ToArray());
    }

    private static bool IsUnknownSettingOfKnownSection(string setting) =>
        SectionOf(setting) is { } section && Sections.ContainsKey(section) && !Bound.Any(b => Covers([setting], b) || Covers([b], setting));

    private sealed class SampleOptions
    {
        public const string SectionName = "Sample";

        public string Name { get; set; } = "";

        public List<string> Items { get; set; } = [];

        public SampleInner Inner { get; set; } = new();

        public bool IsConfigured => Name.Length > 0;
    }

    private sealed class SampleInner
    {
        public int Depth { get; set; }
    }
}
