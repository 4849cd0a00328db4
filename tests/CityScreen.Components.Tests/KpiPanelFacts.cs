using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Panels;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

public class KpiPanelFacts : BunitContext
{
    private readonly WallScene _scene = new();

    private IRenderedComponent<KpiPanel> Render(params string[] indicators)
    {
        var context = _scene.Context(TestCity.Street);
        return Render<KpiPanel>(p => p.Add(x => x.Context, context).Add(x => x.Options, new KpiOptions(indicators, 2)));
    }

    [Fact]
    public void A_rate_shows_its_change_since_yesterday_in_percentage_points_beside_the_value()
    {
        _scene.Yesterday.Record(TestCity.Street, WallScene.Now.AddDays(-1), _scene.Values(WallScene.Now.AddDays(-1), (Counter.ClosedOnTime30, 80), (Counter.DueClose30, 100)));
        _scene.Publish(TestCity.Street, WallScene.Now, 1, (Counter.ClosedOnTime30, 90), (Counter.DueClose30, 100));

        var kpi = Render("EV08").Find(".kpi[data-indicator='EV08']");

        Assert.Equal("90.0%", kpi.QuerySelector(".kpi-value .flip")!.TextContent.Trim().Replace(" ", "").Replace("\n", ""));
        var change = kpi.QuerySelector(".kpi-value .kpi-change")!;
        Assert.Equal("▲10.0个百分点", change.TextContent.Trim());
        Assert.Equal("个百分点", change.QuerySelector(".kpi-change-unit")!.TextContent);
        Assert.Contains("better", change.ClassList);
        Assert.Contains("个百分点", change.GetAttribute("title"));
        Assert.Equal("90 / 100", kpi.QuerySelector(".kpi-detail")!.TextContent.Trim());
    }

    [Fact]
    public void A_count_where_lower_is_better_shows_its_rise_as_worse_on_the_detail_line()
    {
        _scene.Yesterday.Record(TestCity.Street, WallScene.Now.AddDays(-1), _scene.Values(WallScene.Now.AddDays(-1), (Counter.Red, 5)));
        _scene.Publish(TestCity.Street, WallScene.Now, 1, (Counter.Red, 8));

        var detail = Render("EV03").Find(".kpi[data-indicator='EV03'] .kpi-detail");

        Assert.StartsWith("较昨日同时", detail.TextContent.Trim());
        var change = detail.QuerySelector(".kpi-change")!;
        Assert.Equal("▲3", change.TextContent.Trim());
        Assert.Contains("worse", change.ClassList);
    }

    [Fact]
    public void Todays_reports_compare_with_yesterdays_hourly_buckets_up_to_the_same_hour()
    {
        // 15:20 local: today has the hours 00–15, so yesterday's 00–15 are the 16 buckets that end 24 hours before the newest.
        var values = _scene.Values(WallScene.Now, (Counter.ReportedToday, 20));
        for (var i = IndicatorValues.Hours - 24 - 16; i < IndicatorValues.Hours - 24; i++) values.ReportedHourly[i] = 1;
        values.ReportedHourly[IndicatorValues.Hours - 24] = 50; // yesterday 16:00, after the same time: not counted
        _scene.Feed.OnSnapshotsAsync([new IndicatorSnapshot(TestCity.Street, 1, WallScene.Now, values)]);

        var change = Render("EV01").Find(".kpi[data-indicator='EV01'] .kpi-detail .kpi-change");

        Assert.Equal("▲4", change.TextContent.Trim());
        Assert.Contains("neutral", change.ClassList);
    }

    [Fact]
    public void Without_a_sample_of_yesterday_a_counter_shows_its_value_and_no_change()
    {
        _scene.Publish(TestCity.Street, WallScene.Now, 1, (Counter.Red, 8), (Counter.ClosedOnTime30, 9), (Counter.DueClose30, 10));

        var panel = Render("EV03", "EV08");

        Assert.Empty(panel.FindAll(".kpi-change"));
        Assert.Equal("8", panel.Find(".kpi[data-indicator='EV03'] .flip").TextContent.Trim());
    }

    [Fact]
    public void Every_character_of_a_value_is_its_own_flip_element()
    {
        _scene.Publish(TestCity.Street, WallScene.Now, 1, (Counter.Open, 12345));

        var flip = Render("EV02").Find(".kpi[data-indicator='EV02'] .flip");

        Assert.Equal(["1", "2", ",", "3", "4", "5"], flip.Children.Select(c => c.TextContent));
        Assert.Equal(["digit", "digit", "sep", "digit", "digit", "digit"], flip.Children.Select(c => c.ClassName));
        Assert.Equal("12,345", flip.GetAttribute("aria-label"));
    }

    [Fact]
    public void A_change_against_the_rolled_up_30_days_does_not_call_itself_yesterday_at_this_time()
    {
        var closedOnTime = CityScreen.Domain.Indicators.IndicatorCatalog.Get("EV08");
        var rolled = CityScreen.Server.Wall.KpiChange.Between(closedOnTime, 0.92, CityScreen.Server.Wall.KpiBaseline.ThirtyDaysToYesterday(0.9))!;
        Assert.Equal("较近30天（至昨日）增加 2.0个百分点", rolled.Title);
        var sampled = CityScreen.Server.Wall.KpiChange.Between(closedOnTime, 0.92, CityScreen.Server.Wall.KpiBaseline.SameTimeYesterday(0.9))!;
        Assert.Equal("较昨日同时增加 2.0个百分点", sampled.Title);
    }
}
