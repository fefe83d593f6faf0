using Microsoft.Playwright;
using Soc.IntegrationTests.Infrastructure;
using Soc.Local.Serve;

namespace Soc.IntegrationTests.Dashboard;

/// <summary>
/// One dev host (with Azurite and its Web PubSub emulator) and one headless Debian Chromium shared by the dashboard
/// tests of a class. Screenshots go to artifacts/screenshots (git-ignored) and are copied to docs/screenshots.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public DevHostInstance Host { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    public static string DocsScreenshotFolder { get; } = Path.Combine(RepoPaths.Root, "docs", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run scripts/install-deps.sh --browser (Debian's chromium package).");
        }

        Host = await DevHostInstance.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A page on the dashboard; with <paramref name="apiKey"/> the key is already in sessionStorage.</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(int width = 1360, int height = 900, string? apiKey = DevHostInstance.ApiKey, string hash = "", Func<IPage, Task>? beforeNavigate = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.PageError += (_, e) => errors.Add(e);
        // Name the failing request: the console only says "Failed to load resource".
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        if (apiKey is not null)
        {
            await page.AddInitScriptAsync($"sessionStorage.setItem('soc.apiKey', {System.Text.Json.JsonSerializer.Serialize(apiKey)});");
        }

        if (beforeNavigate is not null)
        {
            await beforeNavigate(page);
        }

        await page.GotoAsync(new Uri(Host.BaseAddress, "/" + hash).ToString());
        return (context, page, errors);
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = false });
        // README's pictures change only when asked: SOC_UPDATE_SCREENSHOTS=1 scripts/test.sh
        if (Environment.GetEnvironmentVariable("SOC_UPDATE_SCREENSHOTS") == "1")
        {
            File.Copy(path, Path.Combine(DocsScreenshotFolder, name + ".png"), overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
