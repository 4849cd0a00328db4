using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Panels;
using CityScreen.Domain.Departments;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CityScreen.Components.Tests;

/// <summary>The 部门报到 board and the whistle board, drawn from the area's snapshot alone.</summary>
public class DepartmentPanelsFacts : BunitContext
{
    private readonly WallScene _scene = new();

    public DepartmentPanelsFacts()
    {
        Services.AddSingleton(new DepartmentDirectory(
        [
            new Department("D-CG", "宝塔区城市管理执法局", "执法", Department.DistrictLevel, [TestCity.Street], "城管执法局"),
            new Department("D-SW", "宝塔区水务局", "水务", Department.DistrictLevel, [TestCity.Street], "水务局"),
            // No 简称: the board shows the full name.
            new Department("D-PS", "派出所", "公安", Department.StreetLevel, [TestCity.Street]),
        ]));
    }

    private static long[] Counters(params (DepartmentCounter Counter, long Value)[] values)
    {
        var counters = new long[Enum.GetValues<DepartmentCounter>().Length];
        foreach (var (c, v) in values) counters[(int)c] = v;
        return counters;
    }

    private void PublishStreet(Dictionary<string, long[]> departments, OpenWhistle[] whistles)
    {
        var values = _scene.Values(WallScene.Now) with { Departments = departments, OpenWhistles = whistles };
        _scene.Feed.OnSnapshotsAsync([new IndicatorSnapshot(TestCity.Street, 1, WallScene.Now, values)]).GetAwaiter().GetResult();
    }

    private static OpenWhistle Whistle(string caseId, int minutesAgo, int limit, string[] pending, string[] arrived) =>
        new(caseId, TestCity.Grid, "井盖缺失", WallScene.Now.AddMinutes(-minutesAgo), limit, pending, arrived);

    [Fact]
    public void Departments_are_ranked_by_on_time_arrival_with_their_counts_and_those_without_a_rate_last()
    {
        PublishStreet(new()
        {
            ["D-CG"] = Counters((DepartmentCounter.Summoned30, 4), (DepartmentCounter.SummonsDecided30, 4), (DepartmentCounter.ArrivedOnTime30, 2),
                (DepartmentCounter.Handled30, 4), (DepartmentCounter.Resolved30, 4)),
            ["D-SW"] = Counters((DepartmentCounter.Summoned30, 3), (DepartmentCounter.SummonsDecided30, 3), (DepartmentCounter.ArrivedOnTime30, 3)),
            ["D-PS"] = Counters((DepartmentCounter.Summoned30, 1)),
        }, []);

        var panel = Render<DepartmentsPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new DepartmentsOptions(5, DepartmentRankBy.OnTime)));

        var rows = panel.FindAll(".ranking li:not([aria-hidden])");
        Assert.Equal(["水务局", "城管执法局", "派出所"], rows.Select(r => r.QuerySelector(".name")!.TextContent));
        Assert.Equal("100%3/3", rows[0].QuerySelector(".on-time")!.TextContent);
        Assert.Equal("50%2/4", rows[1].QuerySelector(".on-time")!.TextContent);
        Assert.Equal("100%4/4", rows[1].QuerySelector(".resolved")!.TextContent);
        Assert.Equal("—0/0", rows[2].QuerySelector(".on-time")!.TextContent);
    }

    [Fact]
    public void Departments_ranked_by_resolution_put_the_one_that_closed_its_cases_first()
    {
        PublishStreet(new()
        {
            ["D-CG"] = Counters((DepartmentCounter.Handled30, 4), (DepartmentCounter.Resolved30, 4)),
            ["D-SW"] = Counters((DepartmentCounter.SummonsDecided30, 3), (DepartmentCounter.ArrivedOnTime30, 3), (DepartmentCounter.Handled30, 2), (DepartmentCounter.Resolved30, 1)),
        }, []);

        var panel = Render<DepartmentsPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new DepartmentsOptions(5, DepartmentRankBy.Resolved)));

        Assert.Equal(["城管执法局", "水务局"], panel.FindAll(".ranking li .name").Select(n => n.TextContent));
    }

    [Fact]
    public void The_whistle_board_lists_the_departments_still_not_there_and_those_arrived()
    {
        PublishStreet([], [Whistle("AJ-9", 12, 30, ["D-CG", "D-SW"], ["D-PS"])]);

        var panel = Render<WhistlesPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new WhistlesOptions(3)));

        var whistle = panel.Find("li.whistle[data-case='AJ-9']");
        Assert.Equal(["城管执法局", "水务局"], whistle.QuerySelectorAll(".dept.pending").Select(d => d.TextContent));
        Assert.Equal(["✓ 派出所"], whistle.QuerySelectorAll(".dept.arrived").Select(d => d.TextContent));
        Assert.Equal("12/30 分钟", whistle.QuerySelector(".waited")!.TextContent);
        Assert.DoesNotContain("late", whistle.ClassList);
    }

    [Fact]
    public void A_whistle_turns_red_once_the_wall_clock_passes_its_limit_with_a_department_pending()
    {
        PublishStreet([], [Whistle("AJ-9", 12, 30, ["D-CG"], [])]);
        var context = _scene.Context(TestCity.Street);
        var panel = Render<WhistlesPanel>(p => p.Add(x => x.Context, context).Add(x => x.Options, new WhistlesOptions(3)));

        _scene.Time.Advance(TimeSpan.FromMinutes(19));
        panel.Render();

        var whistle = panel.Find("li.whistle[data-case='AJ-9']");
        Assert.Contains("late", whistle.ClassList);
        Assert.Equal("31/30 分钟", whistle.QuerySelector(".waited")!.TextContent);
    }

    [Fact]
    public void The_whistle_board_scrolls_when_more_whistles_are_open_than_fit()
    {
        PublishStreet([], [Whistle("AJ-3", 1, 30, ["D-CG"], []), Whistle("AJ-2", 2, 30, ["D-SW"], []), Whistle("AJ-1", 3, 30, ["D-PS"], [])]);

        var panel = Render<WhistlesPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new WhistlesOptions(2)));

        Assert.Contains("scrolling", panel.Find("ol.whistles").ClassList);
        Assert.Equal(6, panel.FindAll("li.whistle").Count);
    }
}
