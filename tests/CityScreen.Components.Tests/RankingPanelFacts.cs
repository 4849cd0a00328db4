using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Panels;
using CityScreen.Server.Components.Panels;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

public class RankingPanelFacts : BunitContext
{
    private readonly WallScene _scene = new();

    private IRenderedComponent<RankingPanel> Render(string areaId, RankingOptions options, IReadOnlyDictionary<string, double>? indices = null)
    {
        var context = _scene.Context(areaId);
        if (indices is not null) context.SiblingIndices = indices;
        return Render<RankingPanel>(p => p.Add(x => x.Context, context).Add(x => x.Options, options));
    }

    private static List<string> Names(IRenderedComponent<RankingPanel> panel) =>
        panel.FindAll(".ranking li:not([aria-hidden]) .name").Select(a => a.TextContent).ToList();

    [Fact]
    public void Ranks_the_children_by_the_indicator_with_those_without_a_value_last()
    {
        _scene.Publish("11111", WallScene.Now, 1, (Counter.Open, 3));
        _scene.Publish("11112", WallScene.Now, 1, (Counter.Open, 9));

        var panel = Render("1111", new RankingOptions("EV02", RankOrder.Descending, 3, null));

        Assert.Equal(["网格11112", "网格11111", "网格11113"], Names(panel));
        Assert.Equal(["9", "3", "—"], panel.FindAll(".ranking li .value").Select(v => v.TextContent));
    }

    [Fact]
    public void Stands_still_when_every_area_fits()
    {
        var panel = Render("1111", new RankingOptions("EV02", RankOrder.Descending, 3, null));

        var list = panel.Find("ol.ranking");
        Assert.DoesNotContain("scrolling", list.ClassList);
        Assert.Equal(3, panel.FindAll(".ranking li").Count);
    }

    [Fact]
    public void Scrolls_in_a_loop_drawing_the_list_twice_when_longer_than_the_panel()
    {
        // The community has three grids; a board of two rows cannot hold them.
        var panel = Render("1111", new RankingOptions("EV02", RankOrder.Descending, 2, null));

        var list = panel.Find("ol.ranking");
        Assert.Contains("scrolling", list.ClassList);
        Assert.Equal(6, panel.FindAll(".ranking li").Count);
        Assert.Equal(3, panel.FindAll(".ranking li[aria-hidden]").Count);
        Assert.Contains("animation-duration:9s", list.GetAttribute("style"));
    }

    [Fact]
    public void Scrolls_at_the_layout_s_seconds_per_row()
    {
        var panel = Render("1111", new RankingOptions("EV02", RankOrder.Descending, 2, null, SecondsPerRow: 5));

        Assert.Contains("animation-duration:15s", panel.Find("ol.ranking").GetAttribute("style"));
    }

    [Fact]
    public void Ranks_by_the_stored_development_index()
    {
        var panel = Render("1111", new RankingOptions(null, RankOrder.Descending, 3, null, RankBy.Index),
            new Dictionary<string, double> { ["11111"] = 71.25, ["11113"] = 88.5 });

        Assert.Equal(["网格11113", "网格11111", "网格11112"], Names(panel));
        Assert.Equal(["88.5", "71.3", "—"], panel.FindAll(".ranking li .value").Select(v => v.TextContent));
    }

    [Fact]
    public void A_ranking_by_index_says_so_when_there_is_no_index_yet()
    {
        var panel = Render("1111", new RankingOptions(null, RankOrder.Descending, 3, null, RankBy.Index));

        Assert.Contains("暂无指数", panel.Markup);
        Assert.Empty(panel.FindAll(".ranking li"));
    }
}
