using System.Globalization;
using CityScreen.Areas;
using CityScreen.Contracts.Events;
using CityScreen.Contracts.Indicators;
using CityScreen.Domain.Indicators;
using CityScreen.Domain.Time;
using CityScreen.Server.Cases;
using CityScreen.Server.Feed;
using CityScreen.Server.Wall;
using Microsoft.AspNetCore.Components;

namespace CityScreen.Server.Components.Pages;

/// <summary>
/// The leaders' drill-down: the same map and charts as the wall, the departments serving the area
/// ranked (each opening its department page), at community level its three lists (<see cref="CommunityLists"/>),
/// a sortable table of the children, and at grid level the cases behind the numbers, filtered and exportable.
/// </summary>
public partial class Explore : ComponentBase, IDisposable
{
    private static readonly string[] TableIndicators = ["EV01", "EV02", "EV03", "EV04", "EV08", "EV09", "SA01", "WB01", "PM01"];

    /// <summary>The department section's columns: summoned, on time, time to arrive, resolved, the streets' rating.</summary>
    private static readonly string[] DepartmentColumns = ["DP01", "DP02", "DP03", "DP04", "DP07"];

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
    private CityScreen.Storage.Indices.IndexRecord? _previousIndex;
    private IReadOnlyList<CityScreen.Storage.Indices.IndexPoint> _indexHistory = [];

    [Parameter] public string? AreaId { get; set; }
    /// <summary>A sub-indicator of the index to follow down (<c>?sub=EV08&amp;date=2026-11-21</c>).</summary>
    [SupplyParameterFromQuery(Name = "sub")] public string? SubQuery { get; set; }
    [SupplyParameterFromQuery(Name = "date")] public string? DateQuery { get; set; }

    private CityScreen.Domain.Index.IndicatorExplanation? _sub;
    private DateOnly _subDate;
    private string? _subProblem;
    private SubIndicatorCases? _subCases;
    private int _simulatedDays;
    private List<(Area Child, CityScreen.Domain.Index.IndicatorExplanation? Sub)> _subChildren = [];

    [Inject] public required AreaTree Tree { get; init; }
    [Inject] public required ScreenFeed Feed { get; init; }
    [Inject] public required WallRenderer Renderer { get; init; }
    [Inject] public required CaseListService Cases { get; init; }
    [Inject] public required CityScreen.Domain.Departments.DepartmentDirectory Departments { get; init; }
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
            _previousIndex = await Indices.ReadAsync(_area.Id, last.AddDays(-1), IndexModel.Version);
            _indexHistory = await Indices.HistoryAsync(_area.Id, IndexModel.Version, last.AddDays(-89), last);
        }
        await FollowSubIndicatorAsync();
    }

    /// <summary>
    /// The way down from a sub-indicator: above the grids, the children's values of it on the same
    /// date, worst score first; in a grid, the cases it counts.
    /// </summary>
    private async Task FollowSubIndicatorAsync()
    {
        _sub = null;
        _subCases = null;
        _subProblem = null;
        _subChildren = [];
        if (string.IsNullOrEmpty(SubQuery) || _area is null) return;
        if (DateQuery is not null && !DateOnly.TryParseExact(DateQuery, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            _subProblem = $"日期 “{DateQuery}” 格式有误，应为 YYYY-MM-DD。";
            return;
        }
        DateOnly? date = DateQuery is not null ? DateOnly.ParseExact(DateQuery, "yyyy-MM-dd", CultureInfo.InvariantCulture) : _index?.Date;
        var record = date is { } d ? (_index?.Date == d ? _index : await Indices.ReadAsync(_area.Id, d, IndexModel.Version)) : null;
        if (record is null || date is null)
        {
            _subProblem = $"{_area.Name}{(date is { } dd ? $" {dd:yyyy-MM-dd}" : "")} 暂无指数。";
            return;
        }
        _subDate = date.Value;
        _sub = record.Explanation.Dimensions.SelectMany(x => x.Indicators).FirstOrDefault(i => i.Id == SubQuery);
        if (_sub is null)
        {
            _subProblem = $"指数模型中没有分项指标 “{SubQuery}”。";
            return;
        }
        if (_children.Count > 0)
        {
            var level = _children[0].Level.ToApiName();
            var records = (await Indices.ReadDateAsync(_subDate, IndexModel.Version, level))
                .Where(r => r.ParentId == _area.Id)
                .ToDictionary(r => r.AreaId, r => r.Explanation.Dimensions.SelectMany(x => x.Indicators).FirstOrDefault(i => i.Id == SubQuery));
            _subChildren = _children
                .Select(c => (c, records.GetValueOrDefault(c.Id)))
                .OrderBy(x => x.Item2?.Score ?? double.PositiveInfinity)
                .ThenBy(x => x.c.Id, StringComparer.Ordinal)
                .ToList();
        }
        else
        {
            _subCases = SubIndicatorCases.For(_sub.Id, _subDate, Clock, _cases);
            if (_subCases is null) _subProblem = $"{_sub.Name} 不按案件计数，没有案件清单。";
            // Simulated nights have indices but no events: their share of the counts has no cases behind it.
            var window = await Indices.HistoryAsync(_area.Id, IndexModel.Version, _subDate.AddDays(1 - SubIndicatorCases.WindowDays), _subDate);
            _simulatedDays = window.Count(p => p.Simulated);
        }
    }

    /// <summary>The cases the list shows: all that match the filters, or those a followed sub-indicator counts.</summary>
    private IEnumerable<CaseRow> ShownCases => _subCases is { } sc ? _cases.Where(sc.Counts) : _cases;

    private static string SubLink(string areaId, string subId, DateOnly date) =>
        $"/explore/{areaId}?sub={Uri.EscapeDataString(subId)}&date={date:yyyy-MM-dd}#sub";

    private async Task LoadCasesAsync()
    {
        if (_area is null) return;
        _cases = (await Cases.ListAsync(_area, Query())).ToList();
    }

    private CaseQuery Query() => new(CaseVocabulary.TryParse<CaseStatus>(_status, out var status) ? status : null, _category == "" ? null : _category, _overdueOnly, _from, _to);

    private string CasesUrl(string format)
    {
        var q = Query();
        var parts = new List<string> { $"format={format}" };
        if (q.Status is { } s) parts.Add($"status={s.ToJsonName()}");
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

    private static string Level(CaseLevel level) => level switch { CaseLevel.Critical => "重大", CaseLevel.Major => "较大", _ => "一般" };

    private static string Status(CaseRow c) => c.Status switch
    {
        CaseStatus.Open => c.Overdue ? "在办（超期）" : "在办",
        CaseStatus.Closed => "已结案",
        CaseStatus.Rejected => "不予立案",
        _ => "待立案",
    };

    public void Dispose() => _watch?.Dispose();
}
