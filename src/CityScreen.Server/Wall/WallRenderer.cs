using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Rendering;
using CityScreen.Rendering.Charts;
using CityScreen.Rendering.Maps;
using CityScreen.Server.Feed;

namespace CityScreen.Server.Wall;

/// <summary>
/// The pictures of the wall, rendered once per change and shared by every screen (rule 6): each
/// is cached under a key and a version derived from exactly what it shows.
/// </summary>
public sealed class WallRenderer(AreaTree tree, ScreenFeed feed, IMapRenderer maps, IChartRenderer charts, RenderCache cache, CityClock clock)
{
    private static readonly TimeSpan MarkerAge = TimeSpan.FromMinutes(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (ulong Hash, long Version)> _versions = new(StringComparer.Ordinal);

    public string Map(Area area, string indicatorId, int width, int height)
    {
        var definition = IndicatorCatalog.Get(indicatorId);
        var (featureAreas, outlineAreas) = MapScope.For(tree, area);
        var features = featureAreas.Select(a =>
        {
            var value = feed.Latest(a.Id) is { } s ? definition.ValueOf(s.Values) : null;
            return new MapFeature(a.Id, a.Name, a.Boundary, value, Format(definition, value));
        }).ToList();
        var markers = Markers(area);
        var key = $"map:{area.Id}:{indicatorId}:{width}x{height}";
        var version = VersionOf(key, Hash(features.Select(f => $"{f.Id}={f.Value:R}").Concat(markers.Select(m => m.Id))));
        return cache.GetOrRender(key, version, () => maps.RenderSvg(new MapRequest(
            features, markers, width, height, ColorScale.Cividis, $"{definition.Name}（{definition.Unit}）", definition.LowerIsBetter,
            Outline: outlineAreas.Select(a => new MapFeature(a.Id, a.Name, a.Boundary, null)).ToList())));
    }

    public string Trend24Hours(IndicatorSnapshot s, int width, int height) =>
        cache.GetOrRender($"trend24:{s.AreaId}:{width}x{height}", s.Version, () =>
        {
            var v = s.Values;
            var first = clock.ToLocal(v.HourAnchor).DateTime.AddHours(-23);
            var times = Enumerable.Range(0, 24).Select(i => first.AddHours(i)).ToList();
            return charts.RenderTrendSvg(new TrendChartRequest("近24小时案件趋势", times,
            [
                new TrendSeries("上报", v.ReportedHourly.TakeLast(24).Select(x => (double)x).ToList(), "#22d3ee"),
                new TrendSeries("结案", v.ClosedHourly.TakeLast(24).Select(x => (double)x).ToList(), "#fbbf24"),
            ], width, height, "HH:mm"));
        });

    public string Categories(IndicatorSnapshot s, int width, int height) =>
        cache.GetOrRender($"categories:{s.AreaId}:{width}x{height}", s.Version, () =>
            charts.RenderCategorySvg(new CategoryChartRequest("近30天案件类别",
                CaseVocabulary.Categories.Select((c, i) => (c, (double)s.Values.Categories30[i])).ToList(), width, height, MaxBars: 8)));

    private List<MapMarker> Markers(Area area)
    {
        var since = clock.Now - MarkerAge;
        return feed.RecentAlerts
            .Where(a => a.At >= since && a.Location is { Length: 2 } && tree.IsInSubtree(a.AreaId, area.Id))
            .Select(a => new MapMarker($"{a.CaseId}:{a.Reason}", a.Location![0], a.Location[1],
                a.Level == "critical" ? MapMarkerKind.CriticalCase : a.Reason == "overdue" ? MapMarkerKind.RedCase : MapMarkerKind.NewCase, a.Title))
            .ToList();
    }

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
