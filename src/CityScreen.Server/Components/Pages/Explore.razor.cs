using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The leaders' drill-down: the same map and charts as the wall, a sortable table of the
/// children, and at grid level the cases behind the numbers, filtered and exportable.
/// </summary>
public partial class Explore : ComponentBase, IDisposable
{
    private static readonly string[] TableIndicators = ["EV01", "EV02", "EV03", "EV04", "EV08", "EV09", "SA01", "WB01", "PM01"];

    private Area? _area;
    private IndicatorSnapshot? _snapshot;
    private List<Area> _children = [];
    private List<CaseRow> _cases = [];
    private string _sortKey = "EV02";
    private bool _descending = true;
    private string _status = "", _category = "";
    private bool _overdueOnly;
    private DateOnly? _from, _to;
    private IDisposable? _watch;
    private Security.AreaScope? _scope;
    private CityScreen.Storage.Indices.IndexRecord? _index;
    private IReadOnlyList<CityScreen.Storage.Indices.IndexPoint> _indexHistory = [];

    [Parameter] public string? AreaId { get; set; }

    [Inject] public required AreaTree Tree { get; init; }
    [Inject] public required ScreenFeed Feed { get; init; }
    [Inject] public required WallRenderer Renderer { get; init; }
    [Inject] public required CaseListService Cases { get; init; }
    [Inject] public required CityClock Clock { get; init; }
    [Inject] public required CityScreen.Storage.Indices.IIndexStore Indices { get; init; }
    [Inject] public required CityScreen.Domain.Index.IndexModel IndexModel { get; init; }
    [Inject] public required Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Authentication { get; init; }

    protected override async Task OnParametersSetAsync()
    {
        _watch?.Dispose();
        // The viewer's subtree: /explore opens at its top, anything outside answers like an unknown area.
        var scope = _scope = Security.AreaScope.For((await Authentication.GetAuthenticationStateAsync()).User, Tree);
        _area = AreaId is null ? scope?.Root : scope?.Contains(AreaId) == true && Tree.TryGet(AreaId, out var a) ? a : null;
        if (_area is null) return;
        _children = Tree.Children(_area.Id).ToList();
        _snapshot = await Feed.GetOrFetchAsync(_area.Id, fresh: false);
        var (mapAreas, _) = MapScope.For(Tree, _area);
        await Task.WhenAll(_children.Concat(mapAreas).Where(c => Feed.Latest(c.Id) is null).Select(c => Feed.GetOrFetchAsync(c.Id, fresh: false)));
        _watch = Feed.Watch(_area.Id, s => { _snapshot = s; _ = InvokeAsync(StateHasChanged); });
        if (_children.Count == 0) await LoadCasesAsync();
        _index = null;
        if (await Indices.LastDateAsync(IndexModel.Version) is { } last)
        {
            _index = await Indices.ReadAsync(_area.Id, last, IndexModel.Version);
            _indexHistory = await Indices.HistoryAsync(_area.Id, IndexModel.Version, last.AddDays(-89), last);
        }
    }

    private async Task LoadCasesAsync()
    {
        if (_area is null) return;
        _cases = (await Cases.ListAsync(_area, Query())).ToList();
    }

    private CaseQuery Query() => new(_status == "" ? null : _status, _category == "" ? null : _category, _overdueOnly, _from, _to);

    private string CasesUrl(string format)
    {
        var q = Query();
        var parts = new List<string> { $"format={format}" };
        if (q.Status is { } s) parts.Add($"status={s}");
        if (q.Category is { } c) parts.Add($"category={Uri.EscapeDataString(c)}");
        if (q.OverdueOnly) parts.Add("overdue=true");
        if (q.From is { } f) parts.Add($"from={f:yyyy-MM-dd}");
        if (q.To is { } t) parts.Add($"to={t:yyyy-MM-dd}");
        return $"/api/areas/{_area!.Id}/cases?{string.Join('&', parts)}";
    }

    private void SortBy(string key)
    {
        _descending = key == _sortKey ? !_descending : key != "name";
        _sortKey = key;
    }

    private string Arrow(string key) => key != _sortKey ? "" : _descending ? "▼" : "▲";

    private IEnumerable<(Area Child, IndicatorValues? Values)> SortedChildren()
    {
        var rows = _children.Select(c => (Child: c, Values: Feed.Latest(c.Id)?.Values));
        if (_sortKey == "name")
            return _descending ? rows.OrderByDescending(r => r.Child.Name, StringComparer.Ordinal) : rows.OrderBy(r => r.Child.Name, StringComparer.Ordinal);
        var d = IndicatorCatalog.Get(_sortKey);
        double Key((Area Child, IndicatorValues? Values) r) => r.Values is { } v && d.ValueOf(v) is { } x ? x : double.NegativeInfinity;
        return _descending ? rows.OrderByDescending(Key) : rows.OrderBy(Key);
    }

    private static string Value(IndicatorValues? v, IndicatorDefinition d) => v is null ? "—" : WallRenderer.Format(d, d.ValueOf(v));

    private string Time(DateTimeOffset? t) => t is { } v ? Clock.ToLocal(v).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    private static string Level(string level) => level switch { "critical" => "重大", "major" => "较大", _ => "一般" };

    private static string Status(CaseRow c) => c.Status switch
    {
        "open" => c.Overdue ? "在办（超期）" : "在办",
        "closed" => "已结案",
        "rejected" => "不予立案",
        _ => "待立案",
    };

    public void Dispose() => _watch?.Dispose();
}
