using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Wall;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

/// <summary>Which cases pulse on a wall's map: every grid with new reports, major, critical and red cases until handled; bounded.</summary>
public class MapMarkerFacts
{
    private readonly WallScene _scene = new();

    [Fact]
    public void A_grid_whose_reports_grow_pulses_as_new_for_the_configured_minutes()
    {
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-20), 1, (Counter.ReportedToday, 5)); // a baseline, not news
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-2), 2, (Counter.ReportedToday, 7));
        var street = _scene.Tree.Get(TestCity.Street);

        var marker = Assert.Single(_scene.Renderer.Markers(street, TimeSpan.FromMinutes(5)));

        Assert.Equal(MapMarkerKind.NewCase, marker.Kind);
        Assert.Equal($"new:{TestCity.Grid}", marker.Id);
        Assert.Contains("新上报 2 件", marker.Title);
        Assert.Empty(_scene.Renderer.Markers(street, TimeSpan.FromMinutes(1)));
        Assert.Empty(_scene.Renderer.Markers(_scene.Tree.Get("112"), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void A_grid_s_next_case_keeps_its_marker_and_renews_its_ring_placed_on_the_map()
    {
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-20), 1, (Counter.ReportedToday, 5));
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-3), 2, (Counter.ReportedToday, 6));
        var street = _scene.Tree.Get(TestCity.Street);
        var first = Assert.Single(_scene.Renderer.PlacedMarkers(street, "EV02", 800, 600));

        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-1), 3, (Counter.ReportedToday, 7));
        var second = Assert.Single(_scene.Renderer.PlacedMarkers(street, "EV02", 800, 600));

        // The page keeps the marker (same id) and replaces only its ring (a new key), which pulses once.
        Assert.Equal(first.Id, second.Id);
        Assert.True(second.NewsTicks > first.NewsTicks);
        Assert.InRange(second.Left, 0, 100);
        Assert.InRange(second.Top, 0, 100);
    }

    [Fact]
    public void Only_the_newest_grids_of_a_flood_ring_and_the_others_show_their_dot()
    {
        var grids = TestCity.Grids(_scene.Tree);
        foreach (var (grid, i) in grids.Select((g, i) => (g, i)))
        {
            _scene.Publish(grid, WallScene.Now.AddMinutes(-20), 1, (Counter.ReportedToday, 5));
            _scene.Publish(grid, WallScene.Now.AddSeconds(-60 + i), 2, (Counter.ReportedToday, 6));
        }

        var placed = _scene.Renderer.PlacedMarkers(_scene.Tree.Get(TestCity.District), "EV02", 800, 600);

        Assert.Equal(grids.Count, placed.Count);
        Assert.True(grids.Count > WallRenderer.MaxNewCaseRings);
        Assert.Equal(
            grids.TakeLast(WallRenderer.MaxNewCaseRings).Select(g => $"new:{g}").Order(StringComparer.Ordinal),
            placed.Where(m => m.Rings).Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_single_new_case_rings()
    {
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-20), 1, (Counter.ReportedToday, 5));
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-1), 2, (Counter.ReportedToday, 6));

        Assert.True(Assert.Single(_scene.Renderer.PlacedMarkers(_scene.Tree.Get(TestCity.Street), "EV02", 800, 600)).Rings);
    }

    [Fact]
    public void What_the_feed_held_before_the_walls_opened_is_the_baseline()
    {
        var scene = new WallScene();
        // The feed has the grid's snapshot from before the first wall opened; only the renderer's tracker is new.
        scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-20), 1, (Counter.ReportedToday, 5));
        var tracker = new NewCases(scene.Tree, scene.Feed);

        scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-1), 2, (Counter.ReportedToday, 6));

        var fresh = Assert.Single(tracker.Since(WallScene.Now.AddMinutes(-5)));
        Assert.Equal((TestCity.Grid, 1), (fresh.GridId, fresh.Count));
    }

    [Fact]
    public void A_new_day_is_not_news()
    {
        _scene.Publish(TestCity.Grid, WallScene.Now.AddDays(-1), 1, (Counter.ReportedToday, 50));
        _scene.Publish(TestCity.Grid, WallScene.Now.AddMinutes(-1), 2, (Counter.ReportedToday, 1));

        Assert.Empty(_scene.Renderer.Markers(_scene.Tree.Root, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Major_critical_and_red_cases_pulse_at_their_place_or_their_grid()
    {
        _scene.Feed.OnAlertsAsync(
        [
            new CaseAlert(TestCity.Grid, "AJ-1", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddMinutes(-3), AlertReason.Reported, [100.01, 30.01]),
            new CaseAlert(TestCity.OtherGrid, "AJ-2", CaseLevel.Normal, "市容环境", "垃圾满溢", WallScene.Now.AddMinutes(-1), AlertReason.Overdue, null),
            new CaseAlert(TestCity.OtherGrid, "AJ-3", CaseLevel.Major, "道路交通", "路面塌陷", WallScene.Now.AddMinutes(-2), AlertReason.Reported, null),
            new CaseAlert(TestCity.OtherGrid, "AJ-5", CaseLevel.Normal, "市容环境", "吹哨", WallScene.Now.AddMinutes(-1), AlertReason.Whistled, null),
        ]);

        var markers = _scene.Renderer.Markers(_scene.Tree.Root, TimeSpan.FromMinutes(5));

        Assert.Equal(["AJ-1:reported", "AJ-2:overdue", "AJ-3:reported"], markers.Select(m => m.Id));
        Assert.Equal([MapMarkerKind.CriticalCase, MapMarkerKind.RedCase, MapMarkerKind.RedCase], markers.Select(m => m.Kind));
        Assert.Equal((100.01, 30.01), (markers[0].Lon, markers[0].Lat));
        Assert.Equal(_scene.Tree.Get(TestCity.OtherGrid).Center, (markers[1].Lon, markers[1].Lat));
    }

    [Fact]
    public void An_alarm_pulses_until_its_case_is_handled_however_long_that_takes()
    {
        _scene.Feed.OnAlertsAsync(
        [
            new CaseAlert(TestCity.Grid, "AJ-1", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddHours(-5), AlertReason.Reported, null),
            new CaseAlert(TestCity.OtherGrid, "AJ-2", CaseLevel.Normal, "市容环境", "垃圾满溢", WallScene.Now.AddHours(-3), AlertReason.Overdue, null),
        ]);
        _scene.Time.Advance(TimeSpan.FromHours(2));
        Assert.Equal(["AJ-1:reported", "AJ-2:overdue"], _scene.Renderer.Markers(_scene.Tree.Root, TimeSpan.FromMinutes(5)).Select(m => m.Id));

        _scene.Feed.OnAlertsAsync([new CaseAlert(TestCity.Grid, "AJ-1", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddHours(2), AlertReason.Handled, null)]);

        Assert.Equal(["AJ-2:overdue"], _scene.Renderer.Markers(_scene.Tree.Root, TimeSpan.FromMinutes(5)).Select(m => m.Id));
        // The end of an alarm is no news for the ticker.
        Assert.DoesNotContain(_scene.Feed.RecentAlerts, a => a.Reason == AlertReason.Handled);
    }

    [Fact]
    public void A_critical_case_turning_red_stays_one_critical_marker()
    {
        _scene.Feed.OnAlertsAsync(
        [
            new CaseAlert(TestCity.Grid, "AJ-1", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddHours(-5), AlertReason.Reported, null),
            new CaseAlert(TestCity.Grid, "AJ-1", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddMinutes(-1), AlertReason.Overdue, null),
        ]);

        var marker = Assert.Single(_scene.Renderer.Markers(_scene.Tree.Root, TimeSpan.FromMinutes(5)));

        Assert.Equal(("AJ-1:overdue", MapMarkerKind.CriticalCase), (marker.Id, marker.Kind));
    }

    [Fact]
    public void Every_open_alarm_is_placed_on_the_wall_s_map_however_many_are_open()
    {
        var alarms = Enumerable.Range(0, 6)
            .Select(i => new CaseAlert(TestCity.Grid, $"AJ-{i}", CaseLevel.Normal, "市容环境", "垃圾满溢", WallScene.Now.AddMinutes(-30 + i), AlertReason.Overdue, null))
            .Append(new CaseAlert(TestCity.Grid, "AJ-old-critical", CaseLevel.Critical, "安全隐患", "燃气泄漏", WallScene.Now.AddHours(-3), AlertReason.Reported, null));
        _scene.Feed.OnAlertsAsync([.. alarms]);

        var placed = _scene.Renderer.PlacedMarkers(_scene.Tree.Get(TestCity.Street), "EV02", 800, 600);

        Assert.Equal(
            ["AJ-0:overdue", "AJ-1:overdue", "AJ-2:overdue", "AJ-3:overdue", "AJ-4:overdue", "AJ-5:overdue", "AJ-old-critical:reported"],
            placed.Where(m => m.Kind != MapMarkerKind.NewCase).Select(m => m.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_open_alarms_are_bounded_the_oldest_going_first()
    {
        for (var i = 0; i <= OpenAlarms.MaxKept; i++)
            _scene.Alarms.Offer(new CaseAlert(TestCity.Grid, $"AJ-{i}", CaseLevel.Major, "安全隐患", "井盖缺失", WallScene.Now.AddSeconds(i), AlertReason.Reported, null));

        var open = _scene.Alarms.Open();

        Assert.Equal(OpenAlarms.MaxKept, open.Count);
        Assert.DoesNotContain(open, a => a.CaseId == "AJ-0");
    }

    [Fact]
    public void The_list_of_new_cases_is_bounded()
    {
        for (var i = 0; i <= NewCases.MaxKept + 100; i++)
            _scene.NewCases.Offer(new IndicatorSnapshot(TestCity.Grid, i, WallScene.Now, _scene.Values(WallScene.Now, (Counter.ReportedToday, i))));

        Assert.Equal(NewCases.MaxKept, _scene.NewCases.Since(DateTimeOffset.MinValue).Count);
    }
}
