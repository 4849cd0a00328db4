using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright, against the server as its own process with
/// the simulator on (one hour of history, so every panel has data).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>How every browser fact launches Chromium: headless, without a sandbox, GPU or background traffic.</summary>
    public static readonly BrowserTypeLaunchOptions Launch = new()
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"],
    };

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public OnePageOpen Pages { get; }

    public BrowserFixture() => Pages = new OnePageOpen(() => Browser);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = new ServerProcess(_directory,
            "--CityScreen:Simulator:Enabled", "true",
            "--CityScreen:Simulator:Seed", "7",
            "--CityScreen:Simulator:HistoryToBackfill", "01:00:00",
            // Busier than the demo's calibrated district, so that an hour fills every panel.
            "--CityScreen:Simulator:EventsPerSecond", "2",
            // A simulated critical case would take the wall over to its grid in the middle of a test.
            "--CityScreen:Wall:Takeover", "false");
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(Launch);
    }

    public async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080)
    {
        var page = await Pages.NewAsync(width, height);
        await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync("() => window.Blazor && document.querySelector('.canvas, .explore')");
        // The prerendered explore page is replaced when its circuit starts: a locator taken before would detach.
        await page.WaitForFunctionAsync("() => !document.querySelector('.explore') || document.querySelector(\".explore[data-interactive='true']\")",
            null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        // A wall is live once its circuit is up: the server-driven clock moves.
        var clock = page.Locator("[data-panel-id='clock'] .clock-time");
        if (await clock.CountAsync() > 0)
        {
            var shown = await clock.InnerTextAsync();
            await page.WaitForFunctionAsync(
                "shown => document.querySelector(\"[data-panel-id='clock'] .clock-time\")?.textContent !== shown",
                shown, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
