using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Panels;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

/// <summary>The 党建共建 page's own panels: the three-list funnel and the 双报到 board.</summary>
public class CoBuildingPanelsFacts : BunitContext
{
    private readonly WallScene _scene = new();

    private static Dictionary<string, string> Stages(IRenderedComponent<ColistFunnelPanel> panel) =>
        panel.FindAll(".funnel-stage").ToDictionary(s => s.GetAttribute("data-stage")!, s => s.QuerySelector(".funnel-count")!.TextContent);

    [Fact]
    public void Funnel_shows_each_list_in_order_with_its_count_and_the_match_rate()
    {
        _scene.Publish(TestCity.Community, WallScene.Now, 1,
            (Counter.NeedsListed, 40), (Counter.NeedsCovered, 30), (Counter.ResourcesListed, 25),
            (Counter.ProjectsPublishedYear, 20), (Counter.ProjectsClaimedYear, 16), (Counter.ProjectsCompletedYear, 9));

        var panel = Render<ColistFunnelPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Community)));

        Assert.Equal(["需求", "资源", "项目", "认领", "完成"], panel.FindAll(".funnel-label").Select(l => l.TextContent));
        Assert.Equal(new Dictionary<string, string> { ["needs"] = "40", ["resources"] = "25", ["published"] = "20", ["claimed"] = "16", ["completed"] = "9" }, Stages(panel));
        Assert.Equal("75.0%", panel.Find(".funnel-rate-value").TextContent);
        Assert.Contains("30/40", panel.Find(".funnel-rate small").TextContent);
        // The widest stage fills its bar; the others are their share of it.
        Assert.Contains("width:100%", panel.Find("[data-stage=needs] .funnel-bar span").GetAttribute("style"));
        Assert.Contains("width:50%", panel.Find("[data-stage=published] .funnel-bar span").GetAttribute("style"));
    }

    [Fact]
    public void Funnel_without_needs_has_no_match_rate_and_empty_bars()
    {
        _scene.Publish(TestCity.Community, WallScene.Now, 1);

        var panel = Render<ColistFunnelPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Community)));

        Assert.Equal("—", panel.Find(".funnel-rate-value").TextContent);
        Assert.All(panel.FindAll(".funnel-bar span"), b => Assert.Contains("width:0%", b.GetAttribute("style")));
    }

    [Fact]
    public void Funnel_waits_for_data_before_the_first_snapshot()
    {
        var panel = Render<ColistFunnelPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Community)));

        Assert.Equal("等待数据", panel.Find(".panel-empty").TextContent);
    }

    [Fact]
    public void Double_report_on_a_street_heads_with_its_totals_and_lists_its_communities_by_members()
    {
        _scene.Publish(TestCity.Street, WallScene.Now, 1, (Counter.MembersRegistered, 1300), (Counter.UnitsRegistered, 21),
            (Counter.CheckinsToday, 47), (Counter.MembersServing30, 1040), (Counter.MembersExpected, 1300));
        _scene.Publish("1111", WallScene.Now, 1, (Counter.MembersRegistered, 120), (Counter.UnitsRegistered, 9), (Counter.CheckinsToday, 20),
            (Counter.MembersServing30, 90), (Counter.MembersExpected, 120));
        _scene.Publish("1112", WallScene.Now, 1, (Counter.MembersRegistered, 180), (Counter.UnitsRegistered, 12), (Counter.CheckinsToday, 27),
            (Counter.MembersServing30, 150), (Counter.MembersExpected, 180));

        var panel = Render<DoubleReportPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new DoubleReportOptions(5)));

        Assert.Equal(["1,300", "21", "47", "80.0%"], panel.FindAll(".dr-figure b").Select(b => b.TextContent));
        Assert.Equal("社区", panel.FindAll(".double-report-cols span")[1].TextContent);
        Assert.Equal(["社区1112", "社区1111"], panel.FindAll(".double-report li .name").Select(n => n.TextContent));
        Assert.Equal(["180", "12", "27", "83.3%"], panel.FindAll(".double-report li")[0].QuerySelectorAll(".value").Select(v => v.TextContent));
        Assert.DoesNotContain("scrolling", panel.Find("ol.double-report").ClassList);
    }

    [Fact]
    public void Double_report_on_a_community_shows_only_its_totals()
    {
        _scene.Publish(TestCity.Community, WallScene.Now, 1, (Counter.MembersRegistered, 120), (Counter.UnitsRegistered, 9));

        var panel = Render<DoubleReportPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Community)).Add(x => x.Options, new DoubleReportOptions(5)));

        Assert.Equal(["120", "9", "0", "—"], panel.FindAll(".dr-figure b").Select(b => b.TextContent));
        Assert.Empty(panel.FindAll(".double-report li"));
    }

    [Fact]
    public async Task Unit_ranking_orders_units_by_projects_completed_then_mean_rating_with_names_as_registered()
    {
        var values = _scene.Values(WallScene.Now) with
        {
            Units = new()
            {
                ["U1"] = [5, 3, 2, 9],   // claimed, completed, ratings, score sum: 4.5
                ["U2"] = [4, 3, 1, 5],   // the same completions, a better mean: ranked first
                ["U3"] = [2, 0, 0, 0],
            },
            UnitNames = new() { ["U1"] = "延安市人民医院", ["U2"] = "延安大学" },
        };
        await _scene.Feed.OnSnapshotsAsync([new IndicatorSnapshot(TestCity.Street, 1, WallScene.Now, values)]);

        var panel = Render<UnitRankingPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new UnitRankingOptions(6)));

        Assert.Equal(["延安大学", "延安市人民医院", "U3"], panel.FindAll(".ranking.units li .name").Select(n => n.TextContent));
        Assert.Equal(["5.0分1条", "4.5分2条", "—0条"], panel.FindAll(".ranking.units li .rating").Select(n => n.TextContent));
        Assert.Equal(["3", "3", "0"], panel.FindAll(".ranking.units li .completed").Select(n => n.TextContent));
    }

    [Fact]
    public void Unit_ranking_says_so_when_no_unit_claimed_a_project_this_year()
    {
        _scene.Publish(TestCity.Street, WallScene.Now, 1);

        var panel = Render<UnitRankingPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new UnitRankingOptions(6)));

        Assert.Equal("今年暂无认领项目", panel.Find(".panel-empty").TextContent);
    }

    [Fact]
    public async Task Love_points_board_ranks_contributors_by_points_awarded_with_the_masked_names_and_as_many_rows_as_asked()
    {
        var values = _scene.Values(WallScene.Now) with
        {
            LovePoints = new() { ["p1"] = [120, 40], ["p2"] = [1500, 0], ["p3"] = [60, 10], ["p4"] = [5, 0] },
            LovePointNames = new() { ["p1"] = "王*", ["p2"] = "欧阳**", ["p3"] = "李**" },
        };
        await _scene.Feed.OnSnapshotsAsync([new IndicatorSnapshot(TestCity.Street, 1, WallScene.Now, values)]);

        var panel = Render<LovePointsPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new LovePointsOptions(3)));

        Assert.Equal(["欧阳**", "王*", "李**"], panel.FindAll(".love-points li .name").Select(n => n.TextContent));
        Assert.Equal(["1,500", "120", "60"], panel.FindAll(".love-points li .awarded").Select(n => n.TextContent));
        Assert.Equal(["0", "40", "10"], panel.FindAll(".love-points li .redeemed").Select(n => n.TextContent));
    }

    [Fact]
    public void Love_points_board_says_so_when_nobody_earned_points_in_30_days()
    {
        _scene.Publish(TestCity.Street, WallScene.Now, 1);

        var panel = Render<LovePointsPanel>(p => p.Add(x => x.Context, _scene.Context(TestCity.Street)).Add(x => x.Options, new LovePointsOptions(5)));

        Assert.Equal("近30天暂无积分", panel.Find(".panel-empty").TextContent);
    }
}
