using System.Text.RegularExpressions;

namespace SocFunctions.Tests.Infra;

/// <summary>Facts about infra/ and azure.yaml that a Bicep compile cannot check (Bicep itself: scripts/build-bicep.sh).</summary>
public sealed partial class InfraTemplateTests
{
    [Fact]
    public void Api_RunsDotnetIsolatedOnTheFrameworkTheProjectsTarget()
    {
        var api = RepositoryFiles.Read("infra", "app", "api.bicep");
        var framework = TargetFramework().Match(RepositoryFiles.Read("Directory.Build.props")).Groups[1].Value;

        Assert.Matches(@"name:\s*'dotnet-isolated'", api);
        Assert.Equal(framework, "net" + FlexRuntimeVersion().Match(api).Groups[1].Value);
        Assert.Matches(@"tier:\s*'FlexConsumption'", api);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("AzureWebJobsStorage")]
    public void AppSettings_OmitSettingsFlexConsumptionRejectsOrThatCarryAKey(string setting) =>
        Assert.DoesNotContain(setting, AppSettingsCatalog.BicepAppSettings(RepositoryFiles.Root), StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Infra_NeverReadsAnAccessKeyOutOfAResource()
    {
        var readers = Directory.EnumerateFiles(RepositoryFiles.PathOf("infra"), "*.bicep", SearchOption.AllDirectories)
            .Where(f => KeyReader().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))
            .ToArray();

        Assert.True(readers.Length == 0, "Bicep files that read access keys (use the managed identity instead): " + string.Join(", ", readers));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionProjectAndRunsHooksThatExist()
    {
        var yaml = RepositoryFiles.Read("azure.yaml");

        Assert.Matches(@"project:\s*\./src/SocFunctions\s*\n\s*language:\s*dotnet\s*\n\s*host:\s*function", yaml);
        Assert.True(File.Exists(RepositoryFiles.PathOf("src", "SocFunctions", "SocFunctions.csproj")));
        foreach (Match hook in HookScript().Matches(yaml))
        {
            Assert.True(File.Exists(RepositoryFiles.PathOf(hook.Groups[1].Value.Split('/'))), "azure.yaml runs a missing script: " + hook.Groups[1].Value);
        }

        Assert.Contains("scripts/azd/postprovision.sh", yaml, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<TargetFramework>([^<]+)</TargetFramework>")]
    private static partial Regex TargetFramework();

    [GeneratedRegex(@"runtime:\s*\{\s*name:\s*'dotnet-isolated'\s*version:\s*'([0-9.]+)'", RegexOptions.Singleline)]
    private static partial Regex FlexRuntimeVersion();

    [GeneratedRegex(@"\blistKeys\s*\(|\.listKeys\(|listConnectionStrings\s*\(")]
    private static partial Regex KeyReader();

    [GeneratedRegex(@"run:\s*\./([\w./-]+\.sh)")]
    private static partial Regex HookScript();
}
