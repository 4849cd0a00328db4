using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Dashboards;
using CityScreen.Dashboards.Catalog;
using CityScreen.Dashboards.Layouts;
using AreaLevel = CityScreen.Areas.AreaLevel;
using CityScreen.Dashboards.Rotations;
using CityScreen.Domain.Time;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The wall: a layout from <c>dashboards/</c> drawn on its design canvas for an area. Flip counters
/// follow every change; charts and the map are drawn again at most every few seconds and only
/// through the shared render cache, so a hundred screens on one area cost one rendering. With
/// <c>?rotation=ID</c> it cycles through the rotation's pages (轮播); a critical case in the area
/// takes the wall over for the rotation's takeover time, then the page resumes.
/// </summary>
public partial class Screen : ComponentBase, IDisposable
{
    private static readonly TimeSpan UiTick = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ChartEvery = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan MapEvery = TimeSpan.FromSeconds(2);
    // New-case markers age out even when nothing else moves on the map.
    private static readonly TimeSpan MarkersAgeEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DefaultTakeover = TimeSpan.FromSeconds(60);

    private readonly List<IDisposable> _watches = [];
    private readonly CancellationTokenSource _stop = new();
    private WallContext? _context;
    private string _problem = "";
    private string _scale = "fit";
    private string _dataAt = "";
    private string? _subscribedTo;
    private DateTime _chartsAt, _mapAt, _pageSince = DateTime.UtcNow;
    private volatile bool _dirty, _mapDirty, _alertsDirty;
    private CaseAlert? _takeover;
    private DateTime _takeoverUntil;
    private WallContext? _beforeTakeover;
    private string _lastSecond = "";

