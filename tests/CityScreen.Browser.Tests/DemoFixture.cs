using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// A fresh demo as an operator starts one: the simulator with the shipped settings (its two days of
/// backfilled events, the simulated history before them as daily rollups, the start-up index run),
/// takeover off so that a simulated critical case does not move the wall during a fact.
/// </summary>
public sealed class DemoFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-demo-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public ServerProcess Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public OnePageOpen Pages { get; }

    public DemoFixture() => Pages = new OnePageOpen(() => Browser);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Server = new ServerProcess(_directory, "--CityScreen:Simulator:Enabled", "true", "--CityScreen:Wall:Takeover", "false");
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.Launch);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition("demo")]
public sealed class DemoCollection : ICollectionFixture<DemoFixture>;
