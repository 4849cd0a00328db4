using System.Net;
using static CityScreen.Server.Tests.Payloads;

namespace CityScreen.Server.Tests;

/// <summary>The first wall, as the server renders it before the browser connects (prerendering).</summary>
[Collection("host")]
public class WallFacts(HostFixture fixture)
{
    [Fact]
    public async Task The_city_wall_renders_the_map_the_kpis_and_both_charts()
    {
        using var http = fixture.Host.Client();

        var html = await http.GetStringAsync("/screen");

        Assert.Contains("今日上报", html);
        Assert.Contains("在办案件", html);
        Assert.Contains("data-area-id=\"610602001001\"", html);     // a community on the city's map
        Assert.Contains("近24小时案件趋势", html);
        Assert.Contains("近30天案件类别", html);
        Assert.DoesNotContain("NaN", html);
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
