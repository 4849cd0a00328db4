using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

public class TickerPanelFacts : BunitContext
{
    private readonly WallScene _scene = new();

    [Fact]
    public void Lists_the_newest_cases_with_their_kind_time_title_and_grid_up_to_its_rows()
    {
        var context = _scene.Context(TestCity.Street);
        context.Alerts =
        [
            new CaseAlert(TestCity.Grid, "AJ-3", CaseLevel.Normal, "市容环境", "垃圾满溢超期", WallScene.Now.AddMinutes(-1), AlertReason.Overdue, null),
            new CaseAlert(TestCity.Grid, "AJ-2", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddMinutes(-5), AlertReason.Reported, null),
            new CaseAlert(TestCity.OtherGrid, "AJ-1", CaseLevel.Major, "道路交通", "路面塌陷", WallScene.Now.AddMinutes(-9), AlertReason.Reported, null),
        ];

        var rows = Render<TickerPanel>(p => p.Add(x => x.Context, context).Add(x => x.Rows, 2)).FindAll(".ticker li");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["超期", "重大"], rows.Select(r => r.QuerySelector(".tag")!.TextContent));
        Assert.Equal("15:19", rows[0].QuerySelector(".t")!.TextContent);
        Assert.Equal("燃气泄漏", rows[1].QuerySelector(".title")!.TextContent);
        Assert.Equal("网格11111", rows[1].QuerySelector(".where")!.TextContent);
    }

    [Fact]
    public void Says_so_when_nothing_is_alarming()
    {
        var context = _scene.Context(TestCity.Street);

        var panel = Render<TickerPanel>(p => p.Add(x => x.Context, context));

        Assert.Equal("暂无告警", panel.Find(".ticker li.quiet").TextContent);
    }

    [Fact]
    public void Shows_a_whistle_with_its_own_badge()
    {
        var context = _scene.Context(TestCity.Street);
        context.Alerts = [new CaseAlert(TestCity.Grid, "AJ-4", CaseLevel.Normal, "市政设施", "井盖缺失", WallScene.Now.AddMinutes(-1), AlertReason.Whistled, null)];

        var row = Render<TickerPanel>(p => p.Add(x => x.Context, context)).Find(".ticker li");

        Assert.Equal("吹哨", row.QuerySelector(".tag")!.TextContent);
        Assert.Contains("whistled", row.ClassList);
    }
}
