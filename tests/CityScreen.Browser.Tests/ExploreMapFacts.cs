using CityScreen.Server.Tests;
using Microsoft.Playwright;

namespace CityScreen.Browser.Tests;

/// <summary>The leaders' map and charts on /explore: hover tooltips, wheel zoom and reset, drag without drilling down, PNG export.</summary>
[Collection("browser")]
public class ExploreMapFacts(BrowserFixture fixture)
{
    private const string Map = "#explore-map svg";

    /// <summary>The centre of an area that the pointer really hits there (areas are not convex), as [x, y, id].</summary>
    private const string HitArea = """
        () => {
          for (const path of document.querySelectorAll("#explore-map svg [data-area-id]")) {
            const r = path.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            const hit = document.elementFromPoint(x, y);
            if (hit && hit.closest("[data-area-id]") === path) return [x, y, path.getAttribute("data-area-id")];
          }
          return null;
        }
        """;

    [Fact]
    public async Task Hovering_an_area_shows_its_name_value_and_counts_and_a_chart_shows_its_nearest_value()
    {
        var page = await fixture.OpenAsync($"/explore/{Payloads.District}");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        var hit = await page.EvaluateAsync<object[]>(HitArea);
        Assert.NotNull(hit);
        var area = page.Locator($"{Map} [data-area-id='{hit[2]}']");
        var name = await area.GetAttributeAsync("data-name");
        var value = await area.GetAttributeAsync("data-value");
        Assert.False(string.IsNullOrEmpty(await area.GetAttributeAsync("data-counts")));
        await page.Mouse.MoveAsync(Convert.ToSingle(hit[0].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToSingle(hit[1].ToString(), System.Globalization.CultureInfo.InvariantCulture));
        var tooltip = page.Locator(".cs-tooltip");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        await Assertions.Expect(tooltip).ToContainTextAsync(name!);
        await Assertions.Expect(tooltip).ToContainTextAsync("数值：" + value);
        await Assertions.Expect(tooltip).ToContainTextAsync("计数：");
        Directory.CreateDirectory("screenshots");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine("screenshots", "explore-map-tooltip.png") });

        // The 30-day chart: the pointer over its right half names a day and both series.
        var chart = page.Locator(".explore-charts .chart").Nth(1).Locator("svg[data-points]");
        // Its picture is replaced when the data moves, so a box read at that moment is none: read it again.
        var box = await CityScreen.Testing.Eventually.FoundAsync(async () => await chart.BoundingBoxAsync(), "the 30-day chart's box");
        await page.Mouse.MoveAsync(box.X + box.Width * 0.8f, box.Y + box.Height * 0.6f);
        await Assertions.Expect(tooltip).ToContainTextAsync("上报：");
        await Assertions.Expect(tooltip).ToContainTextAsync("结案：");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_wheel_zooms_the_map_a_drag_pans_it_without_drilling_down_and_reset_restores_it()
    {
        var page = await fixture.OpenAsync($"/explore/{Payloads.Street}");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        var svg = page.Locator(Map);
        var whole = await svg.GetAttributeAsync("viewBox");

        var box = (await svg.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        await page.Mouse.WheelAsync(0, -400);
        await Assertions.Expect(svg).Not.ToHaveAttributeAsync("viewBox", whole!);
        var zoomed = (await svg.GetAttributeAsync("viewBox"))!.Split(' ').Select(double.Parse).ToArray();
        Assert.True(zoomed[2] < whole!.Split(' ').Select(double.Parse).ToArray()[2], $"zoomed in: {whole} -> {string.Join(' ', zoomed)}");

        // A drag pans and stays on this page (its click does not drill down).
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(box.X + box.Width / 2 + 80, box.Y + box.Height / 2 + 40, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        var panned = (await svg.GetAttributeAsync("viewBox"))!.Split(' ').Select(double.Parse).ToArray();
        Assert.True(panned[0] < zoomed[0], $"panned: {string.Join(' ', zoomed)} -> {string.Join(' ', panned)}");
        Assert.EndsWith($"/explore/{Payloads.Street}", page.Url);

        await page.Locator("#explore-map .map-reset").ClickAsync();
        await Assertions.Expect(svg).ToHaveAttributeAsync("viewBox", whole);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_export_button_downloads_the_map_as_a_png()
    {
        var page = await fixture.OpenAsync($"/explore/{Payloads.Street}");
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("button.export-png").ClickAsync());
        Assert.Equal($"map-{Payloads.Street}.png", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 1000, $"{bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Empty(errors);
    }
}
