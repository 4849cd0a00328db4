using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("browser")]
public class RestartFacts(BrowserFixture fixture)
{
    [Fact]
    public async Task A_wall_keeps_its_picture_marked_stale_while_the_server_is_down_and_resumes_by_itself()
    {
        var page = await fixture.OpenAsync("/screen");
        var banner = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(banner).ToBeHiddenAsync();

        fixture.Server.Kill();

        await Assertions.Expect(banner).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 15_000 });
        await Assertions.Expect(banner).ToContainTextAsync("数据截至");
        Assert.True(await page.Locator("[data-panel-id='map'] svg").CountAsync() > 0, "the last picture stays");

        await fixture.Server.StartAsync();

        // Nobody touches the page: it reconnects (or reloads when the circuit is gone) and runs live.
        await Assertions.Expect(banner).ToBeHiddenAsync(new LocatorAssertionsToBeHiddenOptions { Timeout = 60_000 });
        var clock = page.Locator("[data-panel-id='clock'] .clock-time");
        var first = await clock.InnerTextAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(first, new LocatorAssertionsToHaveTextOptions { Timeout = 10_000 });
    }
}
