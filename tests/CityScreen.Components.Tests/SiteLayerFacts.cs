using CityScreen.Domain.CoBuilding;
using CityScreen.Server.Wall;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

/// <summary>The service sites over the wall's map: one marker per site of the area, pulsing only just after it served people.</summary>
public class SiteLayerFacts
{
    private readonly WallScene _scene = new();

    private SiteLayer Layer()
    {
        var community = _scene.Tree.Get(TestCity.Community);
        var other = _scene.Tree.Get("1121");
        return new SiteLayer(_scene.Tree, _scene.Feed, new ServiceSiteDirectory(
        [
            new ServiceSite("s-centre", "一号社区党群服务中心", "党群服务中心", community.Id, community.Center.Lon, community.Center.Lat),
            new ServiceSite("s-rest", "一号红色驿站", "红色驿站", community.Id, community.Center.Lon + 0.0001, community.Center.Lat),
            new ServiceSite("s-elsewhere", "别处帮办站", "帮办站", other.Id, other.Center.Lon, other.Center.Lat),
        ]), _scene.Clock);
    }

    [Fact]
    public async Task A_site_that_reported_people_served_in_the_last_two_minutes_pulses_and_one_of_earlier_does_not()
    {
        var values = _scene.Values(WallScene.Now) with
        {
            SitesServedAt = new() { ["s-centre"] = WallScene.Now.AddSeconds(-30), ["s-rest"] = WallScene.Now.AddMinutes(-10) },
        };
        await _scene.Feed.OnSnapshotsAsync([new(TestCity.Community, 1, WallScene.Now, values)]);
        var area = _scene.Tree.Get(TestCity.Community);

        var html = Layer().Render(area, _scene.Renderer.Viewport(area, "PM01", 440, 360));

        Assert.Contains("class=\"site site-centre serving\" data-site-id=\"s-centre\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site site-rest\" data-site-id=\"s-rest\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("s-elsewhere", html, StringComparison.Ordinal);
        Assert.Contains("title=\"一号社区党群服务中心（党群服务中心）\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_with_nothing_to_draw_has_no_site_layer() =>
        Assert.Equal("", Layer().Render(_scene.Tree.Get(TestCity.Community), null));
}
