using System.Globalization;
using System.Security.Claims;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Contracts.Events;
using CityScreen.Dashboards.Catalog;
using CityScreen.Dashboards.Layouts;
using AreaLevel = CityScreen.Areas.AreaLevel;
using CityScreen.Dashboards.Rotations;
using CityScreen.Domain.Index;
using CityScreen.Domain.Time;
using CityScreen.Server.Feed;
using CityScreen.Server.Security;
using CityScreen.Storage.Indices;
using Microsoft.Extensions.Options;

namespace CityScreen.Server.Wall;

/// <summary>
/// The state of one wall page (<c>/screen</c>): which area and layout it shows, its subscriptions to
/// the feed, the throttled redraws of charts and map, the nightly index read once a minute, the
/// rotation through a rotation's pages (轮播) and the takeover by a critical case, which ends after
/// the rotation's takeover time and resumes the page. The page calls <see cref="TickAsync"/> on its
/// UI timer and draws when told; all time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class ScreenViewModel(
    ScreenFeed feed,
    AreaTree tree,
    WallRenderer renderer,
    CityClock clock,
    DashboardCatalog dashboards,
    IIndexStore indices,
    IndexModel indexModel,
    LiveIndices liveIndices,
    SameTimeYesterday yesterday,
    IOptions<WallOptions> options,
    TimeProvider time) : IDisposable
{
    public static readonly TimeSpan ChartEvery = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MapEvery = TimeSpan.FromSeconds(2);
    /// <summary>New-case markers age out even when nothing else moves on the map.</summary>
    public static readonly TimeSpan MarkersAgeEvery = TimeSpan.FromSeconds(30);
    /// <summary>The index changes once a night (or after a recompute): read at open and once a minute.</summary>
    public static readonly TimeSpan IndexEvery = TimeSpan.FromMinutes(1);
    /// <summary>How long a critical case holds a wall without a rotation (a rotation names its own time).</summary>
    public static readonly TimeSpan DefaultTakeover = TimeSpan.FromSeconds(60);
    public const string TakeoverLayout = "grid";

    private readonly List<IDisposable> _watches = [];
    private readonly CancellationTokenSource _closed = new();
    private ScreenRequest _request = new(null);
    private AreaScope? _scope;
    private string? _showing;
    private DateTimeOffset _chartsAt, _mapAt, _indexAt, _pageSince;
    private volatile bool _dirty, _mapDirty, _alertsDirty;
    private volatile CaseAlert? _takeoverRequest;
    private DateTimeOffset _takeoverUntil;
    private WallContext? _beforeTakeover;
    private long _lastSecond;

    /// <summary>What the panels read; null when the area or the layout asked for does not exist (see <see cref="Problem"/>).</summary>
    public WallContext? Context { get; private set; }

    /// <summary>Why there is no <see cref="Context"/>, in the wall's words.</summary>
    public string Problem { get; private set; } = "";

    /// <summary><c>fit</c>, <c>fill</c> or <c>real</c>: the URL's, else the layout's.</summary>
    public string Scale { get; private set; } = "fit";

    /// <summary>The local time of the shown snapshot (hh:mm:ss), for the wall's "stale since" mark.</summary>
    public string DataAt { get; private set; } = "";

    /// <summary>The critical case holding the wall, if one does.</summary>
    public CaseAlert? Takeover { get; private set; }

    /// <summary>Shows what the URL asks for within the viewer's subtree: <c>/screen</c> opens at its top, anything outside answers like an unknown area.</summary>
    public async Task ShowAsync(ScreenRequest request, ClaimsPrincipal viewer)
    {
        _request = request;
        var scope = _scope = AreaScope.For(viewer, tree);
        var rotation = Rotation();
        var page = rotation is null ? null : rotation.Pages[PageIndex(rotation)];
        var areaId = page?.Area ?? request.AreaId;
        var area = areaId is null ? scope?.Root : scope?.Contains(areaId) == true && tree.TryGet(areaId, out var a) ? a : null;
        if (area is null)
        {
            Context = null;
            Problem = $"未找到区域 “{areaId}”。";
            return;
        }
        var layoutId = page?.Layout ?? request.Layout ?? LayoutFor(area);
        if (!dashboards.TryGetLayout(layoutId, out var layout))
        {
            Context = null;
            Problem = $"未找到布局 “{layoutId}”。";
            return;
        }
        Scale = request.Scale is "fit" or "fill" or "real" ? request.Scale : layout.Scale.ToString().ToLowerInvariant();
        if (_showing == $"{area.Id}:{layout.Id}" && Context is not null)
        {
            Context.IndicatorOverride = request.Indicator;
            _mapDirty = true;
            return;
        }
        Context = await OpenAsync(area, layout);
        Context.IndicatorOverride = request.Indicator;
        _showing = $"{area.Id}:{layout.Id}";
        _pageSince = time.GetUtcNow();
    }

    /// <summary>An edited layout file shows on open walls without a restart or a reload; true when this wall's changed.</summary>
    public async Task<bool> ReloadAsync(DashboardSet set)
    {
        if (Context is not { } c || !set.TryGetLayout(c.Layout.Id, out var layout) || ReferenceEquals(layout, c.Layout)) return false;
        Context = await OpenAsync(c.Area, layout);
        Context.IndicatorOverride = _request.Indicator;
        return true;
    }

    /// <summary>Takes in what the feed said since the last tick, and says whether the page should draw again.</summary>
    public async Task<ScreenTick> TickAsync()
    {
        if (Context is null) return new ScreenTick(false);
        var now = time.GetUtcNow();
        var changed = _dirty || _alertsDirty;
        _dirty = false;
        if (_alertsDirty)
        {
            _alertsDirty = false;
            Context.Alerts = Alerts(Context.Area);
            _mapDirty = true;
        }
        if (Context.Snapshot is { } s && s.Version != Context.ChartSnapshot?.Version && now - _chartsAt >= ChartEvery)
        {
            Context.ChartSnapshot = s;
            _chartsAt = now;
            changed = true;
        }
        if (now - _mapAt >= MarkersAgeEvery) _mapDirty = true;
        if (_mapDirty && now - _mapAt >= MapEvery)
        {
            _mapDirty = false;
            Context.MapVersion++;
            _mapAt = now;
            changed = true;
        }
        if (now - _indexAt >= IndexEvery)
        {
            await LoadIndexAsync(Context);
            changed = true;
        }
        // The live index follows the charts' snapshot (LiveIndices scores an area at most once a second).
        if (Context.ChartSnapshot is { } shown && Context.LiveIndex?.At != shown.At)
            changed |= await LoadLiveIndexAsync(Context);
        var tookOver = await TakeOverAsync(now);
        var next = tookOver ? null : NextRotationPage(now);
        changed |= tookOver;
        DataAt = Context.Snapshot is { } snap ? clock.ToLocal(snap.At).ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "";
        // Draw only when something visible moved: data, a picture, or the clock's second.
        var second = clock.Now.ToUnixTimeSeconds();
        var render = changed || second != _lastSecond;
        _lastSecond = second;
        return new ScreenTick(render, next);
    }

    /// <summary>What the wall shows now, for its heartbeat to the fleet view (<see cref="WallBeacon"/>).</summary>
    public WallShown Shown()
    {
        var rotation = Rotation();
        return new WallShown(Context?.Area.Id, Context?.Area.Name, Context?.Layout.Id, rotation?.Id,
            rotation is null ? null : PageIndex(rotation), rotation?.Pages.Count, Scale, Context?.Snapshot?.At);
    }

    /// <summary>
    /// Where a fleet view's "show page" takes this wall: a page of its rotation by index, or, on a
    /// wall without one, a layout at its area; null when the wall has no such page. The URL's scale stays.
    /// </summary>
    public string? PageUrl(int? page, string? layout)
    {
        var scale = _request.Scale is { } s ? $"&scale={Uri.EscapeDataString(s)}" : "";
        if (Rotation() is { } rotation)
            return page is { } index && index >= 0 && index < rotation.Pages.Count ? $"/screen?rotation={Uri.EscapeDataString(rotation.Id)}&page={index}{scale}" : null;
        if (layout is null || Context is null || !dashboards.TryGetLayout(layout, out _)) return null;
        return $"/screen/{Uri.EscapeDataString(Context.Area.Id)}?layout={Uri.EscapeDataString(layout)}{scale}";
    }

    /// <summary>The page of an area's level, unless the URL names one.</summary>
    public static string LayoutFor(Area area) => area.Level switch
    {
        AreaLevel.City or AreaLevel.District => "city-wall",
        AreaLevel.Street => "street",
        AreaLevel.Community => "community",
        _ => "grid",
    };

    private Rotation? Rotation() => _request.Rotation is { } id && dashboards.TryGetRotation(id, out var rotation) ? rotation : null;

    private int PageIndex(Rotation rotation) => Math.Clamp(_request.Page ?? 0, 0, rotation.Pages.Count - 1);

    private async Task<WallContext> OpenAsync(Area area, DashboardLayout layout)
    {
        Unwatch();
        var context = new WallContext(tree, feed, renderer, clock, area, layout)
        {
            Yesterday = yesterday,
            RankVisible = _scope?.SeesRankOf(area.Id) != false,
            Crumbs = [.. _scope?.Crumbs(area.Id) ?? tree.Ancestors(area.Id).Reverse()],
        };
        var (mapAreas, _) = MapScope.For(tree, area);
        _watches.Add(feed.Watch(area.Id, s => { context.Snapshot = s; _dirty = true; }));
        var compared = context.Compared();
        foreach (var child in mapAreas.Concat(compared).DistinctBy(x => x.Id).Where(x => x.Id != area.Id))
            _watches.Add(feed.Watch(child.Id, _ => _mapDirty = true));
        _watches.Add(feed.WatchAlerts(alert =>
        {
            if (!tree.IsInSubtree(alert.AreaId, area.Id)) return;
            _alertsDirty = true;
            if (alert.Level == CaseLevel.Critical && alert.Reason == AlertReason.Reported && options.Value.Takeover) _takeoverRequest = alert;
        }));

        context.Snapshot = await feed.GetOrFetchAsync(area.Id, fresh: false);
        await Task.WhenAll(mapAreas.Concat(compared).Where(x => feed.Latest(x.Id) is null).Select(x => feed.GetOrFetchAsync(x.Id, fresh: false)));
        context.ChartSnapshot = context.Snapshot;
        await LoadIndexAsync(context);
        await LoadLiveIndexAsync(context);
        context.Alerts = Alerts(area);
        context.MapVersion++;
        _chartsAt = _mapAt = time.GetUtcNow();
        return context;
    }

    private async Task LoadIndexAsync(WallContext context)
    {
        _indexAt = time.GetUtcNow();
        try
        {
            if (await indices.LastDateAsync(indexModel.Version) is not { } last) return;
            context.Index = await indices.ReadAsync(context.Area.Id, last, indexModel.Version);
            var before = context.Index is null ? null : await indices.ReadAsync(context.Area.Id, last.AddDays(-1), indexModel.Version);
            context.IndexMover = context.Index is null ? null : IndexMovers.Top(indexModel, context.Index.Explanation, before?.Explanation, 1, figuresFirst: true).FirstOrDefault();
            context.IndexHistory = await indices.HistoryAsync(context.Area.Id, indexModel.Version, last.AddDays(-29), last);
            context.Siblings = context.Area.ParentId is { } parent ? tree.Children(parent).Count : 1;
            var values = await indices.ValuesAsync(last, indexModel.Version);
            context.SiblingIndices = context.Compared()
                .Where(a => values.TryGetValue(a.Id, out var v) && v is not null)
                .ToDictionary(a => a.Id, a => values[a.Id]!.Value, StringComparer.Ordinal);
        }
        catch (Exception) when (!_closed.IsCancellationRequested)
        {
            // The index is secondary on the wall: without it the panel says 暂无指数.
        }
    }

    /// <summary>Whether the wall's live index changed.</summary>
    private async Task<bool> LoadLiveIndexAsync(WallContext context)
    {
        try
        {
            var before = context.LiveIndex;
            context.LiveIndex = await liveIndices.GetAsync(context.Area.Id, _closed.Token);
            return context.LiveIndex != before;
        }
        catch (Exception) when (!_closed.IsCancellationRequested)
        {
            return false;  // secondary, as the nightly index: the panel then shows the official value alone
        }
    }

    /// <summary>A critical case takes the wall to its grid; once its time is up the page it interrupted comes back.</summary>
    private async Task<bool> TakeOverAsync(DateTimeOffset now)
    {
        if (_takeoverRequest is { } alert && Takeover is null && Context is not null)
        {
            _takeoverRequest = null;
            var takeover = Rotation()?.Takeover;
            if (tree.TryGet(alert.AreaId, out var grid) && dashboards.TryGetLayout(takeover?.Layout ?? TakeoverLayout, out var layout))
            {
                _beforeTakeover = Context;
                Takeover = alert;
                _takeoverUntil = now + (takeover is null ? DefaultTakeover : TimeSpan.FromSeconds(takeover.Seconds));
                Context = await OpenAsync(grid, layout);
                return true;
            }
        }
        if (Takeover is not null && now >= _takeoverUntil && _beforeTakeover is not null)
        {
            Takeover = null;
            Context = await OpenAsync(_beforeTakeover.Area, _beforeTakeover.Layout);
            _beforeTakeover = null;
            return true;
        }
        return false;
    }

    /// <summary>The next page's URL once this one has dwelt its time (the last page's next is the first).</summary>
    private string? NextRotationPage(DateTimeOffset now)
    {
        if (Rotation() is not { } rotation || Takeover is not null || Context is null) return null;
        var index = PageIndex(rotation);
        if (now - _pageSince < rotation.Pages[index].DwellIn(Context.Layout)) return null;
        return $"/screen?rotation={Uri.EscapeDataString(rotation.Id)}&page={(index + 1) % rotation.Pages.Count}";
    }

    private List<CaseAlert> Alerts(Area area) =>
        feed.RecentAlerts.Where(a => tree.IsInSubtree(a.AreaId, area.Id)).OrderByDescending(a => a.At).Take(20).ToList();

    private void Unwatch()
    {
        foreach (var w in _watches) w.Dispose();
        _watches.Clear();
    }

    public void Dispose()
    {
        if (_closed.IsCancellationRequested) return;
        _closed.Cancel();
        _closed.Dispose();
        Unwatch();
    }
}
