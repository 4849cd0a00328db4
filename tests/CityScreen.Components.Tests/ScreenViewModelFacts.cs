using System.Security.Claims;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Index;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using CityScreen.Testing;
using Microsoft.Extensions.Options;

namespace CityScreen.Components.Tests;

/// <summary>The wall's state without a browser: the clock is moved by hand, the feed is handed snapshots and alerts as the grains would.</summary>
public sealed class ScreenViewModelFacts : IDisposable
{
    private const string Tour = """
        {"schemaVersion": 1, "id": "tour", "title": "轮播",
         "pages": [{"layout": "street", "area": "111", "dwellSeconds": 10}, {"layout": "community", "area": "1111"}, {"layout": "grid", "area": "11111", "dwellSeconds": 5}],
         "takeover": {"seconds": 30, "layout": "grid"}}
        """;

    private static readonly IndexModel IndexModel = ShippedIndexModel.Model;

    /// <summary>A signed-in viewer of the whole city.</summary>
    private static readonly ClaimsPrincipal Viewer = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "wall")], "test"));

    private readonly WallScene _scene = new();
    private readonly WallDashboards _dashboards = new(("tour", Tour));
    private readonly FakeIndexStore _indices = new();
    /// <summary>The live index's own reads (once a minute, for the newest night), apart from the wall's counted here.</summary>
    private readonly FakeIndexStore _liveIndexStore = new();
    private readonly List<IDisposable> _owned = [];

    public ScreenViewModelFacts()
    {
        foreach (var area in _scene.Tree.All) _scene.Publish(area.Id, WallScene.Now, 1);
    }

    [Fact]
    public async Task A_rotation_moves_on_after_each_pages_dwell_and_comes_round()
    {
        var wall = Wall();

        await wall.ShowAsync(new ScreenRequest(null, Rotation: "tour", Page: 0), Viewer);
        Assert.Equal(("111", "street"), Showing(wall));
        Assert.Null((await After(wall, TimeSpan.FromSeconds(9))).NavigateTo);
        Assert.Equal("/screen?rotation=tour&page=1", (await After(wall, TimeSpan.FromSeconds(1))).NavigateTo);

        // The community page has no dwell of its own: its layout's 20 s.
        await wall.ShowAsync(new ScreenRequest(null, Rotation: "tour", Page: 1), Viewer);
        Assert.Equal(("1111", "community"), Showing(wall));
        Assert.Null((await After(wall, TimeSpan.FromSeconds(19))).NavigateTo);
        Assert.Equal("/screen?rotation=tour&page=2", (await After(wall, TimeSpan.FromSeconds(1))).NavigateTo);

        await wall.ShowAsync(new ScreenRequest(null, Rotation: "tour", Page: 2), Viewer);
        Assert.Equal(("11111", "grid"), Showing(wall));
        Assert.Equal("/screen?rotation=tour&page=0", (await After(wall, TimeSpan.FromSeconds(5))).NavigateTo);
    }

    [Fact]
    public async Task A_wall_without_a_rotation_stays_on_its_page()
    {
        var wall = Wall();

        await wall.ShowAsync(new ScreenRequest(TestCity.Street), Viewer);

        Assert.Equal(("111", "street"), Showing(wall));
        Assert.Null((await After(wall, TimeSpan.FromHours(1))).NavigateTo);
    }

    [Fact]
    public async Task A_critical_case_takes_the_wall_over_for_the_takeover_time_then_the_page_resumes()
    {
        var wall = Wall();
        await wall.ShowAsync(new ScreenRequest(null, Rotation: "tour", Page: 0), Viewer);

        await _scene.Feed.OnAlertsAsync([Alert(TestCity.OtherGrid, CaseLevel.Critical)]);
        var tick = await After(wall, TimeSpan.FromSeconds(1));

        Assert.True(tick.Render);
        Assert.Null(tick.NavigateTo);
        Assert.Equal("AJ-11112", wall.Takeover?.CaseId);
        Assert.Equal((TestCity.OtherGrid, "grid"), Showing(wall));

        // Past the page's own dwell: a takeover holds the wall, the rotation waits.
        Assert.Null((await After(wall, TimeSpan.FromSeconds(29))).NavigateTo);
        Assert.NotNull(wall.Takeover);

        var resumed = await After(wall, TimeSpan.FromSeconds(1));
        Assert.True(resumed.Render);
        Assert.Null(wall.Takeover);
        Assert.Equal(("111", "street"), Showing(wall));
    }

    [Fact]
    public async Task Only_a_new_critical_case_inside_the_area_takes_the_wall_over_and_only_when_configured()
    {
        var wall = Wall();
        await wall.ShowAsync(new ScreenRequest(TestCity.Street), Viewer);

        await _scene.Feed.OnAlertsAsync([Alert(TestCity.OtherGrid, CaseLevel.Normal), Alert("11211", CaseLevel.Critical), Alert(TestCity.OtherGrid, CaseLevel.Critical, reason: AlertReason.Overdue)]);
        await After(wall, TimeSpan.FromSeconds(1));
        Assert.Null(wall.Takeover);
        Assert.Equal(("111", "street"), Showing(wall));

        var calm = Wall(new WallOptions { Takeover = false });
        await calm.ShowAsync(new ScreenRequest(TestCity.Street), Viewer);
        await _scene.Feed.OnAlertsAsync([Alert(TestCity.OtherGrid, CaseLevel.Critical)]);
        await After(calm, TimeSpan.FromSeconds(1));
        Assert.Null(calm.Takeover);
        Assert.Contains(calm.Context!.Alerts, a => a.CaseId == "AJ-11112");
    }

    [Fact]
    public async Task The_index_is_read_at_open_and_again_once_a_minute()
    {
        var wall = Wall();
        await wall.ShowAsync(new ScreenRequest(TestCity.Community), Viewer);
        Assert.Null(wall.Context!.Index);
        Assert.Equal(1, _indices.Reads);

        _indices.Store(IndexPanelFacts.Record(TestCity.Community, 78.46, "B", stars: 4, rank: 1, change: -0.34));
        await After(wall, TimeSpan.FromSeconds(59));
        Assert.Null(wall.Context.Index);
        Assert.Equal(1, _indices.Reads);

        var tick = await After(wall, TimeSpan.FromSeconds(1));
        Assert.True(tick.Render);
        Assert.Equal(78.46, wall.Context.Index?.Value);
        Assert.Single(wall.Context.IndexHistory);
        Assert.Equal(2, wall.Context.Siblings);
    }

    [Fact]
    public async Task Charts_follow_a_change_at_most_every_three_seconds()
    {
        var wall = Wall();
        await wall.ShowAsync(new ScreenRequest(TestCity.Street), Viewer);

        var changed = _scene.Publish(TestCity.Street, WallScene.Now, 2);
        var first = await After(wall, TimeSpan.FromSeconds(1));
        Assert.True(first.Render);
        Assert.Same(changed, wall.Context!.Snapshot);
        Assert.NotSame(changed, wall.Context.ChartSnapshot);

        await After(wall, TimeSpan.FromSeconds(2));
        Assert.Same(changed, wall.Context.ChartSnapshot);
    }

    [Fact]
    public async Task An_area_outside_the_viewers_scope_reads_as_unknown()
    {
        var wall = Wall();
        var streetLeader = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Server.Security.CityScreenClaims.Area, TestCity.Street)], "test"));

        await wall.ShowAsync(new ScreenRequest("112"), streetLeader);

        Assert.Null(wall.Context);
        Assert.Contains("未找到区域", wall.Problem);
    }

    private ScreenViewModel Wall(WallOptions? options = null)
    {
        var catalog = _dashboards.Catalog(_scene.Tree);
        var model = new ScreenViewModel(_scene.Feed, _scene.Tree, _scene.Renderer, _scene.Clock, catalog, _indices, IndexModel,
            new LiveIndices(_scene.Tree, _scene.Feed, _liveIndexStore, IndexModel, _scene.Clock), _scene.Yesterday,
            Options.Create(options ?? new WallOptions()), _scene.Time);
        _owned.Add(model);
        _owned.Add(catalog);
        return model;
    }

    private async Task<ScreenTick> After(ScreenViewModel wall, TimeSpan elapsed)
    {
        _scene.Time.Now += elapsed;
        return await wall.TickAsync();
    }

    private static (string Area, string Layout) Showing(ScreenViewModel wall) => (wall.Context!.Area.Id, wall.Context.Layout.Id);

    private CaseAlert Alert(string gridId, CaseLevel level, AlertReason reason = AlertReason.Reported) =>
        new(gridId, $"AJ-{gridId}", level, "安全隐患", "燃气管道泄漏", _scene.Time.Now, reason, null);

    public void Dispose()
    {
        foreach (var d in _owned) d.Dispose();
        _dashboards.Dispose();
    }
}
