using System.Net;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>The first wall, as the server renders it before the browser connects (prerendering).</summary>
[Collection("host")]
public class WallFacts(HostFixture fixture)
{
    [Fact]
    public async Task The_city_wall_renders_every_panel_of_its_layout()
    {
        using var http = fixture.Host.Client();

        var html = await http.GetStringAsync("/screen");

        Assert.Contains("data-layout=\"city-wall\"", html);
        foreach (var panel in new[] { "title", "clock", "kpis", "ranking", "map", "ticker", "red-yellow", "trend-48h", "trend-30d", "categories", "index" })
            Assert.Contains($"data-panel-id=\"{panel}\"", html);
        Assert.Contains("今日上报", html);
        Assert.Contains("在办案件", html);
        Assert.Contains("data-area-id=\"610602001001\"", html);     // a community on the city's map
        Assert.Contains("近48小时案件趋势", html);
        Assert.Contains("暂无指数", html);    // no night computed on this fresh host yet
        Assert.True(System.Text.RegularExpressions.Regex.Matches(html, "<svg").Count >= 4, "the map and the three charts are drawn");
        // Outside Blazor's markers: their random base64 state may spell NaN by chance.
        Assert.DoesNotContain("NaN", System.Text.RegularExpressions.Regex.Replace(html, "<!--Blazor:.*?-->", "", System.Text.RegularExpressions.RegexOptions.Singleline));
    }

    [Theory]
    [InlineData("/screen?layout=city-wall-4k", "city-wall-4k", "3840")]
    [InlineData("/screen/610602001001", "community", "1920")]
    [InlineData("/screen/610602001001001", "grid", "1920")]
    public async Task Each_area_gets_the_layout_of_its_level_or_the_one_asked_for(string url, string layout, string width)
    {
        using var http = fixture.Host.Client();

        var html = await http.GetStringAsync(url);

        Assert.Contains($"data-layout=\"{layout}\"", html);
        Assert.Contains($"data-canvas-width=\"{width}\"", html);
    }

    [Fact]
    public async Task A_street_wall_shows_its_breadcrumbs_and_an_unknown_area_says_so()
    {
        using var http = fixture.Host.Client();

        var street = await http.GetStringAsync($"/screen/{Street}");
        var unknown = await http.GetStringAsync("/screen/nowhere");

        Assert.Contains("宝塔山街道", street);
        Assert.Contains("href=\"/screen/610602\"", street);
        Assert.Contains("未找到区域", unknown);
    }

    [Fact]
    public async Task The_browser_side_of_the_wall_is_served()
    {
        using var http = fixture.Host.Client();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/_framework/blazor.web.js")).StatusCode);
        var html = await http.GetStringAsync("/screen");
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(js/wall[^\"]*\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/" + script)).StatusCode);
    }
}