    [Parameter] public string? AreaId { get; set; }
    [SupplyParameterFromQuery(Name = "indicator")] public string? IndicatorQuery { get; set; }
    [SupplyParameterFromQuery(Name = "layout")] public string? LayoutQuery { get; set; }
    [SupplyParameterFromQuery(Name = "scale")] public string? ScaleQuery { get; set; }
    [SupplyParameterFromQuery(Name = "rotation")] public string? RotationQuery { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageQuery { get; set; }

    [Inject] public required ScreenFeed Feed { get; init; }
    [Inject] public required AreaTree Tree { get; init; }
    [Inject] public required WallRenderer Renderer { get; init; }
    [Inject] public required CityClock Clock { get; init; }
    [Inject] public required DashboardCatalog Dashboards { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IConfiguration Configuration { get; init; }
    [Inject] public required CityScreen.Storage.Indices.IIndexStore Indices { get; init; }
    [Inject] public required CityScreen.Domain.Index.IndexModel IndexModel { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentication { get; init; }
    [Inject] public required SameTimeYesterday Yesterday { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        // The viewer's subtree: /screen opens at its top, anything outside answers like an unknown area.
        var scope = _scope = Security.AreaScope.For((await Authentication.GetAuthenticationStateAsync()).User, Tree);
        var rotation = RotationQuery is { } r && Dashboards.TryGetRotation(r, out var found) ? found : null;
        var page = rotation is null ? null : rotation.Pages[Math.Clamp(PageQuery ?? 0, 0, rotation.Pages.Count - 1)];
        var areaId = page?.Area ?? AreaId;
        var area = areaId is null ? scope?.Root : scope?.Contains(areaId) == true && Tree.TryGet(areaId, out var a) ? a : null;
        if (area is null)
        {
            _context = null;
            _problem = $"未找到区域 “{areaId}”。";
            return;
        }
        var layoutId = page?.Layout ?? LayoutQuery ?? LayoutFor(area);
        if (!Dashboards.TryGetLayout(layoutId, out var layout))
        {
            _context = null;
            _problem = $"未找到布局 “{layoutId}”。";
            return;
        }
        _scale = ScaleQuery is "fit" or "fill" or "real" ? ScaleQuery : layout.Scale.ToString().ToLowerInvariant();
        if (_subscribedTo == $"{area.Id}:{layout.Id}" && _context is not null)
        {
            _context.IndicatorOverride = IndicatorQuery;
            _mapDirty = true;
            return;
        }
        _context = await OpenAsync(area, layout);
        _context.IndicatorOverride = IndicatorQuery;
        _subscribedTo = $"{area.Id}:{layout.Id}";
        _pageSince = DateTime.UtcNow;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // Only the interactive instance ticks; the prerendered one is thrown away.
        if (!firstRender) return;
        _ = RunUiLoopAsync(_stop.Token);
        Dashboards.Changed += OnDashboardsChanged;
    }

    /// <summary>An edited layout file shows on open walls without a restart or a reload.</summary>
    private void OnDashboardsChanged(object? sender, DashboardSet set) => _ = InvokeAsync(async () =>
    {
        if (_context is not { } c || !set.TryGetLayout(c.Layout.Id, out var layout) || ReferenceEquals(layout, c.Layout)) return;
        _context = await OpenAsync(c.Area, layout);
        _context.IndicatorOverride = IndicatorQuery;
        StateHasChanged();
    });

    /// <summary>The page of an area's level, unless the URL names one.</summary>
    private static string LayoutFor(Area area) => area.Level switch
    {
        AreaLevel.City or AreaLevel.District => "city-wall",
        AreaLevel.Street => "street",
        AreaLevel.Community => "community",
        _ => "grid",
    };

    private async Task<WallContext> OpenAsync(Area area, DashboardLayout layout)
    {
        Unwatch();
        var context = new WallContext(Tree, Feed, Renderer, Clock, area, layout)
        {
            Yesterday = Yesterday,
            RankVisible = _scope?.SeesRankOf(area.Id) != false,
        };
        var (mapAreas, _) = MapScope.For(Tree, area);
        _watches.Add(Feed.Watch(area.Id, s => { context.Snapshot = s; _dirty = true; }));
        var compared = context.Compared();
        foreach (var child in mapAreas.Concat(compared).DistinctBy(x => x.Id).Where(x => x.Id != area.Id))
            _watches.Add(Feed.Watch(child.Id, _ => _mapDirty = true));
        _watches.Add(Feed.WatchAlerts(alert =>
        {
            if (!Tree.IsInSubtree(alert.AreaId, area.Id)) return;
            _alertsDirty = true;
            // CityScreen:Wall:Takeover=false keeps a wall on its page (a wall that must not switch, or a test).
            if (alert.Level == CaseLevel.Critical && alert.Reason == AlertReason.Reported && Configuration.GetValue("CityScreen:Wall:Takeover", true))
                _takeoverRequest = alert;
        }));

        context.Snapshot = await Feed.GetOrFetchAsync(area.Id, fresh: false);
        await Task.WhenAll(mapAreas.Concat(compared).Where(x => Feed.Latest(x.Id) is null).Select(x => Feed.GetOrFetchAsync(x.Id, fresh: false)));
        context.ChartSnapshot = context.Snapshot;
        await LoadIndexAsync(context);
        context.Alerts = Alerts(area);
        context.MapVersion++;
        _chartsAt = _mapAt = DateTime.UtcNow;
        return context;
    }

    private Security.AreaScope? _scope;
    private volatile CaseAlert? _takeoverRequest;
    private static readonly TimeSpan IndexEvery = TimeSpan.FromMinutes(1);
    private DateTime _indexAt;

    /// <summary>The index changes once a night (or after a recompute): read it at open and once a minute.</summary>
    private async Task LoadIndexAsync(WallContext context)
    {
        _indexAt = DateTime.UtcNow;
        try
        {
            if (await Indices.LastDateAsync(IndexModel.Version) is not { } last) return;
            context.Index = await Indices.ReadAsync(context.Area.Id, last, IndexModel.Version);
            context.IndexHistory = await Indices.HistoryAsync(context.Area.Id, IndexModel.Version, last.AddDays(-29), last);
            context.Siblings = context.Area.ParentId is { } parent ? Tree.Children(parent).Count : 1;
            var values = await Indices.ValuesAsync(last, IndexModel.Version);
            context.SiblingIndices = context.Compared()
                .Where(a => values.TryGetValue(a.Id, out var v) && v is not null)
                .ToDictionary(a => a.Id, a => values[a.Id]!.Value, StringComparer.Ordinal);
        }
        catch (Exception) when (!_stop.IsCancellationRequested)
        {
            // The index is secondary on the wall: without it the panel says 暂无指数.
        }
    }

    private async Task RunUiLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(UiTick);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
                await InvokeAsync(TickAsync);
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between ticks.
        }
    }

    private async Task TickAsync()
    {
        if (_context is null) return;
        var now = DateTime.UtcNow;
        var changed = _dirty || _alertsDirty;
        _dirty = false;
        if (_alertsDirty)
        {
            _alertsDirty = false;
            _context.Alerts = Alerts(_context.Area);
            _mapDirty = true;
        }
        if (_context.Snapshot is { } s && s.Version != _context.ChartSnapshot?.Version && now - _chartsAt >= ChartEvery)
        {
            _context.ChartSnapshot = s;
            _chartsAt = now;
            changed = true;
        }
        if (now - _mapAt >= MarkersAgeEvery) _mapDirty = true;
        if (_mapDirty && now - _mapAt >= MapEvery)
        {
            _mapDirty = false;
            _context.MapVersion++;
            _mapAt = now;
            changed = true;
        }
        if (now - _indexAt >= IndexEvery)
        {
            await LoadIndexAsync(_context);
            changed = true;
        }
        changed |= await TakeOverOrRotateAsync(now);
        _dataAt = _context.Snapshot is { } snap ? Clock.ToLocal(snap.At).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "";
        var second = Clock.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        // Render only when something visible moved: data, a picture, or the clock's second.
        if (changed || second != _lastSecond) StateHasChanged();
        _lastSecond = second;
    }

    private async Task<bool> TakeOverOrRotateAsync(DateTime now)
    {
        var rotation = RotationQuery is { } r && Dashboards.TryGetRotation(r, out var found) ? found : null;
        if (_takeoverRequest is { } alert && _takeover is null && _context is not null)
        {
            _takeoverRequest = null;
            var takeover = rotation?.Takeover;
            var layoutId = takeover?.Layout ?? "grid";
            if (Tree.TryGet(alert.AreaId, out var grid) && Dashboards.TryGetLayout(layoutId, out var layout))
            {
                _beforeTakeover = _context;
                _takeover = alert;
                _takeoverUntil = now + (takeover is null ? DefaultTakeover : TimeSpan.FromSeconds(takeover.Seconds));
                _context = await OpenAsync(grid, layout);
                return true;
            }
        }
        if (_takeover is not null && now >= _takeoverUntil && _beforeTakeover is not null)
        {
            _takeover = null;
            _context = await OpenAsync(_beforeTakeover.Area, _beforeTakeover.Layout);
            _beforeTakeover = null;
            return true;
        }
        if (rotation is not null && _takeover is null && _context is not null)
        {
            var index = Math.Clamp(PageQuery ?? 0, 0, rotation.Pages.Count - 1);
            var dwell = rotation.Pages[index].DwellIn(_context.Layout);
            if (now - _pageSince >= dwell)
            {
                var next = (index + 1) % rotation.Pages.Count;
                Navigation.NavigateTo($"/screen?rotation={Uri.EscapeDataString(rotation.Id)}&page={next}");
            }
        }
        return false;
    }

    private List<CaseAlert> Alerts(Area area) =>
        Feed.RecentAlerts.Where(a => Tree.IsInSubtree(a.AreaId, area.Id)).OrderByDescending(a => a.At).Take(20).ToList();

    private void Unwatch()
    {
        foreach (var w in _watches) w.Dispose();
        _watches.Clear();
    }

    public void Dispose()
    {
        Dashboards.Changed -= OnDashboardsChanged;
        _stop.Cancel();
        _stop.Dispose();
        Unwatch();
    }
}
