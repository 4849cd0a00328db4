using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Layouts;
using CityScreen.Domain.Time;
using CityScreen.Rendering;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using CityScreen.Testing;

namespace CityScreen.Components.Tests;

/// <summary>
/// The real wall pieces a panel reads — the test city's area tree, the screen feed, the renderer,
/// the city clock at a fixed instant — with snapshots handed to the feed as the grains would.
/// </summary>
internal sealed class WallScene
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 15, 20, 0, TimeSpan.FromHours(8));

    public ManualClock Time { get; } = new(Now);
    public AreaTree Tree { get; } = TestCity.Build();
    public CityClock Clock { get; }
    public ScreenFeed Feed { get; }
    public NewCases NewCases { get; }
    public OpenAlarms Alarms { get; }
    public WallRenderer Renderer { get; }
    public SameTimeYesterday Yesterday { get; }

    public WallScene()
    {
        Clock = new CityClock(Time, CityClock.FindZone(CityClock.DefaultZone));
        // Panels read what the feed already holds; nothing here asks a grain.
        Feed = new ScreenFeed(Tree, null!);
        NewCases = new NewCases(Tree, Feed);
        Alarms = new OpenAlarms(Feed);
        Renderer = new WallRenderer(Tree, Feed, new SvgMapRenderer(), new ScottPlotChartRenderer(), new RenderCache(), Clock, NewCases, Alarms);
        Yesterday = new SameTimeYesterday(Tree, Feed, Clock);
    }

    public WallContext Context(string areaId, params Panel[] panels)
    {
        var layout = new DashboardLayout("test", "测试大屏", new CanvasSize(1920, 1080), ScaleMode.Fit, "$current", 30, panels);
        return new WallContext(Tree, Feed, Renderer, Clock, Tree.Get(areaId), layout)
        {
            Yesterday = Yesterday,
            Snapshot = Feed.Latest(areaId),
        };
    }

    /// <summary>Hands the feed a snapshot of <paramref name="areaId"/> taken at <paramref name="at"/> with the given counters.</summary>
    public IndicatorSnapshot Publish(string areaId, DateTimeOffset at, long version, params (Counter Counter, long Value)[] counters)
    {
        var s = new IndicatorSnapshot(areaId, version, at, Values(at, counters));
        Feed.OnSnapshotsAsync([s]).GetAwaiter().GetResult();
        return s;
    }

    public IndicatorValues Values(DateTimeOffset at, params (Counter Counter, long Value)[] counters)
    {
        var values = new long[Enum.GetValues<Counter>().Length];
        foreach (var (c, v) in counters) values[(int)c] = v;
        return new IndicatorValues
        {
            Counters = values,
            HourAnchor = CityClock.HourStart(at),
            DayAnchor = Clock.LocalDate(at),
            ReportedHourly = new int[IndicatorValues.Hours],
            ClosedHourly = new int[IndicatorValues.Hours],
            ReportedDaily = new int[IndicatorValues.Days],
            ClosedDaily = new int[IndicatorValues.Days],
            CategoriesToday = new int[CaseVocabulary.Categories.Count],
            Categories30 = new int[CaseVocabulary.Categories.Count],
        };
    }
}
