using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Layouts;
using CityScreen.Domain.Index;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// What every panel of one wall page reads: the area and its layout, the newest snapshot (for
/// the flip counters, every change) and a throttled one (for charts, every few seconds), the
/// alerts of the subtree, and the feed for children. One per page; panels never subscribe themselves.
/// </summary>
public sealed class WallContext(AreaTree tree, ScreenFeed feed, WallRenderer renderer, CityClock clock, Area area, DashboardLayout layout)
{
    public AreaTree Tree { get; } = tree;
    public WallRenderer Renderer { get; } = renderer;
    public CityClock Clock { get; } = clock;
    public Area Area { get; } = area;
    public DashboardLayout Layout { get; } = layout;

    public IndicatorSnapshot? Snapshot { get; set; }
    public IndicatorSnapshot? ChartSnapshot { get; set; }
    public IReadOnlyList<CaseAlert> Alerts { get; set; } = [];
    /// <summary>Grows whenever the map should be drawn again (children changed, at most every few seconds).</summary>
    public long MapVersion { get; set; }
    public string? IndicatorOverride { get; set; }

    /// <summary>The newest development index of the area (null until the nightly job has computed one), and its recent nights.</summary>
    public CityScreen.Storage.Indices.IndexRecord? Index { get; set; }
    /// <summary>The 实时发展指数 (provisional, from the live figures), refreshed with the charts; null before the first night.</summary>
    public LiveIndex? LiveIndex { get; set; }
    /// <summary>The biggest mover of the index since the night before (null without a night before).</summary>
    public IndexMovers.Mover? IndexMover { get; set; }
    public IReadOnlyList<CityScreen.Storage.Indices.IndexPoint> IndexHistory { get; set; } = [];
    /// <summary>How many areas share the parent of this one, for "rank N of M".</summary>
    public int Siblings { get; set; }
    /// <summary>Whether the viewer may see the siblings, and so the rank among them (a street leader may not).</summary>
    public bool RankVisible { get; set; } = true;
    /// <summary>The breadcrumbs above the area, from the top of the viewer's scope: nothing above it is named.</summary>
    public IReadOnlyList<Area> Crumbs { get; set; } = [];
    /// <summary>The host's samples of yesterday; without them only the reports (from their hourly buckets) compare with yesterday.</summary>
    public SameTimeYesterday? Yesterday { get; set; }
    /// <summary>The development indices of the compared areas on the index's date, for a ranking by index.</summary>
    public IReadOnlyDictionary<string, double> SiblingIndices { get; set; } = new Dictionary<string, double>();

    /// <summary>Canvas pixels per 1080-line unit: fonts scale with the canvas, so a 4K layout is as legible as a 1080 one.</summary>
    public double Unit => Layout.Canvas.Height / 1080.0;

    public IndicatorSnapshot? Latest(string areaId) => feed.Latest(areaId);

    /// <summary>
    /// The areas a ranking or a list compares: the children, or below them while there is only one
    /// (a city of one district compares its streets).
    /// </summary>
    public IReadOnlyList<Area> Compared()
    {
        IReadOnlyList<Area> level = Tree.Children(Area.Id);
        while (level.Count == 1 && Tree.Children(level[0].Id).Count > 0) level = Tree.Children(level[0].Id);
        return level;
    }

    /// <summary>
    /// The indicator's value yesterday at this time: today's reports from the hourly buckets (exact),
    /// every other indicator from the host's quarter-hour samples; a host without a sample of
    /// yesterday (started less than a day ago) takes a rate whose counts the daily rollups keep from
    /// the 30 days that ended yesterday. Null when none of them knows.
    /// </summary>
    public KpiBaseline? YesterdayBaseline(IndicatorDefinition d)
    {
        if (Snapshot is not { } s) return null;
        if (d.Numerator == Counter.ReportedToday) return KpiBaseline.SameTimeYesterday(ReportedYesterdayUpToThisHour(s.Values));
        if (Yesterday?.Yesterday(Area.Id, d, Clock.Now) is { } sample) return KpiBaseline.SameTimeYesterday(sample);
        return Renderer.YesterdayFromRollups(Area.Id, d) is { } rolled ? KpiBaseline.ThirtyDaysToYesterday(rolled) : null;
    }

    private long ReportedYesterdayUpToThisHour(IndicatorValues v)
    {
        var hoursToday = Clock.ToLocal(v.HourAnchor).Hour + 1;
        return v.ReportedHourly.Skip(IndicatorValues.Hours - 24 - hoursToday).Take(hoursToday).Sum();
    }

    public string AreaName(string id) => Tree.TryGet(id, out var a) ? a.Name : id;

    public string Local(DateTimeOffset t, string format) => Clock.ToLocal(t).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>How old the data is, as a panel says it.</summary>
    public string AgeOf(IndicatorSnapshot? s)
    {
        if (s is null) return "等待数据";
        var age = Clock.Now - s.At;
        return age < TimeSpan.FromSeconds(2) ? "实时" : age < TimeSpan.FromMinutes(1) ? $"{age.TotalSeconds:0}秒前" : $"{Local(s.At, "HH:mm:ss")}";
    }
}
