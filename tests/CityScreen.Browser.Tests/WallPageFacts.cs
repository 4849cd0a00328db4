using System.Text;
using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

[Collection("browser")]
public class WallPageFacts(BrowserFixture fixture)
{
    [Theory]
    [InlineData("/screen", "city-wall", 1920, 1080, 13)]
    [InlineData("/screen?layout=city-wall-4k", "city-wall-4k", 3840, 2160, 13)]
    [InlineData("/screen/610602001", "street", 1920, 1080, 13)]
    [InlineData("/screen/610602001001", "community", 1920, 1080, 11)]
    [InlineData("/screen/610602001001001", "grid", 1920, 1080, 10)]
    public async Task Every_panel_of_every_layout_renders_with_data(string path, string layout, int width, int height, int panels)
    {
        var page = await fixture.OpenAsync(path, width, height);

        Assert.Equal(layout, await page.GetAttributeAsync(".canvas", "data-layout"));
        var bodies = await page.QuerySelectorAllAsync("[data-panel-id]");
        Assert.Equal(panels, bodies.Count);
        foreach (var panel in bodies)
        {
            var id = await panel.GetAttributeAsync("data-panel-id");
            var text = (await panel.InnerTextAsync()).Trim();
            var pictures = await panel.QuerySelectorAllAsync("svg");
            Assert.True(text.Length > 0 || pictures.Count > 0, $"panel {id} of {layout} is empty");
            Assert.DoesNotContain("NaN", text);
            Assert.DoesNotContain("等待数据", text);
        }
        var box = await page.Locator(".canvas").BoundingBoxAsync();
        Assert.InRange(box!.Width, width - 2, width + 2);     // fit: the canvas fills the viewport exactly
    }

    [Fact]
    public async Task A_posted_event_moves_the_flip_counter_on_the_page()
    {
        const string grid = "610602005003002";
        var page = await fixture.OpenAsync($"/screen/{grid}");
        var counter = page.Locator("[data-panel-id] .kpi[data-indicator='EV01'] .kpi-value").First;
        // A counter that moved less than FlipQuiet ago changes without the flip (by design): wait until
        // it has been still that long since the page filled in, bounded.
        await page.WaitForFunctionAsync("""
            e => { const l = e.querySelector('.flip').getAttribute('aria-label'), t = performance.now();
                   if (window.__seen !== l) { window.__seen = l; window.__since = t; } return t - window.__since > 2000; }
            """, await counter.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 30_000, PollingInterval = 100 });
        // Note which character each digit element shows, in the same turn as the text: the simulator may move the counter any time.
        // And the first digit element that comes in, with its animation as it arrives: a second change soon
        // after (another event of the grid) rightly replaces its characters without the flip.
        var before = await counter.EvaluateAsync<string>("""
            e => { e.querySelectorAll('.digit').forEach(d => d.dataset.was = d.textContent);
                   window.__firstIn = null;
                   new MutationObserver(records => { for (const r of records) for (const n of r.addedNodes)
                       if (!window.__firstIn && n.classList?.contains('digit')) window.__firstIn = getComputedStyle(n).animationName; })
                       .observe(e, { subtree: true, childList: true });
                   return e.querySelector('.flip').getAttribute('aria-label'); }
            """);

        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", ServerProcess.ApiKey);
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz");
        var body = $$"""{"id":"browser-1","type":"case.reported","occurredAt":"{{now}}","gridId":"{{grid}}","source":"test","caseId":"AJ-browser-1","kind":"event","category":"市容环境","level":"normal","title":"浏览器测试"}""";
        (await http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();

        await Assertions.Expect(counter.Locator(".flip")).Not.ToHaveAttributeAsync("aria-label", before, new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });

        // Only a changed character is a new element (which flips in); an element kept never shows another character.
        var digits = await counter.EvaluateAsync<string[][]>("e => [...e.querySelectorAll('.digit')].map(d => [d.dataset.was ?? '', d.textContent, getComputedStyle(d).animationName])");
        Assert.All(digits.Where(d => d[0] != ""), d => Assert.Equal(d[0], d[1]));
        var turned = digits.FirstOrDefault(d => d[0] == "");
        Assert.True(turned is not null, $"no digit element was replaced: {before} -> {await counter.InnerHTMLAsync()}");
        Assert.Equal("flip-in", await page.EvaluateAsync<string>("() => window.__firstIn"));
    }

    [Fact]
    public async Task Clicking_an_area_on_the_map_drills_down()
    {
        var page = await fixture.OpenAsync("/screen");

        await page.Locator("#wall-map [data-area-id='610602001001']").ClickAsync();

        await page.WaitForURLAsync("**/screen/610602001001", new PageWaitForURLOptions { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".crumbs")).ToContainTextAsync("宝塔山街道");
        Assert.Equal("community", await page.GetAttributeAsync(".canvas", "data-layout"));
    }

    [Fact]
    public async Task The_map_s_png_export_button_downloads_a_png()
    {
        var page = await fixture.OpenAsync("/explore/610602001");

        // The page's Content-Security-Policy refuses inline handlers: the button works only when wall.js binds it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button[data-export-png]").ClickAsync(),
            new PageRunAndWaitForDownloadOptions { Timeout = 15_000 });

        Assert.Equal("map-610602001.png", download.SuggestedFilename);
        var path = await download.PathAsync();
        var header = new byte[8];
        await using (var file = File.OpenRead(path)) await file.ReadExactlyAsync(header);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
    }
}
