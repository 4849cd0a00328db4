using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// A server of its own whose dashboards are the shipped layouts plus two short rotations (two
/// streets of 5 s each, and the city wall held until a critical case takes it over for 5 s) and a
/// layout with a ranking board shorter than its list.
/// Takeover is on (the shared browser fixture turns it off); the simulator is off, so the only
/// critical case is the one a test posts.
/// </summary>
public sealed class RotationFixture : IAsyncLifetime
{
    public const string Streets = "test-streets";
    public const string Takeover = "test-takeover";
    public const string Board = "test-board";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-rotation-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public OnePageOpen Pages { get; }

    public RotationFixture() => Pages = new OnePageOpen(() => Browser);

    public async Task InitializeAsync()
    {
        var dashboards = Path.Combine(_directory, "dashboards");
        Directory.CreateDirectory(dashboards);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "dashboards"), "*.json"))
            File.Copy(file, Path.Combine(dashboards, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(dashboards, Streets + ".json"), $$"""
            {"id": "{{Streets}}", "pages": [
              {"layout": "street", "area": "610602001", "dwellSeconds": 5},
              {"layout": "street", "area": "610602002", "dwellSeconds": 5}]}
            """);
        File.WriteAllText(Path.Combine(dashboards, Takeover + ".json"), $$$"""
            {"id": "{{{Takeover}}}", "pages": [{"layout": "city-wall", "dwellSeconds": 3600}],
             "takeover": {"seconds": 5, "layout": "grid"}}
            """);

        // A street's communities on a board of three rows: more than fit, so it scrolls.
        File.WriteAllText(Path.Combine(dashboards, Board + ".json"), $$$"""
            {"schemaVersion": 1, "id": "{{{Board}}}", "title": "滚动排行榜", "canvas": {"width": 1920, "height": 1080}, "area": "$current",
             "panels": [
              {"id": "title", "type": "title", "x": 480, "y": 0, "w": 960, "h": 84},
              {"id": "clock", "type": "clock", "x": 1540, "y": 14, "w": 356, "h": 60},
              {"id": "ranking", "type": "ranking", "x": 24, "y": 100, "w": 440, "h": 300, "title": "社区排行",
               "options": {"indicator": "EV02", "rows": 3, "secondsPerRow": 2}}]}
            """);

        Server = new ServerProcess(_directory,
            "--CityScreen:Dashboards:Directory", dashboards,
            "--CityScreen:Wall:Takeover", "true");
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.Launch);
    }

    public async Task<IPage> OpenAsync(string path)
    {
        var page = await Pages.NewAsync(1920, 1080);
        await page.GotoAsync(new Uri(Server.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        // Rotation and takeover run in the live circuit: wait until it is up (the clock moves).
        var clock = page.Locator("[data-panel-id='clock'] .clock-time");
        var shown = await clock.InnerTextAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(shown, new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CityScreen.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CityScreen.sln not found above the test's build output");
    }
}

[CollectionDefinition("rotation")]
public sealed class RotationCollection : ICollectionFixture<RotationFixture>;
