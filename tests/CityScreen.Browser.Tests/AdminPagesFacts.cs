using System.Net.Http.Headers;
using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>
/// The admin pages an operator opens beside the walls, in Chromium under the host's CSP, signed in
/// as the admin account: each renders and the console shows no error. Screenshots go to
/// <c>CITYSCREEN_SCREENSHOTS</c> (or the temporary directory) to be looked at.
/// </summary>
public sealed class AdminPagesFacts : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cityscreen-adminpages-" + Guid.NewGuid().ToString("N"));
    private ServerProcess _server = null!;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = new ServerProcess(_directory, "--CityScreen:Auth:AnonymousRead", "false");
        await _server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.Launch);
    }

    [Fact]
    public async Task The_orleans_dashboard_renders_for_an_admin_under_the_csp()
    {
        await using var context = await SignedInAsync();
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") failures.Add(m.Text); };
        page.PageError += (_, e) => failures.Add(e);

        var response = await page.GotoAsync(new Uri(_server.BaseAddress, "/orleans/").ToString());
        Assert.Equal(200, response?.Status);
        // Rendered once the silo list is drawn in place of the loading spinner.
        await Assertions.Expect(page.Locator("#content")).Not.ToContainTextAsync("Loading...", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#menu")).ToContainTextAsync("Silos", new LocatorAssertionsToContainTextOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(2_000);   // a few of its one-second polls, for errors they would raise

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("orleans-dashboard.png"), FullPage = true });
        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_api_reference_renders_the_ingest_contract_for_a_signed_in_user()
    {
        await using var context = await SignedInAsync();
        var page = await context.NewPageAsync();
        var failures = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") failures.Add(m.Text); };
        page.PageError += (_, e) => failures.Add(e);

        var response = await page.GotoAsync(new Uri(_server.BaseAddress, "/api/reference/").ToString());
        Assert.Equal(200, response?.Status);
        await Assertions.Expect(page.GetByText("/api/events").First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
        await page.WaitForTimeoutAsync(1_000);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath("api-reference.png") });
        Assert.Empty(failures);
    }

    private async Task<IBrowserContext> SignedInAsync()
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{ServerProcess.AdminPassword}")));
        return await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = basic.ToString() },
        });
    }

    private static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable("CITYSCREEN_SCREENSHOTS") ?? Path.GetTempPath();
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        await _server.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
