using System.Net.Http.Headers;
using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// The fleet view (<c>/admin/walls</c>) driving real walls in Chromium: a wall opened in one browser
/// context shows up in the admin's (another context) with its area and layout; "show page" moves
/// it to another page of its rotation, "reload" reloads it (a new circuit: one reconnect), and a
/// closed wall turns red. A server of its own, whose test rotation dwells an hour on each page so
/// only the fleet view moves it. The screenshot goes to <c>CITYSCREEN_SCREENSHOTS</c> (or the
/// temporary directory) to be looked at.
/// </summary>
public sealed class WallFleetPageFacts : IAsyncLifetime
{
    private const string Rotation = "test-fleet";
    private const string Street = "610602001";
    private const string OtherStreet = "610602002";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-fleet-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _failures = [];
    private ServerProcess _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        var dashboards = Path.Combine(_directory, "dashboards");
        Directory.CreateDirectory(dashboards);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "dashboards"), "*.json"))
            File.Copy(file, Path.Combine(dashboards, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(dashboards, Rotation + ".json"), $$"""
            {"id": "{{Rotation}}", "pages": [
              {"layout": "city-wall", "dwellSeconds": 3600},
              {"layout": "street", "area": "{{Street}}", "dwellSeconds": 3600}]}
            """);
        _server = new ServerProcess(_directory,
            "--CityScreen:Auth:AnonymousRead", "false",
            "--CityScreen:Dashboards:Directory", dashboards,
            "--CityScreen:Wall:Takeover", "false");
        await _server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.Launch);
    }

    [Fact]
    public async Task The_fleet_view_lists_a_wall_sends_it_to_a_page_reloads_it_and_turns_it_red_once_closed()
    {
        await using var wallContext = await SignedInAsync(1920, 1080);
        var wall = await OpenWallAsync(wallContext, $"/screen?rotation={Rotation}&page=0");
        await Assertions.Expect(wall.Locator(".canvas")).ToHaveAttributeAsync("data-layout", "city-wall");

        await using var adminContext = await SignedInAsync(1600, 900);
        var admin = await adminContext.NewPageAsync();
        Watch(admin);
        Assert.Equal(200, (await admin.GotoAsync(new Uri(_server.BaseAddress, "/admin/walls").ToString()))?.Status);
        var row = admin.Locator("tr.fleet-row[data-layout]").First;
        await Assertions.Expect(row).ToHaveAttributeAsync("data-online", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-layout", "city-wall");
        await Assertions.Expect(row).ToContainTextAsync("city-wall");
        await Assertions.Expect(row).ToContainTextAsync("1920×1080");
        await Assertions.Expect(row).ToContainTextAsync("在线");
        var cityArea = await row.GetAttributeAsync("data-area-id");
        Assert.False(string.IsNullOrEmpty(cityArea));
        await Assertions.Expect(admin.Locator("[data-fleet-live='true']")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // Show page 2 of the rotation: the wall goes to the street, and the fleet view follows.
        await row.Locator("select").SelectOptionAsync("i:1");
        await row.Locator("button.fleet-show").ClickAsync();
        await Assertions.Expect(admin.Locator(".fleet-message")).ToContainTextAsync("已向");
        await Assertions.Expect(wall.Locator(".canvas")).ToHaveAttributeAsync("data-layout", "street", new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-area-id", Street, new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-page", "1");

        // Reload: the page loads afresh (a mark left in it is gone) and the wall comes back as itself, once reconnected.
        var since = await row.GetAttributeAsync("data-connected-since");
        await wall.EvaluateAsync("() => { window.fleetMark = 1; }");
        await row.Locator("button.fleet-reload").ClickAsync();
        await wall.WaitForFunctionAsync("() => window.fleetMark === undefined", null, new() { Timeout = 30_000 });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-reconnects", "1", new() { Timeout = 30_000 });
        await Assertions.Expect(row).Not.ToHaveAttributeAsync("data-connected-since", since!);
        await Assertions.Expect(row).ToHaveAttributeAsync("data-online", "true");
        await Assertions.Expect(admin.Locator("tr.fleet-row")).ToHaveCountAsync(1);

        // A second wall, on another street; then the first one closed turns red within the promised 30 s.
        await using var secondContext = await SignedInAsync(3840, 2160);
        await OpenWallAsync(secondContext, $"/screen/{OtherStreet}?scale=fill");
        await Assertions.Expect(admin.Locator($"tr.fleet-row[data-area-id='{OtherStreet}'][data-online='true']")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var firstId = await row.GetAttributeAsync("data-wall-id");
        await wall.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        var first = admin.Locator($"tr.fleet-row[data-wall-id='{firstId}']");
        await Assertions.Expect(first).ToHaveAttributeAsync("data-online", "false", new() { Timeout = 30_000 });
        await Assertions.Expect(first).ToContainTextAsync("离线");
        await Assertions.Expect(first.Locator("button.fleet-reload")).ToBeDisabledAsync();

        await admin.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("admin-walls.png"), FullPage = true });
        Assert.Empty(_failures);
    }

    private async Task<IPage> OpenWallAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        Watch(page);
        await page.GotoAsync(new Uri(_server.BaseAddress, path).ToString());
        // The heartbeat runs in the live circuit: wait until it is up (the clock moves).
        var clock = page.Locator("[data-panel-id='clock'] .clock-time");
        await Assertions.Expect(clock).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var shown = await clock.InnerTextAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(shown, new() { Timeout = 15_000 });
        return page;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, m) => { if (m.Type == "error") _failures.Add($"{page.Url}: {m.Text}"); };
        page.PageError += (_, e) => _failures.Add($"{page.Url}: {e}");
    }

    private async Task<IBrowserContext> SignedInAsync(int width, int height)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{ServerProcess.AdminPassword}")));
        return await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = basic.ToString() },
        });
    }

    private static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("CITYSCREEN_SCREENSHOTS") ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CityScreen.sln not found above the test's build output");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
