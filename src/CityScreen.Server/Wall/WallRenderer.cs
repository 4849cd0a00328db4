using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards.Panels;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Rendering;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// The pictures of the wall, rendered once per change and shared by every screen (docs/architecture.md, rule 6): each
/// is cached under a key and a version derived from exactly what it shows. Without a <see cref="DailyHistory"/>
/// (a scene drawn without a store) the 30-day trends show the live buckets only.
/// </summary>
public sealed class WallRenderer(AreaTree tree, ScreenFeed feed, IMapRenderer maps, IChartRenderer charts, RenderCache cache, CityClock clock, NewCases newCases, OpenAlarms alarms, DailyHistory? history = null)
{
    /// <summary>The markers one map shows at most: the most severe, then the newest.</summary>
    public const int MaxMarkers = 200;

    /// <summary>
    /// The new cases' rings one drawing of the map plays at most: its newest grids'. At a city's
    /// ordinary rates (a report every few seconds) every new case is among them; in a flood (1,000
    /// events/s: some 150 grids with a new case between two redraws) a wall cannot show that many
    /// rings meaningfully, and each moving ring is a layer the browser composites in every frame of
    /// its pulse (docs/performance.md, "One wall's browser"), so the others show their dot alone.
    /// </summary>
    public const int MaxNewCaseRings = 5;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ulong Hash, long Version)> _versions = new(StringComparer.Ordinal);

    /// <summary>The map of <paramref name="area"/>'s children coloured by the indicator, with its case markers unless the wall lays them over it (<see cref="PlacedMarkers"/>).</summary>
    public string Map(Area area, string indicatorId, int width, int height, int newCaseMinutes = MapOptions.DefaultNewCaseMinutes, bool withMarkers = true)
    {
        var (features, outline, definition) = MapFeatures(area, indicatorId);
        var markers = withMarkers ? Markers(area, TimeSpan.FromMinutes(newCaseMinutes)) : [];
        var key = $"map:{area.Id}:{indicatorId}:{width}x{height}:{(withMarkers ? newCaseMinutes : -1)}";
        var version = VersionOf(key, Hash(features.Select(f => $"{f.Id}={f.Value:R}|{f.Counts}").Concat(markers.Select(m => $"{m.Id}|{m.Title}"))));
        return cache.GetOrRender(key, version, () => maps.RenderSvg(MapRequest(features, outline, definition, markers, width, height)));
    }

    /// <summary>
    /// The case markers of the same map where they fall on it, in percent of its width and height,
    /// for the wall's marker layer: elements the page keeps from one update to the next (keyed by
    /// <see cref="WallMarker.Id"/>), so that only a new marker or a new case's ring starts a pulse.
    /// </summary>
    public List<WallMarker> PlacedMarkers(Area area, string indicatorId, int width, int height, int newCaseMinutes = MapOptions.DefaultNewCaseMinutes)
    {
        var (features, outline, definition) = MapFeatures(area, indicatorId);
        var newFor = TimeSpan.FromMinutes(newCaseMinutes);
        var markers = Timed(area, newFor);
        if (markers.Count == 0 || SvgMapRenderer.ViewportFor(MapRequest(features, outline, definition, [], width, height)) is not { } viewport) return [];
        var placed = new List<WallMarker>(markers.Count);
        var ringing = markers.Where(m => m.Marker.Kind == MapMarkerKind.NewCase)
            .OrderByDescending(m => m.At).ThenBy(m => m.Marker.Id, StringComparer.Ordinal)
            .Take(MaxNewCaseRings).Select(m => m.Marker.Id).ToHashSet(StringComparer.Ordinal);
        // Alarms drawn last, over the new cases around them.
        foreach (var (at, m) in markers.OrderBy(m => m.Marker.Kind).ThenBy(m => m.Marker.Id, StringComparer.Ordinal))
        {
            var (x, y) = viewport.ToPixel(m.Lon, m.Lat);
            if (!double.IsFinite(x) || !double.IsFinite(y) || !viewport.Contains(x, y)) continue;
            placed.Add(new WallMarker(m.Id, m.Kind, m.Title, x / width * 100, y / height * 100, at.UtcTicks, ringing.Contains(m.Id)));
        }
        return placed;
    }

    /// <summary>Where the same map puts a longitude and latitude, for layers laid over it (<see cref="SiteLayer"/>); null when it draws nothing.</summary>
    public MapViewport? Viewport(Area area, string indicatorId, int width, int height)
    {
        var (features, outline, definition) = MapFeatures(area, indicatorId);
        return SvgMapRenderer.ViewportFor(MapRequest(features, outline, definition, [], width, height));
    }

    private (List<MapFeature> Features, List<Area> Outline, IndicatorDefinition Definition) MapFeatures(Area area, string indicatorId)
    {
        var definition = IndicatorCatalog.Get(indicatorId);
        var (featureAreas, outlineAreas) = MapScope.For(tree, area);
        var features = featureAreas.Select(a =>
        {
            var snapshot = feed.Latest(a.Id);
            var value = snapshot is { } s ? definition.ValueOf(s.Values) : null;
            return new MapFeature(a.Id, a.Name, a.Boundary, value, Format(definition, value), snapshot is null ? null : Counts(definition, snapshot.Values));
        }).ToList();
        return (features, outlineAreas.ToList(), definition);
    }

    private static MapRequest MapRequest(List<MapFeature> features, List<Area> outline, IndicatorDefinition definition, List<MapMarker> markers, int width, int height) =>
        new(features, markers, width, height, ColorScale.Cividis, $"{definition.Name}（{definition.Unit}）", definition.LowerIsBetter,
            Outline: outline.Select(a => new MapFeature(a.Id, a.Name, a.Boundary, null)).ToList());

    /// <summary>
    /// Reported and/or closed cases per hour over the last 48 hours (from the events), or per day over
    /// the last 30 (the days before the events at hand from the rollups, named in a note); both drawn
    /// as steps, since a curve between counts would show values that never happened.
    /// </summary>
    public string Trend(IndicatorSnapshot s, bool hourly, IReadOnlyList<CaseFlow> flows, string title, int width, int height)
    {
        var days = hourly ? null : history?.Peek(s.AreaId);
        var key = $"trend:{(hourly ? "48h" : "30d")}:{string.Join(',', flows)}:{s.AreaId}:{width}x{height}:{title}" + (hourly ? "" : $":h{history?.Version}");
        return cache.GetOrRender(key, s.Version, () =>
        {
            var v = s.Values;
            var daily = DailyHistory.Fill(v, days);
            List<DateTime> times = hourly
                ? Enumerable.Range(0, IndicatorValues.Hours).Select(i => clock.ToLocal(v.HourAnchor).DateTime.AddHours(i - (IndicatorValues.Hours - 1))).ToList()
                : Enumerable.Range(0, IndicatorValues.Days).Select(i => v.DayAnchor.ToDateTime(TimeOnly.MinValue).AddDays(i - (IndicatorValues.Days - 1))).ToList();
            var series = flows.Select(f => f == CaseFlow.Reported
                ? new TrendSeries("上报", (hourly ? v.ReportedHourly : daily.Reported).Select(x => (double)x).ToList(), "#22d3ee")
                : new TrendSeries("结案", (hourly ? v.ClosedHourly : daily.Closed).Select(x => (double)x).ToList(), "#fbbf24")).ToList();
            var note = daily.FromRollupsUntil is { } until ? $"{until.ToString("MM-dd", CultureInfo.InvariantCulture)}及以前为模拟历史" : null;
            return charts.RenderTrendSvg(new TrendChartRequest(title, times, series, width, height, hourly ? "HH:mm" : "MM-dd", Steps: true, Note: note));
        });
    }

    /// <summary>
    /// A rate over the 30 days that ended yesterday as the daily rollups count it (see
    /// <see cref="DailyHistory.Yesterday"/>); null without a history or when the rollups do not say.
    /// </summary>
    public double? YesterdayFromRollups(string areaId, IndicatorDefinition d) =>
        history is null ? null : DailyHistory.Yesterday(d, history.Peek(areaId));

    public string Categories(IndicatorSnapshot s, bool today, int rows, string title, int width, int height) =>
        cache.GetOrRender($"categories:{(today ? "today" : "30d")}:{rows}:{s.AreaId}:{width}x{height}:{title}", s.Version, () =>
        {
            var counts = today ? s.Values.CategoriesToday : s.Values.Categories30;
            return charts.RenderCategorySvg(new CategoryChartRequest(title,
                CaseVocabulary.Categories.Select((c, i) => (c, (double)counts[i])).ToList(), width, height, MaxBars: rows));
        });

    /// <summary>
    /// Major, critical and red cases until they are handled (<see cref="OpenAlarms"/>; at their reported
    /// location, else their grid's centre), and every grid with cases reported in the last <paramref name="newFor"/>; at most
    /// <see cref="MaxMarkers"/>, the most severe and newest kept.
    /// </summary>
    public List<MapMarker> Markers(Area area, TimeSpan newFor) => [.. Timed(area, newFor).Select(m => m.Marker)];

    /// <summary>The markers with when each was last news: an alarm's time, a grid's newest report.</summary>
    private List<(DateTimeOffset At, MapMarker Marker)> Timed(Area area, TimeSpan newFor)
    {
        var now = clock.Now;
        var open = alarms.Open()
            .Where(a => tree.IsInSubtree(a.AreaId, area.Id))
            .Select(a => (At: a.At, Marker: AlarmMarker(a)));
        var fresh = newCases.Since(now - newFor)
            .Where(c => tree.IsInSubtree(c.GridId, area.Id))
            .GroupBy(c => c.GridId)
            .Select(g => (At: g.Max(c => c.At), Marker: NewCaseMarker(g.Key, g.Sum(c => c.Count), newFor)));
        return [.. open.Concat(fresh)
            .Where(m => m.Marker is not null)
            .OrderByDescending(m => m.Marker!.Kind).ThenByDescending(m => m.At)
            .Take(MaxMarkers)
            .Select(m => (m.At, m.Marker!))];
    }

    private MapMarker? AlarmMarker(CaseAlert a)
    {
        var kind = a.Level == CaseLevel.Critical ? MapMarkerKind.CriticalCase : MapMarkerKind.RedCase;
        if (a.Location is [var lon, var lat]) return new MapMarker($"{a.CaseId}:{a.Reason.ToJsonName()}", lon, lat, kind, a.Title);
        return tree.TryGet(a.AreaId, out var grid) ? new MapMarker($"{a.CaseId}:{a.Reason.ToJsonName()}", grid.Center.Lon, grid.Center.Lat, kind, a.Title) : null;
    }

    private MapMarker? NewCaseMarker(string gridId, int count, TimeSpan within) =>
        tree.TryGet(gridId, out var grid)
            ? new MapMarker($"new:{gridId}", grid.Center.Lon, grid.Center.Lat, MapMarkerKind.NewCase, $"{grid.Name} 近{within.TotalMinutes:0}分钟新上报 {count} 件")
            : null;

    /// <summary>The counters an indicator's value is computed from: "numerator / denominator", or the count alone.</summary>
    public static string Counts(IndicatorDefinition d, IndicatorValues v) => d.Denominator is { } den
        ? $"{v[d.Numerator].ToString("#,0", CultureInfo.InvariantCulture)} / {v[den].ToString("#,0", CultureInfo.InvariantCulture)}"
        : $"{v[d.Numerator].ToString("#,0", CultureInfo.InvariantCulture)} {d.Unit}";

    public static string Format(IndicatorDefinition d, double? value) => value switch
    {
        null => "—",
        { } v when d.Kind == IndicatorKind.Rate => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        { } v when d.Kind == IndicatorKind.Mean => v.ToString("0.0", CultureInfo.InvariantCulture) + d.Unit,
        { } v => v.ToString("#,0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>A version that grows each time the content hash of <paramref name="key"/> changes (the cache keeps the highest).</summary>
    private long VersionOf(string key, ulong contentHash) =>
        _versions.AddOrUpdate(key, _ => (contentHash, 1), (_, known) => known.Hash == contentHash ? known : (contentHash, known.Version + 1)).Version;

    private static ulong Hash(IEnumerable<string> parts)
    {
        // FNV-1a over what the picture shows: equal inputs give the same version in every process.
        var h = 14695981039346656037UL;
        foreach (var part in parts)
            foreach (var ch in part)
            {
                h ^= ch;
                h *= 1099511628211UL;
            }
        return h;
    }
}
