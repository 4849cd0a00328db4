using System.Globalization;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>What a fresh demo's wall shows in its first minutes, before it has run for a day.</summary>
[Collection("demo")]
public class FreshDemoFacts(DemoFixture fixture)
{
    [Fact]
    public async Task A_rate_shows_its_change_against_yesterday_in_percentage_points_coloured_by_its_direction_on_a_fresh_demo()
    {
        var page = await fixture.Pages.NewAsync(1920, 1080);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, "/screen").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // 按期结案率 (EV08, higher is better): the host has no sample of yesterday yet, so yesterday
        // comes from the daily rollups (the simulated history and the backfilled days), once the
        // start-up run has rolled them up.
        var change = page.Locator(".kpi[data-indicator='EV08'] .kpi-value .kpi-change");
        await Assertions.Expect(change).ToContainTextAsync("个百分点", new LocatorAssertionsToContainTextOptions { Timeout = 900_000 });
        var shown = await change.EvaluateAsync<string[]>("e => [e.dataset.change, e.className, getComputedStyle(e).color]");
        var up = double.Parse(shown[0], CultureInfo.InvariantCulture) > 0;
        // Higher is better: a rise is green, a fall red.
        Assert.Equal(up ? "kpi-change better" : "kpi-change worse", shown[1]);
        Assert.Equal(up ? "rgb(52, 211, 153)" : await AlarmColourAsync(page), shown[2]);
        Assert.Matches(up ? @"^▲\d+\.\d个百分点$" : @"^▼\d+\.\d个百分点$", (await change.InnerTextAsync()).Trim());
        // Whole, inside its counter's box: the counter clips what overflows it.
        Assert.True(await change.EvaluateAsync<bool>(
            "e => { const k = e.closest('.kpi').getBoundingClientRect(), r = e.getBoundingClientRect(); return r.left >= k.left && r.right <= k.right + 0.5 && r.top >= k.top && r.bottom <= k.bottom + 0.5; }"),
            "the change lies inside its counter's box");

        Directory.CreateDirectory("screenshots");
        await page.Locator("[data-panel-id='kpis']").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine("screenshots", "fresh-demo-kpis.png") });
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("/screen", 1920, 1080, "fresh-demo-1920")]
    [InlineData("/screen?layout=city-wall-4k", 3840, 2160, "fresh-demo-3840")]
    public async Task The_development_index_panel_shows_every_row_on_the_1080p_and_the_4k_wall(string path, int width, int height, string file)
    {
        var page = await fixture.Pages.NewAsync(width, height);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") lock (errors) errors.Add(m.Text); };
        page.PageError += (_, e) => { lock (errors) errors.Add(e); };
        await page.GotoAsync(new Uri(fixture.Server.BaseAddress, path).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // The start-up run computes the index of the simulated nights; the wall reads it once a minute.
        var index = page.Locator("[data-panel-id='index']");
        await Assertions.Expect(index.Locator(".index-dimensions li")).ToHaveCountAsync(5, new LocatorAssertionsToHaveCountOptions { Timeout = 900_000 });
        // Every row ends inside the panel, which clips what overflows it (the biggest mover's line too, once the wall has read it).
        var clipped = await index.EvaluateAsync<string[]>(
            "p => { const box = p.getBoundingClientRect(); return [...p.querySelectorAll('.index-head, .index-meta, .index-mover, .index-dimensions li')].filter(e => { const r = e.getBoundingClientRect(); return r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5; }).map(e => e.innerText); }");
        Assert.Empty(clipped);

        // The picture is taken once no counter is turning (a flip hides its digit while it turns in).
        await page.WaitForFunctionAsync("() => !document.getAnimations().some(a => a.animationName === 'flip-in' && a.playState === 'running')",
            null, new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 50 });
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", file + ".png") });
        await index.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine("screenshots", file + "-index.png") });
        Assert.Empty(errors);
    }

    private static Task<string> AlarmColourAsync(IPage page) =>
        page.EvaluateAsync<string>("() => { const s = document.createElement('span'); s.style.color = 'var(--alarm)'; document.querySelector('.canvas').append(s); const c = getComputedStyle(s).color; s.remove(); return c; }");
}
