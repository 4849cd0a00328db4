using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;
using Indicator = CityScreen.Domain.Indicators.IndicatorCatalog;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The first live wall: KPIs move on every change of the area; the map and charts are re-rendered
/// at most every few seconds, and only through the shared <see cref="WallRenderer"/> cache, so a
/// hundred screens showing the same area cost one rendering.
/// </summary>
public partial class Screen : ComponentBase, IDisposable
{
    private static readonly TimeSpan UiTick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ChartEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MapEvery = TimeSpan.FromSeconds(2);
    private static readonly string[] MapIndicators = ["EV02", "EV03", "EV08", "SA01", "PM01"];

    private readonly List<IDisposable> _watches = [];
    private readonly CancellationTokenSource _stop = new();
    private Area? _area;
    private List<Area> _crumbs = [];
    private string _indicator = "EV02";
    private IndicatorSnapshot? _snapshot;
    private List<CaseAlert> _alerts = [];
    private MarkupString _mapSvg, _trendSvg, _categorySvg;
    private long _chartsVersion = -1;
    private DateTime _chartsAt, _mapAt;
    private volatile bool _kpiDirty, _mapDirty, _alertsDirty;
    private string _clockText = "", _dataAgeText = "", _dataAt = "";
    private string? _subscribedTo;

    [Parameter] public string? AreaId { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorQuery { get; set; }

    [Inject] public required ScreenFeed Feed { get; init; }
    [Inject] public required AreaTree Tree { get; init; }
    [Inject] public required WallRenderer Renderer { get; init; }
    [Inject] public required CityClock Clock { get; init; }

    private string MapTitle => $"{_area!.Name} · {Indicator.Get(_indicator).Name}分布";

    protected override async Task OnParametersSetAsync()
    {
        _indicator = IndicatorQuery is { } q && Indicator.TryGet(q, out _) ? q : "EV02";
        _area = AreaId is null ? Tree.Root : Tree.TryGet(AreaId, out var a) ? a : null;
        if (_area is null || _subscribedTo == _area.Id)
        {
            _mapDirty = true;
            return;
        }
        Unwatch();
        _subscribedTo = _area.Id;
        _crumbs = Tree.Ancestors(_area.Id).Reverse().ToList();
        var (features, _) = MapScope.For(Tree, _area);
        _watches.Add(Feed.Watch(_area.Id, s => { _snapshot = s; _kpiDirty = true; }));
        foreach (var f in features.Where(f => f.Id != _area.Id))
            _watches.Add(Feed.Watch(f.Id, _ => _mapDirty = true));
        _watches.Add(Feed.WatchAlerts(alert =>
        {
            if (Tree.IsInSubtree(alert.AreaId, _area.Id)) _alertsDirty = true;
        }));

        _snapshot = await Feed.GetOrFetchAsync(_area.Id, fresh: false);
        await Task.WhenAll(features.Where(f => Feed.Latest(f.Id) is null).Select(f => Feed.GetOrFetchAsync(f.Id, fresh: false)));
        RefreshAlerts();
        RenderPictures(force: true);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive instance ticks; the prerendered one is thrown away.
        if (firstRender) _ = RunUiLoopAsync(_stop.Token);
    }

    private async Task RunUiLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(UiTick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(() =>
                {
                    var clockBefore = _clockText;
                    var chartsBefore = _chartsAt;
                    var mapBefore = _mapAt;
                    var changed = _kpiDirty || _alertsDirty;
                    if (_alertsDirty) RefreshAlerts();
                    RenderPictures(force: false);
                    _kpiDirty = false;
                    // Render only when something visible moved: the data, a picture, or the clock's second.
                    if (changed || clockBefore != _clockText || chartsBefore != _chartsAt || mapBefore != _mapAt) StateHasChanged();
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between ticks.
        }
    }

    private void RenderPictures(bool force)
    {
        var now = DateTime.UtcNow;
        var local = Clock.ToLocal(Clock.Now);
        _clockText = local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        if (_area is null || _snapshot is null) return;
        var age = Clock.Now - _snapshot.At;
        _dataAgeText = age < TimeSpan.FromSeconds(1) ? "实时" : age < TimeSpan.FromMinutes(1) ? $"{age.TotalSeconds:0} 秒前" : $"{age.TotalMinutes:0} 分钟前";
        _dataAt = Clock.ToLocal(_snapshot.At).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

        if (force || (_snapshot.Version != _chartsVersion && now - _chartsAt >= ChartEvery))
        {
            _trendSvg = new MarkupString(Renderer.Trend24Hours(_snapshot, 540, 300));
            _categorySvg = new MarkupString(Renderer.Categories(_snapshot, 540, 300));
            _chartsVersion = _snapshot.Version;
            _chartsAt = now;
        }
        if (force || (_mapDirty && now - _mapAt >= MapEvery))
        {
            _mapSvg = new MarkupString(Renderer.Map(_area, _indicator, 880, 840));
            _mapDirty = false;
            _mapAt = now;
        }
    }

    private void RefreshAlerts()
    {
        _alertsDirty = false;
        if (_area is null) return;
        _alerts = Feed.RecentAlerts.Where(a => Tree.IsInSubtree(a.AreaId, _area.Id)).Take(8).ToList();
        _mapDirty = true;
    }

    private string AreaName(string id) => Tree.TryGet(id, out var a) ? a.Name : id;

    private IEnumerable<(string Label, string Value, string? Unit, string? Detail, string? Tone)> Kpis()
    {
        if (_snapshot is null) yield break;
        var v = _snapshot.Values;
        (string, string, string?, string?, string?) Kpi(string id, string? tone = null)
        {
            var d = Indicator.Get(id);
            var value = d.ValueOf(v);
            var text = WallRenderer.Format(d, value);
            var unit = d.Kind == Domain.Indicators.IndicatorKind.Count ? d.Unit : null;
            var detail = d.Denominator is { } den ? $"{v[d.Numerator]:#,0} / {v[den]:#,0}" : null;
            return (d.Name, text, unit, detail, value > 0 ? tone : null);
        }
        yield return Kpi("EV01");
        yield return Kpi("EV02");
        yield return Kpi("EV03", "alarm");
        yield return Kpi("EV04", "warn");
        yield return Kpi("HL01");
        yield return Kpi("PM02");
        yield return Kpi("EV08");
        yield return Kpi("SA01");
        yield return Kpi("WB01");
        yield return Kpi("PM01");
    }

    private void Unwatch()
    {
        foreach (var w in _watches) w.Dispose();
        _watches.Clear();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        Unwatch();
    }
}
